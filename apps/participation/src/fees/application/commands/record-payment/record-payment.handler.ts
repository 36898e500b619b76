import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, ValidationError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { compareIsoDates, roundKzt } from '../../../../shared/domain/calendar.js';
import { Fee, FeePayment } from '../../../domain/fee.aggregate.js';
import { RecordPaymentCommand } from './record-payment.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';

/** F-21: a payment entered by hand (finance officer). */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RecordPaymentCommand): Promise<Fee> {
    return runCommand(this.uow, async (em) => {
      const fee = await em.findOne(Fee, { id: c.feeId });
      if (!fee) throw new NotFoundError('fee', c.feeId);
      if (compareIsoDates(c.input.paidOn, this.ctx.today()) > 0) throw ValidationError.field('paidOn', 'cannot be in the future', 'payment.future');
      if (await em.findOne(FeePayment, { reference: c.input.reference })) {
        throw new ConflictError('payment.duplicate-reference', `a payment with reference ${c.input.reference} is already recorded`, { field: 'reference' });
      }
      fee.pay(c.input.amountKzt, this.ctx.now());
      em.persist(
        Object.assign(new FeePayment(), {
          id: uuidv7(),
          feeId: fee.id,
          bin: fee.bin,
          amountKzt: roundKzt(c.input.amountKzt),
          paidOn: c.input.paidOn,
          reference: c.input.reference,
          source: 'manual',
          importId: null,
          recordedBy: c.actor.subject,
          recordedAt: this.ctx.now(),
        }),
      );
      return fee;
    });
  }
}
