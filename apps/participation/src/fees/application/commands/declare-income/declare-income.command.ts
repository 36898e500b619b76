import { Command } from '@nestjs/cqrs';
import { type Actor } from '@hub/contracts';
import { type Fee } from '../../../domain/fee.aggregate.js';

export class DeclareIncomeCommand extends Command<Fee> {
  constructor(
    readonly actor: Actor,
    readonly participationId: string,
    readonly input: { year: number; quarter: number; /** The quarter's income in tiyn (ADR 0036). */ incomeTiyn: number },
  ) {
    super();
  }
}
