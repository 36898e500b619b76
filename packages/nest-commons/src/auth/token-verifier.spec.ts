import { type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TokenVerifier } from './token-verifier.js';

/** ADR 0127: verified tokens are remembered briefly; nothing else about verification changes. */
describe('TokenVerifier', () => {
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let jwk: JWK;
  let otherKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  let clock = Date.parse('2026-12-06T10:00:00Z');
  const now = () => clock;
  const sign = (claims: Record<string, unknown>, { exp = 3600, key = privateKey, iat = clock }: { exp?: number; key?: typeof privateKey; iat?: number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer('https://idp.test')
      .setAudience('hub')
      .setSubject('officer-1')
      .setIssuedAt(Math.floor(iat / 1000))
      .setExpirationTime(Math.floor(iat / 1000) + exp)
      .sign(key);
  const verifier = (over: Partial<ConstructorParameters<typeof TokenVerifier>[0]> = {}) =>
    new TokenVerifier({ jwks: { keys: [{ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' }] }, issuer: 'https://idp.test', audience: 'hub', now, ...over });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    jwk = await exportJWK(pair.publicKey);
    otherKey = (await generateKeyPair('RS256')).privateKey;
  });

  it('answers a token it verified from memory, with the same claims, frozen', async () => {
    const v = verifier();
    const token = await sign({ roles: ['fund-officer'] });
    const first = await v.verify(token);
    const again = await v.verify(token);
    expect(again).toBe(first);
    expect(again).toMatchObject({ sub: 'officer-1', roles: ['fund-officer'] });
    expect(Object.isFrozen(again) && Object.isFrozen(again.roles)).toBe(true);
  });

  it('never remembers a refused token, and a changed byte is another token', async () => {
    const v = verifier();
    const forged = await sign({ roles: ['fund-officer'] }, { key: otherKey });
    await expect(v.verify(forged)).rejects.toThrow();
    await expect(v.verify(forged)).rejects.toThrow();
    const good = await sign({ roles: ['fund-officer'] });
    await v.verify(good);
    const tampered = `${good.slice(0, -2)}${good.endsWith('A') ? 'B' : 'A'}${good.slice(-1)}`;
    await expect(v.verify(tampered)).rejects.toThrow();
  });

  it('stops trusting a remembered token when it expires, even inside the cache lifetime', async () => {
    const v = verifier({ verifiedTtlMs: 60_000 });
    const token = await sign({}, { exp: 30 });
    await v.verify(token);
    clock += 29_000;
    await expect(v.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
    clock += 2_000;
    await expect(v.verify(token)).rejects.toThrow(/exp/);
  });

  it('trusts a token remembered before its key was withdrawn for at most the cache lifetime (the window ADR 0127 accepts); a fresh check refuses it', async () => {
    const token = await sign({});
    let keys = { keys: [{ ...jwk, kid: 'k1', alg: 'RS256', use: 'sig' }] };
    const v = verifier({ verifiedTtlMs: 60_000, jwks: keys });
    await v.verify(token);
    keys = { keys: [] }; // the local set was built at construction: a fresh verifier shows what a re-check sees
    const rechecking = verifier({ verifiedTtlMs: 0, jwks: keys });
    await expect(rechecking.verify(token)).rejects.toThrow();
    clock += 59_000;
    await expect(v.verify(token)).resolves.toMatchObject({ sub: 'officer-1' });
  });

  it('keeps at most verifiedMax tokens, dropping the oldest', async () => {
    const v = verifier({ verifiedMax: 2 });
    const [a, b, c] = await Promise.all([sign({ n: 1 }), sign({ n: 2 }), sign({ n: 3 })]);
    const pa = await v.verify(a);
    await v.verify(b);
    await v.verify(c); // a is dropped
    expect(await v.verify(a)).not.toBe(pa); // verified again: a new payload object
  });
});
