/** Fields of an aggregate that only its own methods change (ADR 0035 §1: `readonly` outside, `this as Mutable<…>` inside). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
