import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, uuidv7 } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { ContextServices } from '../../../../shared/application/platform.js';
import { Fee, FeePayment } from '../../../domain/fee.aggregate.js';
import { RecordPaymentCommand } from './record-payment.command.js';
import { runCommand } from '../../../../shared/application/run-command.js';
import { amountFromBody, amountOf } from '../../amount-input.js';
import { publishFeeEvents } from '../../publish-fee-events.js';

/** F-21: a payment entered by hand (finance officer). */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork, @Inject(ContextServices) private readonly ctx: ContextServices) {}

  execute(c: RecordPaymentCommand): Promise<Fee> {
    const amount = amountOf(amountFromBody(c.input.amountTiyn, c.input.amountKzt), 'amountTiyn');
    return runCommand(this.uow, async (em) => {
      const fee = await em.findOne(Fee, { id: c.feeId });
      if (!fee) throw new NotFoundError('fee', c.feeId);
      if (await em.findOne(FeePayment, { reference: c.input.reference })) {
        throw new ConflictError('payment.duplicate-reference', `a payment with reference ${c.input.reference} is already recorded`, { field: 'reference' });
      }
      const payment = fee.pay(
        { id: uuidv7(), amount, paidOn: c.input.paidOn, reference: c.input.reference, source: 'manual', importId: null, recordedBy: c.actor.subject },
        this.ctx.today(),
        this.ctx.now(),
      );
      em.persist(payment);
      await publishFeeEvents(this.ctx, em, fee);
      return fee;
    });
  }
}
