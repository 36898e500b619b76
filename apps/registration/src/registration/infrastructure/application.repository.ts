import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@hub/kernel';
import { Application } from '../domain/application.aggregate.js';
import { flushOrConflict } from './flush.js';
import { ApplicationRowSchema, type ApplicationRow } from './registration.schemas.js';

/** Loads and saves the Application aggregate (one row per application, snapshot in jsonb, optimistic lock). */
export class ApplicationRepository {
  constructor(private readonly em: SqlEntityManager) {}

  async find(id: string): Promise<Application | null> {
    const row = await this.em.findOne(ApplicationRowSchema, { id });
    return row ? Application.restore(row.data) : null;
  }

  async get(id: string): Promise<Application> {
    const app = await this.find(id);
    if (!app) throw new NotFoundError('application', id);
    return app;
  }

  /** Stages the aggregate's state; the unit of work's transaction flushes it (with the version check). */
  async save(app: Application): Promise<void> {
    const s = app.snapshot();
    const row = await this.em.findOne(ApplicationRowSchema, { id: s.id });
    const fields = {
      kind: s.kind,
      bin: s.bin,
      companyName: s.companyName,
      status: s.status,
      language: s.language,
      filedAt: s.filedAt ? new Date(s.filedAt) : null,
      data: s,
      updatedAt: new Date(s.updatedAt),
    };
    if (row) this.em.assign(row, fields);
    else this.em.create(ApplicationRowSchema, { id: s.id, ...fields, createdAt: new Date(s.createdAt) } as ApplicationRow);
    await flushOrConflict(this.em, `application ${s.id}`);
  }

  /** Whether the company has an application of this kind still being processed (F-17: a new one only after the last one ended). */
  async hasOpen(bin: string, kind: string): Promise<ApplicationRow | null> {
    return this.em.findOne(ApplicationRowSchema, { bin, kind, status: { $in: ['draft', 'submitted', 'remarks-issued', 'resubmitted', 'with-commission'] } });
  }
}
