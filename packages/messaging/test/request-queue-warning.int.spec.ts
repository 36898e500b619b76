import { describe, expect, it } from 'vitest';
import { testKafkaBrokers } from '@hub/testing';
import { KafkaJsMessageBus, silentLogger } from '../src/index.js';

/**
 * Issue #18: kafkajs 2.2.4's request queue schedules its throttle check with a delay of about
 * -Date.now() when nothing is throttled; Node clamps it to 1 ms but prints a TimeoutNegativeWarning at
 * every start of every app. patches/kafkajs@2.2.4.patch gives the same delay without the warning.
 * Node warns once per process, so this file connects nothing before its listener is in place.
 */
describe('the kafkajs adapter starts without TimeoutNegativeWarning', () => {
  it('connecting, talking to the broker and closing raise no TimeoutNegativeWarning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const bus = new KafkaJsMessageBus({ clientId: 'bus-warning-test', brokers: testKafkaBrokers(), logger: silentLogger });
    try {
      expect(await bus.listTopics()).toEqual(expect.any(Array));
      await new Promise((r) => setTimeout(r, 100)); // warnings are emitted on a later tick
    } finally {
      await bus.close();
      process.off('warning', onWarning);
    }
    expect(warnings.filter((n) => n === 'TimeoutNegativeWarning')).toEqual([]);
  });
});
