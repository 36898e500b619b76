import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A loopback port for a process a test starts later (an app, a broker, a stub), safe against the
 * race the old "listen on 0, close, hand the number out" helpers had: between the close and the app's
 * own listen, another test's process could take the port (seen once: an e2e got 404s from an app of
 * another test file, which had been given the same number).
 *   - The port comes from below the kernel's ephemeral range, so no `listen(0)` and no outgoing
 *     connection is ever given it by the OS.
 *   - It is reserved across processes by a lock file `<tmpdir>/hub-test-ports/<port>` created with
 *     O_EXCL and holding the pid; the files are removed when the process exits, and a file whose pid is
 *     gone (a killed run) is taken over.
 *   - It is free when reserved (bound and released once).
 */
const DIR = join(tmpdir(), 'hub-test-ports');
const reserved = new Set<string>();
let cleanupArmed = false;

/** The low end of the kernel's ephemeral range (Linux default 32768), or 32768 where it cannot be read. */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates the port's lock file; takes over one left by a dead process. */
function lock(port: number): boolean {
  const file = join(DIR, String(port));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      reserved.add(file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(file, 'utf8'));
        if (Number.isInteger(owner) && pidAlive(owner)) return false;
        if (!Number.isInteger(owner) && Date.now() - statSync(file).mtimeMs < 10_000) return false; // being written
        unlinkSync(file);
      } catch {
        return false;
      }
    }
  }
  return false;
}

function release(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
  reserved.delete(file);
}

async function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** A loopback port reserved for this process until it exits (see above). */
export async function reservePort(): Promise<number> {
  mkdirSync(DIR, { recursive: true });
  if (!cleanupArmed) {
    cleanupArmed = true;
    process.once('exit', () => {
      for (const file of [...reserved]) release(file);
    });
  }
  const high = ephemeralLow() - 1;
  const low = Math.max(10_000, high - 12_000);
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (!lock(port)) continue;
    if (await bindable(port)) return port;
    release(join(DIR, String(port)));
  }
  throw new Error(`reservePort: no free port between ${low} and ${high} after 500 tries`);
}
