import { IllegalStateError } from './errors.js';

/**
 * A declared transition table. Aggregates keep their state as a string union and ask the table
 * before they move, so that an illegal command fails with the current state named (→ HTTP 409).
 */
export class StateMachine<S extends string, C extends string> {
  constructor(
    private readonly entity: string,
    private readonly transitions: Readonly<Record<C, { from: readonly S[]; to: S }>>,
  ) {}

  /** The state `command` leads to from `current`, or an IllegalStateError. */
  next(current: S, command: C): S {
    const t = this.transitions[command];
    if (!t.from.includes(current)) {
      throw new IllegalStateError(this.entity, current, command, `allowed from: ${t.from.join(', ')}`);
    }
    return t.to;
  }

  can(current: S, command: C): boolean {
    return this.transitions[command].from.includes(current);
  }

  allowedCommands(current: S): C[] {
    return (Object.keys(this.transitions) as C[]).filter((c) => this.can(current, c));
  }
}
