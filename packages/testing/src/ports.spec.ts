// The e2e fleets' ports (gateway deadPort race, noted in stop 26): reserved across processes.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reservePort } from './ports.js';

describe('reservePort', () => {
  it('hands out distinct, bindable ports below the ephemeral range, each locked with this pid', async () => {
    const ports = await Promise.all(Array.from({ length: 40 }, () => reservePort()));
    expect(new Set(ports).size).toBe(40);
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    for (const port of ports) {
      expect(port).toBeLessThan(low);
      expect(readFileSync(join(tmpdir(), 'hub-test-ports', String(port)), 'utf8')).toBe(String(process.pid));
    }
    // Reserved means free: the test's process can listen on it.
    const s = createServer();
    await new Promise<void>((resolve) => s.listen(ports[0], '127.0.0.1', resolve));
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });

  it("another process never gets a port this one holds, and an exited process's reservations are released", async () => {
    const mine = await Promise.all(Array.from({ length: 40 }, () => reservePort()));
    // A second process (the built module: the same code tools and apps' tests load) reserves many more.
    const built = new URL('../dist/ports.js', import.meta.url).pathname;
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { reservePort } = await import(${JSON.stringify(built)}); const ps = []; for (let i = 0; i < 300; i++) ps.push(await reservePort()); console.log(JSON.stringify(ps));`,
      ],
      { encoding: 'utf8' },
    );
    const theirs = JSON.parse(out) as number[];
    expect(new Set(theirs).size).toBe(300);
    expect(theirs.filter((p) => mine.includes(p))).toEqual([]);
    for (const port of theirs) expect(existsSync(join(tmpdir(), 'hub-test-ports', String(port)))).toBe(false);
  });
});
