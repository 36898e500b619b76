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
