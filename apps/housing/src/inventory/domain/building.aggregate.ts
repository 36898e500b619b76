import { AggregateRoot, ValidationError } from '@hub/kernel';
import type { InventoryEvent } from './inventory.events.js';

/** A building of the Fund in a town (KATO code + name, the town the F-59 declaration is about). */
export class Building extends AggregateRoot<InventoryEvent> {
  readonly id!: string;
  readonly name!: string;
  readonly address!: string;
  readonly townKatoCode!: string;
  readonly townName!: string;
  readonly version!: number;
  readonly createdAt!: Date;
  readonly updatedAt!: Date;

  static register(input: { id: string; name: string; address: string; townKatoCode: string; townName: string; at: Date }): Building {
    if (!/^\d{9}$/.test(input.townKatoCode)) throw ValidationError.field('town.katoCode', 'a KATO code is exactly 9 digits');
    const b = new Building();
    Object.assign(b, {
      id: input.id,
      name: input.name.trim(),
      address: input.address.trim(),
      townKatoCode: input.townKatoCode,
      townName: input.townName.trim(),
      createdAt: input.at,
      updatedAt: input.at,
    });
    b.record({ name: 'BuildingRegistered', aggregateId: input.id, occurredAt: input.at, townKatoCode: input.townKatoCode });
    return b;
  }
}
