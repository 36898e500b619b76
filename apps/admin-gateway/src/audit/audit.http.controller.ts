import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import type { z } from 'zod';
import type { Actor } from '@hub/contracts';
import { MessageContexts } from '@hub/messaging';
import { CurrentActor, Endpoint, ValidQuery } from '@hub/nest-commons';
import { type AuditQuery, AuditPageSchema, AuditQuerySchema, AuditTrail } from './audit-trail.js';

/**
 * The audit trail for auditors: filters and pagination, read-only. There is deliberately no route
 * that changes or deletes an audit row (ADR 0032); reading the trail is itself recorded.
 */
@Controller('api/audit')
export class AuditHttpController {
  constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

  @Get('events')
  @Endpoint({
    summary: 'Audit trail: writes and restricted reads, newest first',
    description: 'Who (token subject, roles), acting for which company, what (method, route, resource id), when, correlation id and outcome (status).',
    tags: ['audit'],
    access: ['auditor'],
    query: AuditQuerySchema,
    response: AuditPageSchema,
  })
  async events(@ValidQuery() q: AuditQuery, @CurrentActor() actor: Actor, @Req() req: Request): Promise<z.infer<typeof AuditPageSchema>> {
    const started = performance.now();
    const page = await this.trail.query(q);
    await this.trail.record({
      kind: 'audit-read',
      subject: actor.subject,
      roles: actor.roles,
      companyBin: q.companyBin ?? null,
      actorCompanies: actor.companies,
      method: 'GET',
      route: '/api/audit/events',
      path: req.path,
      upstream: null,
      resourceId: null,
      status: 200,
      deniedByGateway: false,
      correlationId: MessageContexts.current()?.correlationId ?? 'none',
      requestId: (req as Request & { id?: string }).id ?? null,
      clientIp: req.ip ?? null,
      durationMs: performance.now() - started,
    });
    return page;
  }
}
