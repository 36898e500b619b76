/**
 * The writable view of an aggregate, for its own methods only (ADR 0035 §1): fields are `readonly`
 * to everyone else, and an aggregate changes its state through `this as Mutable<…>`.
 */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
