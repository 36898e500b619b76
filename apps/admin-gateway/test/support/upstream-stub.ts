import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { reservePort } from '@hub/testing';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type StubHandler = (req: SeenRequest, res: ServerResponse) => void | Promise<void>;

/**
 * A small throwaway HTTP server standing in for a context in the gateway's tests: it records what
 * reached it and answers with the handler of the moment (default: 200 echoing what it saw). It is
 * a real server on a real port — the gateway's HTTP client, timeouts and error handling are
 * exercised for real.
 */
export class UpstreamStub {
  readonly seen: SeenRequest[] = [];
  handler: StubHandler = (req, res) => json(res, 200, { echo: { method: req.method, url: req.url } });
  private constructor(private readonly server: Server) {}

  static async start(): Promise<UpstreamStub> {
    const server = createServer();
    const stub = new UpstreamStub(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const seen = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        stub.seen.push(seen);
        Promise.resolve(stub.handler(seen, res)).catch(() => res.destroy());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return stub;
  }

  private lastPort = 0;

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (address) this.lastPort = address.port;
    return `http://127.0.0.1:${this.lastPort}`;
  }

  /** Listen again on the same port after `stop()` — the context came back (circuit-breaker tests). */
  async restart(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.lastPort, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  reset(): void {
    this.seen.length = 0;
    this.handler = (req, res) => json(res, 200, { echo: { method: req.method, url: req.url } });
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    void this.url; // remember the port for restart()
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/**
 * A port nothing listens on (a context that is down), or one a test starts a process on later:
 * reserved across the test processes (`reservePort` of @hub/testing), so no other test's app can take it
 * in between.
 */
export async function deadPort(): Promise<number> {
  return reservePort();
}
