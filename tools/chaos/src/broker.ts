import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, REPO } from './fleet.js';

const run = promisify(execFile);

/**
 * A test-only Kafka broker of the suite's own (tools/kafka/broker.sh with `--name` and its own ports,
 * its state under the suite's state directory): the broker scenario stops THIS one, never the shared
 * broker on 9092 that every other test and developer uses.
 */
export class OwnBroker {
  port = 0;
  private controllerPort = 0;

  constructor(
    private readonly stateDir: string,
    private readonly name = 'chaos',
  ) {}

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) {
      this.port = await freePort();
      this.controllerPort = await freePort();
    }
    await this.script('start', '--port', String(this.port), '--controller-port', String(this.controllerPort));
  }

  async stop(): Promise<void> {
    if (this.port === 0) return;
    await this.script('stop');
  }

  private async script(command: string, ...args: string[]): Promise<void> {
    await run('bash', [join(REPO, 'tools/kafka/broker.sh'), command, '--name', this.name, ...args], {
      env: { ...process.env, HUB_STATE_DIR: this.stateDir, HUB_KAFKA_STOP_TIMEOUT: '30' },
      timeout: 240_000,
    });
  }
}
