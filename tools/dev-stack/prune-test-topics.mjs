// Deletes the topics tests and benchmarks create (`t.*`, `bench.*`, and their `.dlq` twins) from the
// dev broker, so that repeated test runs do not grow it without bound. The platform's own topics
// (`hub.*`) are never touched. Called by `tools/hub test` before the tests. Goes through
// @hub/messaging's admin port (MessageBusAdmin).
import { quietKafkaWarnings, toolBus } from './load-messaging.mjs';

quietKafkaWarnings();
const brokers = (process.env.HUB_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const bus = await toolBus('hub-prune-test-topics', brokers);
try {
  const doomed = (await bus.listTopics()).filter((t) => /^(t|bench)\./.test(t));
  await bus.deleteTopics(doomed);
  console.log(`pruned ${doomed.length} test topic(s) from ${brokers.join(',')}`);
} finally {
  await bus.close();
}
