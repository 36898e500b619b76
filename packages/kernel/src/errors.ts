/**
 * Typed domain errors. Every error the domain raises is one of these kinds, so that the HTTP layer
 * (nest-commons' problem filter) can map it to a status without knowing the context:
 * validation → 422 / 400, not-found → 404, conflict/illegal-state → 409, forbidden → 403.
 */
export type DomainErrorKind = 'validation' | 'not-found' | 'conflict' | 'forbidden' | 'rule-violation';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `businessPlan.projects.0.name`. */
  readonly path: string;
  readonly message: string;
  /** Machine-readable code, e.g. `bin.check-digit`. */
  readonly code?: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Stable machine-readable code, e.g. `registration.application.illegal-transition`. */
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  protected constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Input that is well-formed but wrong for the domain (a bad BIN check digit, a date out of range). */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[], message?: string, code = 'validation') {
    super(code, message ?? issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    this.issues = issues;
  }

  static field(path: string, message: string, code?: string): ValidationError {
    return new ValidationError([{ path, message, ...(code ? { code } : {}) }], undefined, code ?? 'validation');
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
  constructor(entity: string, id: string) {
    super(`${entity}.not-found`, `${entity} ${id} was not found`, { entity, id });
  }
}

/** A command that the aggregate's current state does not allow (answered with 409). */
export class IllegalStateError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(entity: string, currentState: string, attempted: string, hint?: string) {
    super(`${entity}.illegal-transition`, `cannot ${attempted} a ${entity} in state '${currentState}'${hint ? `: ${hint}` : ''}`, {
      entity,
      currentState,
      attempted,
    });
  }
}

/** Any other conflict: a duplicate, a concurrent change (optimistic lock). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
  constructor(message = 'you may not do this', details: Record<string, unknown> = {}) {
    super('forbidden', message, details);
  }
}

/** A business rule of the Fund's rules refused the command; `ruleId` cites it (e.g. `F-25`). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-violation' as const;
  readonly ruleId: string;
  constructor(ruleId: string, message: string, details: Record<string, unknown> = {}) {
    super(`rule.${ruleId}`, `${ruleId}: ${message}`, { ruleId, ...details });
    this.ruleId = ruleId;
  }
}
