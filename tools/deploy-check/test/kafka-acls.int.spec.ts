import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventRegistry, TOPICS, dlqTopicOf } from '@hub/contracts';
import { type AclBinding, EventConsumer, createMessageBus, kafkaClientFromEnv, silentLogger } from '@hub/messaging';
import { DLQ_OPERATOR_USER, REPO_ROOT, discoverApps, dlqOperatorAcls, kafkaAcls } from '../src/index.js';

const run = promisify(execFile);

/**
 * Issue #18 / #19: "each context may write only its own topics" — the ACLs tools/deploy-check renders
 * for Strimzi (`kafkaAcls`, `dlqOperatorAcls`), applied to a real Kafka broker with an authorizer and
 * tried by each principal. The broker is this test's own (tools/kafka/broker.sh with its own name,
 * ports and state directory, a SASL/PLAIN listener and the StandardAuthorizer through
 * HUB_KAFKA_EXTRA_PROPERTIES); the shared broker on 9092 is never touched. Every client is the
 * platform's own MessageBus adapter with the context's SASL credentials — what the apps run — and the
 * ACLs go through its administration port (the client stays behind the port, ADR 0003, ADR 0149).
 */
const USERS = ['registration', 'participation', DLQ_OPERATOR_USER] as const;
/** A topic of this test only, empty, that participation may read; its group is granted late. */
const LATE_TOPIC = 'hub.acl-test.late-grant';
const secret = (user: string) => `${user}-acl-test-secret`;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

interface StrimziAcl {
  resource: { type: 'topic' | 'group'; name: string; patternType: 'literal' | 'prefix' };
  operations: string[];
}
const OPERATIONS = new Set<string>(['Read', 'Write', 'Describe']);
/** Strimzi's `simple` authorisation entries → ACL bindings for one principal, one operation each. */
const bindingsOf = (user: string, acls: readonly object[]): AclBinding[] =>
  (acls as StrimziAcl[]).flatMap((a) =>
    a.operations.map((operation) => {
      if (!OPERATIONS.has(operation)) throw new Error(`no mapping for the ACL operation ${operation}`);
      return { principal: `User:${user}`, resource: a.resource, operation: operation as AclBinding['operation'] };
    }),
  );

describe(`Kafka ACLs from the rendered KafkaUsers, on a broker with an authorizer, through ${kafkaClientFromEnv()} (issues #18, #19)`, () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'hub-kafka-acls-'));
  const name = `acls-${process.pid}`;
  let port = 0;
  const apps = discoverApps();
  const registration = apps.find((a) => a.name === 'registration')!;
  const participation = apps.find((a) => a.name === 'participation')!;
  /**
   * The platform's adapter as a context runs it (HUB_KAFKA_CLIENT: the package script runs this file on
   * each, ADR 0149), logged in as `user`; fails fast (tests want the refusal, not retries).
   */
  const busOf = (user: string) =>
    createMessageBus({
      client: kafkaClientFromEnv(),
      clientId: `acl-test-${user}`,
      brokers: [`127.0.0.1:${port}`],
      sasl: { mechanism: 'plain', username: user, password: secret(user) },
      connectionTimeoutMs: 10_000,
      // A fresh broker answers "coordinator not available" while it creates __consumer_offsets: retried.
      // Refusals (TOPIC_/GROUP_AUTHORIZATION_FAILED) are not retriable.
      retries: 8,
      logger: silentLogger,
    });
  const broker = (command: string, ...args: string[]) =>
    run('bash', [join(REPO_ROOT, 'tools/kafka/broker.sh'), command, '--name', name, ...args], {
      env: {
        ...process.env,
        HUB_STATE_DIR: stateDir,
        HUB_KAFKA_EXTRA_PROPERTIES: join(stateDir, 'acl.properties'),
        HUB_KAFKA_EXTRA_LOG4J: join(stateDir, 'acl-log4j2.properties'),
        HUB_KAFKA_STOP_TIMEOUT: '20',
      },
      timeout: 240_000,
    });
  const send = async (user: string, topic: string): Promise<void> => {
    const bus = busOf(user);
    try {
      await bus.publish([{ topic, key: 'k', value: `from ${user}` }]);
    } finally {
      await bus.close();
    }
  };
  /**
   * Joins `groupId` on `topic` and reads the first message: resolves with it, or rejects with the
   * refusal the bus reports (`onCrash`: the subscription is dead and will not retry).
   */
  const readFirst = async (user: string, groupId: string, topic: string): Promise<string> => {
    const bus = busOf(user);
    try {
      let crash: (e: Error) => void = () => undefined;
      const crashed = new Promise<never>((_, reject) => (crash = reject));
      let first: (value: string) => void = () => undefined;
      const received = new Promise<string>((resolve) => (first = resolve));
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no message within 45 s')), 45_000));
      const subscribed = bus.subscribe({
        groupId,
        topics: [topic],
        fromBeginning: true,
        handle: (m) => Promise.resolve(first(String(m.value))),
        onCrash: crash,
      });
      return await Promise.race([subscribed.then(() => Promise.race([received, crashed])), crashed, timeout]);
    } finally {
      await bus.close().catch(() => undefined);
    }
  };
  const DENIED = /not authori[sz]ed|authorization/i;
  /** The broker's own authorizer log: the second witness of each refusal. */
  const deniedByBroker = (user: string, resource: string): boolean =>
    new RegExp(`Principal = User:${user} is Denied operation = \\w+ from host = \\S+ on resource = ${resource.replaceAll('.', '\\.')}\\b`).test(
      readFileSync(join(stateDir, 'kafka', name, 'broker.log'), 'utf8'),
    );

  beforeAll(async () => {
    port = await freePort();
    const users = ['admin', ...USERS].map((u) => `user_${u}="${secret(u)}"`).join(' ');
    // The authorizer logs every denial at INFO: the broker's own witness beside what the client reports.
    writeFileSync(join(stateDir, 'acl-log4j2.properties'), '\nlogger.authorizer.name = kafka.authorizer.logger\nlogger.authorizer.level = INFO\n');
    writeFileSync(
      join(stateDir, 'acl.properties'),
      [
        '',
        '# The ACL test broker: clients only on SASL/PLAIN, the standard KRaft authorizer, deny when no ACL.',
        'listeners=SASL_PLAINTEXT://@HOST@:@PORT@,CONTROLLER://@HOST@:@CONTROLLER_PORT@',
        'advertised.listeners=SASL_PLAINTEXT://@HOST@:@PORT@',
        'inter.broker.listener.name=SASL_PLAINTEXT',
        'listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT',
        'sasl.enabled.mechanisms=PLAIN',
        'sasl.mechanism.inter.broker.protocol=PLAIN',
        `listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${secret('admin')}" ${users};`,
        'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        // The controller listener (this JVM talking to itself) is unauthenticated; clients never reach it.
        'super.users=User:admin;User:ANONYMOUS',
        'allow.everyone.if.no.acl.found=false',
        'auto.create.topics.enable=false',
        '',
      ].join('\n'),
    );
    await broker('start', '--port', String(port), '--controller-port', String(await freePort()));

    const admin = busOf('admin');
    try {
      const topics = [
        TOPICS.registration.name,
        TOPICS.participation.name,
        TOPICS.services.name,
        dlqTopicOf(TOPICS.registration.name),
        dlqTopicOf(TOPICS.participation.name),
        LATE_TOPIC,
      ];
      await admin.createTopics(topics.map((name) => ({ name, partitions: 1 })));
      await admin.createAcls([
        ...bindingsOf('registration', kafkaAcls(registration)),
        ...bindingsOf('participation', kafkaAcls(participation)),
        ...bindingsOf(DLQ_OPERATOR_USER, dlqOperatorAcls()),
      ]);
    } finally {
      await admin.close();
    }
  }, 300_000);

  afterAll(async () => {
    await broker('stop').catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  }, 120_000);

  it('the rendered ACLs are what the test relies on: participation consumes registration, not services', () => {
    expect(participation.consumes).toContain(TOPICS.registration.name);
    expect(participation.consumes).not.toContain(TOPICS.services.name);
  });

  it('a context writes its own topic; writing another context’s topic is refused by the broker', async () => {
    await send('registration', TOPICS.registration.name);
    await send('participation', TOPICS.participation.name);
    await expect(send('participation', TOPICS.registration.name)).rejects.toThrow(DENIED);
    await expect(send('registration', TOPICS.participation.name)).rejects.toThrow(DENIED);
  });

  it('a context reads what it consumes with its own consumer group', async () => {
    expect(await readFirst('participation', 'participation.registration-events', TOPICS.registration.name)).toBe('from registration');
    expect(deniedByBroker('participation', 'Group:LITERAL:participation.registration-events')).toBe(false);
  }, 120_000);

  it('…but not with another context’s consumer group, nor a topic it does not consume', async () => {
    expect(deniedByBroker('participation', 'Group:LITERAL:registration.sneaky')).toBe(false);
    await expect(readFirst('participation', 'registration.sneaky', TOPICS.registration.name)).rejects.toThrow(/not authorized to access group/i);
    expect(deniedByBroker('participation', 'Group:LITERAL:registration.sneaky')).toBe(true);
    await expect(readFirst('participation', 'participation.sneaky', TOPICS.services.name)).rejects.toThrow(DENIED);
    expect(deniedByBroker('participation', `Topic:LITERAL:${TOPICS.services.name}`)).toBe(true);
  }, 120_000);

  it('a consumer may dead-letter what it consumes (the .dlq twin) and nothing else', async () => {
    await send('participation', dlqTopicOf(TOPICS.registration.name));
    await expect(send('participation', dlqTopicOf(TOPICS.participation.name))).rejects.toThrow(DENIED);
  });

  it('the dlq operator reads dead letters and replays to the source topic, but may not write dead letters or read a context’s own topic', async () => {
    expect(await readFirst(DLQ_OPERATOR_USER, `hub-dlq-tool.${process.pid}.1`, dlqTopicOf(TOPICS.registration.name))).toBe('from participation');
    await send(DLQ_OPERATOR_USER, TOPICS.registration.name); // replay
    await expect(send(DLQ_OPERATOR_USER, dlqTopicOf(TOPICS.registration.name))).rejects.toThrow(DENIED);
    await expect(readFirst(DLQ_OPERATOR_USER, `participation.sneaky`, dlqTopicOf(TOPICS.registration.name))).rejects.toThrow(/not authorized to access group/i);
    expect(deniedByBroker(DLQ_OPERATOR_USER, 'Group:LITERAL:participation.sneaky')).toBe(true);
    await expect(readFirst(DLQ_OPERATOR_USER, `hub-dlq-tool.${process.pid}.2`, TOPICS.participation.name)).rejects.toThrow(DENIED);
  }, 120_000);

  it('a grant is in force when createAcls returns: a write right after it is not refused (the CI once saw the first write refused)', async () => {
    const admin = busOf('admin');
    try {
      const topics = Array.from({ length: 10 }, (_, i) => `hub.acl-test.fresh-${i}`);
      await admin.createTopics(topics.map((name) => ({ name, partitions: 1 })));
      for (const topic of topics) {
        await admin.createAcls([{ principal: 'User:registration', resource: { type: 'topic', name: topic, patternType: 'literal' }, operation: 'Write' }]);
        await send('registration', topic);
      }
    } finally {
      await admin.close();
    }
  }, 120_000);

  it('a consumer the broker refuses says so, counts it, and rejoins by itself once the ACL is granted (no restart)', async () => {
    const bus = busOf('participation');
    await bus.createAcls([]); // nothing to add: a no-op, not an error
    const admin = busOf('admin');
    await admin.createAcls([{ principal: 'User:participation', resource: { type: 'topic', name: LATE_TOPIC, patternType: 'literal' }, operation: 'Read' }]);
    // The em is never touched: the topic stays empty, so nothing is consumed. The group is outside
    // participation's own prefix (`participation.`), which its ACLs admit.
    const consumer = new EventConsumer(undefined as never, bus, {
      name: 'acl-test.late-grant',
      topics: [LATE_TOPIC],
      handlers: [],
      registry: new EventRegistry(),
      logger: silentLogger,
      rejoinAfterCrashMs: 1_000,
    });
    const until = async (what: string, ok: () => boolean) => {
      for (let i = 0; i < 120 && !ok(); i++) await new Promise((r) => setTimeout(r, 500));
      expect(ok(), what).toBe(true);
    };
    try {
      void consumer.start().catch(() => undefined);
      await until('refused once', () => consumer.crashes >= 1);
      expect(consumer.lastCrash?.message).toMatch(/not authorized to access group/i);
      await admin.createAcls([
        { principal: 'User:participation', resource: { type: 'group', name: 'acl-test.late-grant', patternType: 'literal' }, operation: 'Read' },
      ]);
      await until('joined after the grant', () => consumer.lastCrash === undefined);
      const refusals = consumer.crashes;
      await new Promise((r) => setTimeout(r, 2_000));
      expect(consumer.crashes, 'no refusal after the grant').toBe(refusals);
    } finally {
      await consumer.stop();
      await Promise.all([bus.close(), admin.close()]);
    }
  }, 120_000);
});
