import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@hub/calendar';
import type { Actor } from '@hub/contracts';
import type { Act } from '../../../acceleration/domain/allocation.aggregate.js';
import type { PremisesKind } from '../../../inventory/domain/housing-unit.aggregate.js';

/** A participant's representative asks for premises (F-57). */
export class RequestPremisesCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { readonly bin: string; readonly premisesKind: PremisesKind; readonly from: IsoDate; readonly until?: IsoDate | undefined },
    readonly actor: Actor,
  ) {
    super();
  }
}
export class AllocatePremisesCommand extends Command<void> {
  constructor(
    readonly leaseId: string,
    readonly unitId: string,
  ) {
    super();
  }
}
/** The participant gives the premises back from a date (F-58: release on request). */
export class ReleasePremisesCommand extends Command<void> {
  constructor(
    readonly leaseId: string,
    readonly from: IsoDate,
    readonly actor: Actor,
  ) {
    super();
  }
}
export class HandBackPremisesCommand extends Command<void> {
  constructor(
    readonly leaseId: string,
    readonly act: Omit<Act, 'kind' | 'signedBy'>,
    readonly actor: Actor,
  ) {
    super();
  }
}
