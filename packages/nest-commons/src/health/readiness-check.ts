import { DiscoveryService } from '@nestjs/core';

/** What a readiness check is called in `/health/ready` and whether the app is unready without it. */
export interface ReadinessCheckOptions {
  readonly name: string;
  /**
   * true: the app cannot serve at all without it → `/health/ready` answers 503 (only the app's own
   * database so far). false: requests that need it fail with 503 problem+json
   * (`dependency-unavailable`) while the rest keeps working → `degraded` (ADR 0035 §8, ADR 0045).
   */
  readonly required: boolean;
  /** Milliseconds before the check counts as down (default 3000). */
  readonly timeoutMs?: number;
}

/** A provider that can tell whether a dependency answers; its `check()` resolves when it does. */
export interface ReadinessProbe {
  check(): Promise<unknown>;
}

/**
 * Marks a provider as a readiness check, found by the platform's health controller wherever the
 * provider is declared (DiscoveryService): `@ReadinessCheck({ name: 'object-storage', required: false })`.
 */
export const ReadinessCheck = DiscoveryService.createDecorator<ReadinessCheckOptions>();

/**
 * An error that means "a service this request needs does not answer" (object storage, an upstream
 * API), not "the request is wrong": the problem filter answers 503 problem+json with Retry-After and
 * the dependency's name. Structural, so that adapters need not depend on this package.
 */
export interface DependencyUnavailable {
  readonly unavailableDependency: string;
  readonly message: string;
}

export function isDependencyUnavailable(e: unknown): e is DependencyUnavailable {
  return typeof e === 'object' && e !== null && typeof (e as { unavailableDependency?: unknown }).unavailableDependency === 'string';
}
