import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './fleet.js';

const run = promisify(execFile);

/**
 * A test-only PostgreSQL cluster of the suite's own (issue #18, ADR 0043 amendment): `initdb` into a
 * fresh directory, `pg_ctl start` on a free port of 127.0.0.1 with its own socket directory — so the
 * `postgres` scenario can crash and restart THIS server, never the shared one on 5432 that every other
 * test and developer uses. Trust authentication on 127.0.0.1 only (a throwaway cluster). As root
 * (PostgreSQL refuses to run as root) every command runs as the `postgres` system user.
 */
export class OwnPostgres {
  port = 0;
  private readonly root = mkdtempSync(join(tmpdir(), 'hub-chaos-pg-'));
  private readonly dataDir = join(this.root, 'data');
  private initialised = false;

  /** The superuser URL without a database (append `/<db>`). */
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.initialised) {
      this.port = await freePort();
      if (userInfo().uid === 0) chownSync(this.root, ...postgresIds());
      await this.as('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
      this.initialised = true;
    }
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.root} -c max_connections=200`;
    await this.as('pg_ctl', ['start', '-D', this.dataDir, '-w', '-t', '180', '-l', join(this.root, 'server.log'), '-o', options]);
  }

  /** `immediate`: the server dies without a checkpoint, as in a crash; the next start replays the WAL. */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    if (!this.initialised) return;
    await this.as('pg_ctl', ['stop', '-D', this.dataDir, '-m', mode, '-w', '-t', '120']).catch(() => undefined);
  }

  /** Stops the server and removes its directory. */
  async remove(): Promise<void> {
    await this.stop('fast');
    if (!process.env.HUB_CHAOS_KEEP) rmSync(this.root, { recursive: true, force: true });
  }

  private async as(command: string, args: string[]): Promise<void> {
    const [file, argv] = userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    await run(file, argv, { timeout: 240_000 });
  }
}

function postgresIds(): [number, number] {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return [id('-u'), id('-g')];
}
