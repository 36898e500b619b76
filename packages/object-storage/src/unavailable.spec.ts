import { S3ServiceException } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ObjectStorageUnavailableError } from './object-storage.port.js';
import { asUnavailable } from './s3-object-storage.js';

const s3Error = (fault: 'client' | 'server', httpStatusCode: number) =>
  new S3ServiceException({ name: fault === 'server' ? 'InternalError' : 'AccessDenied', $fault: fault, $metadata: { httpStatusCode } });

describe('issue #10: an outage of the object store is told apart from a wrong request', () => {
  it('a refused connection, a reset, a timeout and a 5xx of the store become ObjectStorageUnavailableError naming the operation', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9090'), { code: 'ECONNREFUSED' });
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    for (const e of [refused, timeout, new Error('socket hang up'), s3Error('server', 503)]) {
      const out = asUnavailable('get', e);
      expect(out).toBeInstanceOf(ObjectStorageUnavailableError);
      expect(out).toMatchObject({ unavailableDependency: 'object-storage', cause: e });
      expect((out as Error).message).toMatch(/during get/);
    }
  });

  it('a client fault of the store (403, 400) and a programming error stay what they are', () => {
    const denied = s3Error('client', 403);
    const bug = new TypeError('x is undefined');
    expect(asUnavailable('put', denied)).toBe(denied);
    expect(asUnavailable('put', bug)).toBe(bug);
  });
});
