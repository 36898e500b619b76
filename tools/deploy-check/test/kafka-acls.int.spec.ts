import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, type Admin, Kafka, type KafkaConfig, ResourcePatternTypes, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, dlqTopicOf } from '@hub/contracts';
import { DLQ_OPERATOR_USER, REPO_ROOT, discoverApps, dlqOperatorAcls, kafkaAcls } from '../src/index.js';

const run = promisify(execFile);

/**
 * Issue #18 / #19: "each context may write only its own topics" — the ACLs tools/deploy-check renders
 * for Strimzi (`kafkaAcls`, `dlqOperatorAcls`), applied to a real Kafka broker with an authorizer and
 * tried by each principal. The broker is this test's own (tools/kafka/broker.sh with its own name,
 * ports and state directory, a SASL/PLAIN listener and the StandardAuthorizer through
 * HUB_KAFKA_EXTRA_PROPERTIES); the shared broker on 9092 is never touched.
 */
const USERS = ['registration', 'participation', DLQ_OPERATOR_USER] as const;
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
const OPERATION: Record<string, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
};
/** Strimzi's `simple` authorisation entries → Kafka ACL bindings for one principal. */
const bindingsOf = (user: string, acls: readonly object[]) =>
  (acls as StrimziAcl[]).flatMap((a) =>
    a.operations.map((op) => {
      const operation = OPERATION[op];
      if (operation === undefined) throw new Error(`no mapping for the ACL operation ${op}`);
      return {
        resourceType: a.resource.type === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
        resourceName: a.resource.name,
        resourcePatternType: a.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
        principal: `User:${user}`,
        host: '*',
        operation,
        permissionType: AclPermissionTypes.ALLOW,
      };
    }),
  );

describe('Kafka ACLs from the rendered KafkaUsers, on a broker with an authorizer (issues #18, #19)', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'hub-kafka-acls-'));
  const name = `acls-${process.pid}`;
  let port = 0;
  const apps = discoverApps();
  const registration = apps.find((a) => a.name === 'registration')!;
  const participation = apps.find((a) => a.name === 'participation')!;
  const client = (user: string): Kafka =>
    new Kafka({
      clientId: `acl-test-${user}`,
      brokers: [`127.0.0.1:${port}`],
      sasl: { mechanism: 'plain', username: user, password: secret(user) },
      // A fresh broker answers "coordinator not available" while it creates __consumer_offsets: retried.
      // Refusals (TOPIC_/GROUP_AUTHORIZATION_FAILED) are not retriable in kafkajs.
      retry: { retries: 8, initialRetryTime: 300 },
      connectionTimeout: 10_000,
      logLevel: logLevel.NOTHING,
    } satisfies KafkaConfig);
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
  const send = (user: string, topic: string) =>
    (async () => {
      const producer = client(user).producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
      await producer.connect();
      try {
        await producer.send({ topic, messages: [{ key: 'k', value: `from ${user}` }] });
      } finally {
        await producer.disconnect();
      }
    })();
  /** Joins `groupId` on `topic` and reads the first message: resolves with it, or rejects with the crash. */
  const readFirst = async (user: string, groupId: string, topic: string): Promise<string> => {
    // Retries for what a fresh broker answers while its group coordinator starts; a refusal is not retried (kafkajs).
    const consumer = client(user).consumer({ groupId, retry: { retries: 8, initialRetryTime: 300 }, sessionTimeout: 10_000, heartbeatInterval: 1_000 });
    try {
      await consumer.connect();
      const crashed = new Promise<never>((_, reject) => consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error)));
      await consumer.subscribe({ topic, fromBeginning: true });
      const first = new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: ({ message }) => Promise.resolve(resolve(String(message.value))) });
      });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no message within 45 s')), 45_000));
      return await Promise.race([first, crashed, timeout]);
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  };
  const DENIED = /not authori[sz]ed|authorization/i;
  /**
   * kafkajs reports a refused consumer group as "Failed to find group coordinator" (it drops the
   * broker's GROUP_AUTHORIZATION_FAILED), so the broker's own authorizer log is the witness.
   */
  const deniedByBroker = (user: string, resource: string): boolean =>
    new RegExp(`Principal = User:${user} is Denied operation = \\w+ from host = \\S+ on resource = ${resource.replaceAll('.', '\\.')}\\b`).test(
      readFileSync(join(stateDir, 'kafka', name, 'broker.log'), 'utf8'),
    );

  beforeAll(async () => {
    port = await freePort();
    const users = ['admin', ...USERS].map((u) => `user_${u}="${secret(u)}"`).join(' ');
    // The authorizer logs every denial at INFO: the witness for refusals kafkajs does not report as such.
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

    const admin: Admin = client('admin').admin();
    await admin.connect();
    try {
      const topics = [
        TOPICS.registration.name,
        TOPICS.participation.name,
        TOPICS.services.name,
        dlqTopicOf(TOPICS.registration.name),
        dlqTopicOf(TOPICS.participation.name),
      ];
      await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })), waitForLeaders: true });
      await admin.createAcls({
        acl: [
          ...bindingsOf('registration', kafkaAcls(registration)),
          ...bindingsOf('participation', kafkaAcls(participation)),
          ...bindingsOf(DLQ_OPERATOR_USER, dlqOperatorAcls()),
        ],
      });
    } finally {
      await admin.disconnect();
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
    await expect(readFirst('participation', 'registration.sneaky', TOPICS.registration.name)).rejects.toThrow();
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
    await expect(readFirst(DLQ_OPERATOR_USER, `participation.sneaky`, dlqTopicOf(TOPICS.registration.name))).rejects.toThrow();
    expect(deniedByBroker(DLQ_OPERATOR_USER, 'Group:LITERAL:participation.sneaky')).toBe(true);
    await expect(readFirst(DLQ_OPERATOR_USER, `hub-dlq-tool.${process.pid}.2`, TOPICS.participation.name)).rejects.toThrow(DENIED);
  }, 120_000);
});
