import { describe, expect, it } from 'vitest';
import {
  AggregateRoot,
  IllegalStateError,
  ManualClock,
  StateMachine,
  ValidationError,
  assertNever,
  err,
  isUuid,
  ok,
  unwrap,
  uuidv7,
  type DomainEvent,
} from './index.js';

interface Opened extends DomainEvent {
  readonly name: 'Opened';
}
class Door extends AggregateRoot<Opened> {
  constructor(readonly id: string) {
    super();
  }
  open(at: Date): void {
    this.record({ name: 'Opened', aggregateId: this.id, occurredAt: at });
  }
}

describe('AggregateRoot', () => {
  it('records events and hands them out once', () => {
    const door = new Door('d1');
    door.open(new Date('2026-01-01T00:00:00Z'));
    door.open(new Date('2026-01-02T00:00:00Z'));
    expect(door.peekEvents()).toHaveLength(2);
    const pulled = door.pullEvents();
    expect(pulled.map((e) => e.occurredAt.toISOString())).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
    expect(door.pullEvents()).toEqual([]);
  });
});

describe('AggregateRoot hydrated without its constructor (as an ORM does)', () => {
  it('still records and hands out events', () => {
    const door = Object.create(Door.prototype) as Door;
    Object.assign(door, { id: 'd2' });
    door.open(new Date('2026-01-03T00:00:00Z'));
    expect(door.pullEvents().map((e) => e.aggregateId)).toEqual(['d2']);
    expect(Object.keys(door)).toEqual(['id']); // nothing extra for the ORM to map
  });
});

describe('StateMachine', () => {
  const sm = new StateMachine<'draft' | 'submitted' | 'closed', 'submit' | 'close'>('application', {
    submit: { from: ['draft'], to: 'submitted' },
    close: { from: ['draft', 'submitted'], to: 'closed' },
  });
  it('moves along declared transitions', () => {
    expect(sm.next('draft', 'submit')).toBe('submitted');
    expect(sm.allowedCommands('submitted')).toEqual(['close']);
  });
  it('names the current state when a transition is illegal', () => {
    expect(() => sm.next('closed', 'submit')).toThrow(IllegalStateError);
    expect(() => sm.next('closed', 'submit')).toThrow(/state 'closed'/);
  });
});

describe('ids', () => {
  it('uuidv7 is a valid, time-ordered uuid', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(isUuid(a)).toBe(true);
    expect(a[14]).toBe('7');
    expect(a < b).toBe(true);
  });
  it('uuidv7 from the wall clock: 2 000 ids in a row (eight pools of random bytes) are valid v7, unique and strictly increasing (ADR 0139)', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7'); // version
      expect('89ab').toContain(id[19]); // RFC 9562 variant
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1]! < ids[i]!).toBe(true);
    // The random tails (last 12 hex digits: 48 random bits each) are not repeated across pool refills.
    expect(new Set(ids.map((id) => id.slice(-12))).size).toBe(ids.length);
  });
  it('uuidv7 with a given time carries that time and fresh random bits', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_000);
    expect(a.slice(0, 13)).toBe(b.slice(0, 13)); // same 48-bit millisecond
    expect(a.replace(/-/g, '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
    expect(a).not.toBe(b);
  });
  it('rejects non-uuids', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
  });
});

describe('Result and errors', () => {
  it('unwrap returns the value or throws the error', () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(err(new Error('boom')))).toThrow('boom');
  });
  it('ValidationError names the field', () => {
    const e = ValidationError.field('bin', 'check digit does not match', 'bin.check-digit');
    expect(e.kind).toBe('validation');
    expect(e.issues[0]).toEqual({ path: 'bin', message: 'check digit does not match', code: 'bin.check-digit' });
    expect(e.message).toBe('bin: check digit does not match');
  });
  it('assertNever throws on an unexpected value', () => {
    expect(() => assertNever('x' as never)).toThrow(/unexpected/);
  });
});

describe('ManualClock', () => {
  it('moves only when told', () => {
    const c = new ManualClock('2026-03-01T00:00:00Z');
    c.advanceDays(2);
    expect(c.now().toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });
});
