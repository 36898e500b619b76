import { describe, expect, it } from 'vitest';
import { formatReplicaTable, runReplicas } from '../src/replicas.js';

/**
 * Several replicas (issue #19, ADR 0112): two whole processes of registration and two of
 * participation (HTTP, outbox relay, timers, consumers in one group) on one database per context and
 * one broker, behind round-robin proxies, under the chaos load generator. Bounded (70–80 s measured,
 * 130 s at load 29 on two cores) and part of `tools/hub test` through this package's `test` script.
 */
describe('two replicas of registration and participation under load (issue #19, ADR 0112)', () => {
  it('0 lost, 0 doubled; outbox published once per event, timers fired once, both replicas did their share', async () => {
    const started = Date.now();
    const run = await runReplicas({
      loadMs: Number(process.env.HUB_REPLICAS_LOAD_MS ?? 25_000),
      concurrency: Number(process.env.HUB_REPLICAS_CONCURRENCY ?? 4),
      minJourneys: 12,
      maxLoadMs: 60_000,
      drainMs: 60_000,
      log: (line) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`),
    });
    process.stdout.write(
      `replicas run in ${Math.round((Date.now() - started) / 1000)} s\n${formatReplicaTable(run)}\nHTTP statuses seen: ${JSON.stringify(run.statuses)}\n`,
    );
    if (run.details.length > 0) process.stdout.write(`details:\n  ${run.details.slice(0, 30).join('\n  ')}\n`);
    const r = run.result;
    // Every 2xx command has its effect exactly once: no company lost or doubled.
    expect({ lost: r.lost, doubled: r.doubled }).toEqual({ lost: 0, doubled: 0 });
    expect(r.contractsOk, 'journeys reached the contract').toBeGreaterThan(0);
    expect(r.effects).toBe(r.events);
    expect(r.effects).toBeGreaterThanOrEqual(r.contractsOk);
    // Two relays, one advisory lock: every published row reached the topic; repeats are counted, and
    // participation's inbox holds each participant-registered event exactly once.
    expect(run.outboxPublished).toBeGreaterThan(0);
    expect(run.outboxUnseen).toBe(0);
    expect(run.participantRegistered).toBe(r.events);
    expect(run.inboxMissing).toBe(0);
    // Two timer pollers: each due timer claimed once (attempts 1) with exactly one effect.
    expect(run.timers.due).toBeGreaterThan(0);
    expect(run.timers).toMatchObject({ firedOnce: run.timers.due, notFired: 0, reclaimed: 0, effectsMissing: 0, effectsDoubled: 0 });
    // Both replicas served commands, and the consumer group split the partitions between them.
    for (const s of run.shares) expect(s.httpCommands + s.httpReads, `${s.instance} served`).toBeGreaterThan(0);
    for (const s of run.shares.filter((x) => x.instance.startsWith('participation'))) expect(s.consumed, `${s.instance} consumed`).toBeGreaterThan(0);
    expect(run.shares.filter((x) => x.instance.startsWith('participation')).reduce((n, s) => n + s.consumed, 0)).toBeGreaterThanOrEqual(r.events);
  });
});
