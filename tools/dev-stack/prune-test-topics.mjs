// Deletes the topics tests and benchmarks create (`t.*`, `bench.*`, and their `.dlq` twins) from the
// dev broker, so that repeated test runs do not grow it without bound. The platform's own topics
// (`hub.*`) are never touched. Called by `tools/hub test` before the tests.
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const brokers = (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const admin = new Kafka({ clientId: 'hub-prune-test-topics', brokers, logLevel: logLevel.NOTHING }).admin();
await admin.connect();
try {
  const doomed = (await admin.listTopics()).filter((t) => /^(t|bench)\./.test(t));
  for (let i = 0; i < doomed.length; i += 50) await admin.deleteTopics({ topics: doomed.slice(i, i + 50), timeout: 30_000 });
  console.log(`pruned ${doomed.length} test topic(s) from ${brokers.join(',')}`);
} finally {
  await admin.disconnect();
}
