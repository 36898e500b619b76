import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@hub/calendar';
import type { InventoryItem, Meter, PremisesKind, Room } from '../../domain/housing-unit.aggregate.js';

export class RegisterBuildingCommand extends Command<{ id: string }> {
  constructor(readonly input: { readonly name: string; readonly address: string; readonly town: { readonly katoCode: string; readonly name: string } }) {
    super();
  }
}

export class RegisterUnitCommand extends Command<{ id: string }> {
  constructor(
    readonly buildingId: string,
    readonly input: {
      readonly code: string;
      readonly kind: 'dwelling' | 'premises';
      readonly premisesKind?: PremisesKind | undefined;
      readonly areaM2?: string | undefined;
      readonly rooms?: readonly Room[] | undefined;
      readonly inventory?: readonly InventoryItem[] | undefined;
      readonly meters?: readonly Meter[] | undefined;
    },
  ) {
    super();
  }
}

export class TakeUnitOutOfServiceCommand extends Command<void> {
  constructor(
    readonly unitId: string,
    readonly period: { readonly from: IsoDate; readonly to: IsoDate; readonly reason: string },
  ) {
    super();
  }
}
