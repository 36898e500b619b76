import { describe, expect, it } from 'vitest';
import { ConfigError, baseConfigSchema, loadConfig, productionProblems } from './config.js';

const good = {
  NODE_ENV: 'production',
  PORT: '3000',
  HUB_AUTH_ISSUER: 'https://idp.astanahub.kz/realms/hub',
  HUB_AUTH_JWKS_URL: 'https://idp.astanahub.kz/realms/hub/protocol/openid-connect/certs',
  DATABASE_URL: 'postgres://registration_app:s3cret@db.internal:5432/hub_registration',
  HUB_KAFKA_BROKERS: 'kafka-0.kafka:9092',
};

describe('production refuses development settings (issue #18)', () => {
  it('starts with a real identity provider, a least-privilege role and production keys', () => {
    expect(productionProblems({ ...good, HUB_PII_KEYS: 'k2026:abc' })).toEqual([]);
    expect(loadConfig(baseConfigSchema, good).PORT).toBe(3000);
  });

  it('names every development setting', () => {
    const problems = productionProblems({
      ...good,
      HUB_AUTH_JWKS_FILE: '/tmp/jwks.json',
      HUB_AUTH_JWKS_URL: 'http://127.0.0.1:4000/dev-issuer/jwks.json',
      HUB_AUTH_ISSUER: 'http://127.0.0.1:4000/dev-issuer',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/hub_registration',
      HUB_PII_KEYS: 'dev1:abc',
    });
    expect(problems.map((p) => p.variable)).toEqual(['HUB_AUTH_JWKS_FILE', 'HUB_AUTH_JWKS_URL', 'HUB_AUTH_ISSUER', 'DATABASE_URL', 'HUB_PII_KEYS']);
    expect(productionProblems({ ...good, DATABASE_URL: 'postgres://registration_app@db:5432/x' })).toEqual([
      { variable: 'DATABASE_URL', message: 'has no password' },
    ]);
    expect(() => loadConfig(baseConfigSchema, { ...good, HUB_AUTH_ISSUER: 'http://localhost:4000/dev-issuer' })).toThrow(ConfigError);
  });

  it('leaves development and test alone', () => {
    expect(productionProblems({ ...good, NODE_ENV: 'development', HUB_AUTH_JWKS_FILE: '/tmp/jwks.json' })).toEqual([]);
    expect(productionProblems({ ...good, NODE_ENV: undefined, DATABASE_URL: 'postgres://postgres@127.0.0.1/x' })).toEqual([]);
  });
});

describe('the connection budget (ADR 0140 §7)', () => {
  it('sizes the pool from HUB_DATABASE_POOL_MAX, 10 when unset', () => {
    expect(loadConfig(baseConfigSchema, good).HUB_DATABASE_POOL_MAX).toBe(10);
    expect(loadConfig(baseConfigSchema, { ...good, HUB_DATABASE_POOL_MAX: '4' }).HUB_DATABASE_POOL_MAX).toBe(4);
  });

  it('names the variable when the size is not a whole number from 2 to 100', () => {
    for (const bad of ['0', '1', '101', '2.5', 'ten'])
      expect(() => loadConfig(baseConfigSchema, { ...good, HUB_DATABASE_POOL_MAX: bad })).toThrow(/HUB_DATABASE_POOL_MAX/);
  });
});
