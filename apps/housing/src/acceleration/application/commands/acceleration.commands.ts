import { Command } from '@nestjs/cqrs';
import type { Actor } from '@hub/contracts';
import type { Act } from '../../domain/allocation.aggregate.js';

export interface RequestHousingInput {
  readonly enrolmentId: string;
  readonly iin: string;
  readonly contacts: { readonly phone: string; readonly email?: string | undefined };
  readonly declaration: { readonly noHousingInTown: boolean; readonly evidence: string };
}

/** A person in acceleration asks for housing (F-59). */
export class RequestHousingCommand extends Command<{ id: string }> {
  constructor(
    readonly input: RequestHousingInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
/** The housing manager offers a given bed to a waiting person. */
export class OfferPlaceCommand extends Command<{ id: string }> {
  constructor(readonly input: { readonly caseId: string; readonly unitId: string; readonly bed: string }) {
    super();
  }
}
/** F-62: offer the town's free beds to the next people on the waitlist. */
export class OfferNextCommand extends Command<{ offers: string[] }> {
  constructor(readonly townKatoCode: string) {
    super();
  }
}
export class AcceptOfferCommand extends Command<void> {
  constructor(
    readonly allocationId: string,
    readonly acceptsDuties: boolean,
    readonly actor: Actor,
  ) {
    super();
  }
}
export class DeclineOfferCommand extends Command<void> {
  constructor(
    readonly allocationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
export type ActInput = Omit<Act, 'kind' | 'signedBy'>;
export class CheckInCommand extends Command<void> {
  constructor(
    readonly allocationId: string,
    readonly act: Omit<ActInput, 'damages'>,
    readonly actor: Actor,
  ) {
    super();
  }
}
export class HandOverCommand extends Command<{ offers: string[] }> {
  constructor(
    readonly allocationId: string,
    readonly act: ActInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
/** F-42: a resident's IIN and contacts, for housing staff and the person; every read logged. */
export class ReadResidentDataCommand extends Command<{ iin: string; contacts: { phone: string; email?: string } }> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
