import { execFile, execFileSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
  private tlsOptions = '';

  /**
   * `tls`: the server has a certificate for 127.0.0.1 signed by a CA of the test's own (`caFile`) and
   * refuses every connection that is not TLS (`hostnossl … reject`), as the rendered CloudNativePG
   * Cluster does (ADR 0112 §5). `otherCaFile` is a second, unrelated CA (a verification that must fail).
   */
  constructor(private readonly options: { tls?: boolean } = {}) {}

  get caFile(): string {
    return join(this.root, 'tls', 'ca.crt');
  }

  get otherCaFile(): string {
    return join(this.root, 'tls', 'other-ca.crt');
  }

  /** The superuser URL without a database (append `/<db>`). */
  get adminUrl(): string {
    return `postgres://postgres@127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.initialised) {
      this.port = await freePort();
      if (userInfo().uid === 0) chownSync(this.root, ...postgresIds());
      await this.as('initdb', ['-D', this.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C']);
      if (this.options.tls) await this.makeTls();
      this.initialised = true;
    }
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.root} -c max_connections=200${this.tlsOptions}`;
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

  /** A CA, a server certificate for 127.0.0.1 signed by it, an unrelated CA; TLS on, plain TCP refused. */
  private async makeTls(): Promise<void> {
    const dir = join(this.root, 'tls');
    mkdirSync(dir);
    const ssl = (...args: string[]) => run('openssl', args, { cwd: dir, timeout: 60_000 });
    await ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=hub-test-ca');
    await ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-days', '2', '-subj', '/CN=hub-other-ca');
    await ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
    await ssl(
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-days',
      '2',
      '-extfile',
      'san.ext',
    );
    if (userInfo().uid === 0) {
      const [uid, gid] = postgresIds();
      chownSync(dir, uid, gid);
      for (const f of readdirSync(dir)) chownSync(join(dir, f), uid, gid);
    }
    await run('chmod', ['0600', join(dir, 'server.key')]);
    writeFileSync(
      join(this.root, 'pg_hba.conf'),
      ['local all all trust', 'hostnossl all all 0.0.0.0/0 reject', 'hostssl all all 127.0.0.1/32 trust', ''].join('\n'),
    );
    if (userInfo().uid === 0) chownSync(join(this.root, 'pg_hba.conf'), ...postgresIds());
    this.tlsOptions = ` -c ssl=on -c ssl_cert_file=${join(dir, 'server.crt')} -c ssl_key_file=${join(dir, 'server.key')} -c hba_file=${join(this.root, 'pg_hba.conf')}`;
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
