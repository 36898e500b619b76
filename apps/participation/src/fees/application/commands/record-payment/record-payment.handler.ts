import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, ConflictError, uuidv7, tiyn } from '@hub/kernel';
import { UnitOfWork } from '@hub/nest-commons';
import { today } from '../../../../shared/application/today.js';
import type { Fee } from '../../../domain/fee.aggregate.js';
import { FeePaymentRepository, FeeRepository } from '../../ports/fee.repository.js';
import { RecordPaymentCommand } from './record-payment.command.js';

/** F-21: a payment entered by hand (finance officer). */
@CommandHandler(RecordPaymentCommand)
export class RecordPaymentHandler implements ICommandHandler<RecordPaymentCommand> {
  constructor(
    @Inject(UnitOfWork) private readonly uow: UnitOfWork,
    @Inject(FeeRepository) private readonly fees: FeeRepository,
    @Inject(FeePaymentRepository) private readonly payments: FeePaymentRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  execute(c: RecordPaymentCommand): Promise<Fee> {
    const amount = tiyn(c.input.amountTiyn, 'amountTiyn');
    return this.uow.run(async () => {
      const fee = await this.fees.get(c.feeId);
      if ((await this.payments.recorded([c.input.reference])).size > 0) {
        throw new ConflictError('payment.duplicate-reference', `a payment with reference ${c.input.reference} is already recorded`, { field: 'reference' });
      }
      const payment = fee.pay(
        { id: uuidv7(), amount, paidOn: c.input.paidOn, reference: c.input.reference, source: 'manual', importId: null, recordedBy: c.actor.subject },
        today(this.clock),
        this.clock.now(),
      );
      this.payments.add(payment);
      return fee;
    });
  }
}
