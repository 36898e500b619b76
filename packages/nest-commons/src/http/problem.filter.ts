import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ValidationError, assertNever } from '@hub/kernel';
import { MessageContexts } from '@hub/messaging';
import { isDependencyUnavailable } from '../health/readiness-check.js';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { RequestValidationError } from './valid.js';

export interface ProblemField {
  /** Where the bad value is: `body.businessPlan.projects.0.name`, `query.page`, `params.id`. */
  readonly field: string;
  readonly message: string;
  readonly code?: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly code?: string;
  readonly errors?: readonly ProblemField[];
  readonly correlationId?: string;
  readonly [extra: string]: unknown;
}

const TYPE_BASE = 'https://hub.astanahub.kz/problems/';
/** A 503 asks the client to come back after this long (the dependency usually returns in seconds). */
const RETRY_AFTER_SECONDS = 5;

/** Maps a domain error to its HTTP status. */
export function statusOf(error: DomainError): number {
  switch (error.kind) {
    case 'validation':
      return 422;
    case 'rule-violation':
      return 422;
    case 'not-found':
      return 404;
    case 'conflict':
      return 409;
    case 'forbidden':
      return 403;
    default:
      return assertNever(error.kind, 'domain error kind');
  }
}

/**
 * Every error leaves as `application/problem+json` (RFC 9457). Malformed input → 400 naming
 * each field; a domain rule or a value out of range → 422; illegal state → 409 naming the current
 * state; a dependency that does not answer (object storage, the database, …) → 503 with Retry-After naming it;
 * unknown errors → 500 without internals (logged with the correlation id).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const problem = this.toProblem(exception, req);
    if (problem.status === 503) {
      this.logger.warn({ err: exception, correlationId: problem.correlationId }, 'dependency unavailable');
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    } else if (problem.status >= 500) this.logger.error({ err: exception, correlationId: problem.correlationId }, 'unhandled error');
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  toProblem(exception: unknown, req: Request): Problem {
    const correlationId = MessageContexts.current()?.correlationId;
    const base = { instance: req.originalUrl, ...(correlationId ? { correlationId } : {}) };
    if (isDependencyUnavailable(exception)) {
      return {
        type: `${TYPE_BASE}dependency-unavailable`,
        title: 'A service this request needs is unavailable',
        status: 503,
        detail: `${exception.unavailableDependency} did not answer, so the request was not completed — try again later.`,
        dependency: exception.unavailableDependency,
        ...base,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      // Issue #18: the database restarting or out of reach — the request did not complete; come back shortly.
      return {
        type: `${TYPE_BASE}dependency-unavailable`,
        title: 'A service this request needs is unavailable',
        status: 503,
        detail: 'the database did not answer, so the request was not completed — try again later.',
        dependency: 'database',
        ...base,
      };
    }
    if (exception instanceof RequestValidationError) {
      return {
        type: `${TYPE_BASE}invalid-request`,
        title: 'The request is malformed',
        status: 400,
        detail: `The ${exception.location} has ${exception.zodError.issues.length} invalid field(s): ${exception.zodError.issues
          .map((i) => `${[exception.location, ...i.path].join('.')}: ${i.message}`)
          .join('; ')}`,
        code: 'request.invalid',
        errors: exception.zodError.issues.map((i) => ({ field: [exception.location, ...i.path.map(String)].join('.'), message: i.message, code: i.code })),
        ...base,
      };
    }
    if (exception instanceof DomainError) {
      const status = statusOf(exception);
      return {
        type: `${TYPE_BASE}${exception.code}`,
        title: titleOf(exception),
        status,
        detail: exception.message,
        code: exception.code,
        ...(exception instanceof ValidationError
          ? { errors: exception.issues.map((i) => ({ field: i.path, message: i.message, ...(i.code ? { code: i.code } : {}) })) }
          : {}),
        ...exception.details,
        ...base,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const raw = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      const detail = Array.isArray(raw) ? raw.map(String).join('; ') : typeof raw === 'string' ? raw : JSON.stringify(raw);
      if (status === 400 && /JSON/i.test(detail)) {
        // Nest wraps body-parser's syntax error into a BadRequestException.
        return {
          type: `${TYPE_BASE}invalid-json`,
          title: 'The body is not valid JSON',
          status: 400,
          detail,
          errors: [{ field: 'body', message: 'not valid JSON' }],
          ...base,
        };
      }
      return {
        type: `${TYPE_BASE}http-${status}`,
        title: exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2'),
        status,
        detail,
        ...base,
      };
    }
    const bodyError = exception as { type?: string; status?: number; message?: string };
    if (bodyError?.type === 'entity.parse.failed') {
      return {
        type: `${TYPE_BASE}invalid-json`,
        title: 'The body is not valid JSON',
        status: 400,
        detail: bodyError.message ?? 'invalid JSON',
        errors: [{ field: 'body', message: 'not valid JSON' }],
        ...base,
      };
    }
    if (bodyError?.type === 'entity.too.deep') {
      return {
        type: `${TYPE_BASE}invalid-json`,
        title: 'The body is nested too deeply',
        status: 400,
        detail: bodyError.message ?? 'the JSON body is nested too deeply',
        errors: [{ field: 'body', message: bodyError.message ?? 'nested too deeply' }],
        ...base,
      };
    }
    if (bodyError?.type === 'entity.too.large') {
      return {
        type: `${TYPE_BASE}payload-too-large`,
        title: 'The body is too large',
        status: 413,
        detail: bodyError.message ?? 'request entity too large',
        ...base,
      };
    }
    return {
      type: `${TYPE_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred; quote the correlation id when reporting it.',
      ...base,
    };
  }
}

function titleOf(e: DomainError): string {
  switch (e.kind) {
    case 'validation':
      return 'A value is not acceptable';
    case 'rule-violation':
      return 'A rule of the Fund does not allow this';
    case 'not-found':
      return 'Not found';
    case 'conflict':
      return 'Not possible in the current state';
    case 'forbidden':
      return 'Forbidden';
    default:
      return assertNever(e.kind, 'domain error kind');
  }
}
