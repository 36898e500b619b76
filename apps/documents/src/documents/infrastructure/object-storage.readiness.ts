import { Inject, Injectable } from '@nestjs/common';
import { ReadinessCheck, type ReadinessProbe } from '@hub/nest-commons';
import { ObjectStorage } from '@hub/object-storage';

/**
 * `/health/ready` reports the object store (issue #10, ADR 0045). Not required: while the store is
 * away the documents' metadata can still be listed and read, uploads, downloads and issuing answer
 * 503 problem+json with Retry-After, and readiness shows `degraded` — taking every replica out of the
 * load balancer for an outage they all share would turn those clear 503s into connection errors.
 */
@Injectable()
@ReadinessCheck({ name: 'object-storage', required: false })
export class ObjectStorageReadiness implements ReadinessProbe {
  constructor(@Inject(ObjectStorage) private readonly storage: ObjectStorage) {}

  async check(): Promise<void> {
    if (!(await this.storage.ping())) throw new Error('the bucket does not answer');
  }
}
