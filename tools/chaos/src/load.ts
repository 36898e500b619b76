import { randomUUID } from 'node:crypto';
import { makeBin } from '@hub/identifiers';
import { sleep } from './fleet.js';
import { draftBody, reached, todayInAlmaty } from './journey.js';

/** One logical command of a journey (its retries with the same Idempotency-Key count once). */
export interface CommandRecord {
  /** The scenario running when the command was first sent. */
  readonly scenario: string;
  readonly step: string;
  readonly bin: string;
  /** Final HTTP status (0: never answered), and whether a 2xx (first answer or replay) came back. */
  status: number;
  ok: boolean;
  /** Answers that were retried: network errors, 5xx, 409 in flight, 429. */
  retries: number;
  /** Why no 2xx: the problem type of the last answer, or `outcome-unknown` / `gave-up`. */
  outcome?: string;
  readonly at: number;
}

export interface JourneyRecord {
  /** The scenario running when the journey began, and from its contract command on, the one running then. */
  scenario: string;
  readonly bin: string;
  applicationId?: string;
  /** The contract command (F-18) got a 2xx: participation must start exactly once. */
  contractOk: boolean;
  done: boolean;
}

type Outcome = { kind: 'ok'; status: number; body: Record<string, unknown> } | { kind: 'failed'; status: number; body: unknown } | { kind: 'unknown' };

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/**
 * The load generator: `concurrency` virtual clients, each running registration journeys (create →
 * draft → submit → Commission → vote → decision → F-17 notification → contract) through the gateway,
 * as a careful client would: every command carries an Idempotency-Key and is retried with the SAME key
 * on a network error, a 5xx, 429 or "still in flight" (409); when the gateway says the first outcome
 * is unknown, the client reads the application and carries on from what it finds. A reader polls
 * participation through the gateway (its availability). Every command and its answer is recorded
 * with the scenario that was running when its journey began.
 */
export class LoadGenerator {
  scenario = 'warm-up';
  readonly commands: CommandRecord[] = [];
  readonly journeys: JourneyRecord[] = [];
  /** Time stamps (ms) of 2xx answers per upstream, for recovery times. */
  readonly okAt: Record<'registration' | 'participation', number[]> = { registration: [], participation: [] };
  readonly statuses = new Map<number, number>();
  private stopping = false;
  private workers: Promise<void>[] = [];
  private serial = 0;
  private readonly bins = new Set<string>();
  private staff: Record<string, string> = {};
  private readonly today = todayInAlmaty();

  constructor(
    private readonly gateway: () => string,
    private readonly mint: (sub: string, roles: string[], companies?: string[]) => Promise<string>,
    private readonly options: { concurrency: number; binYear: number },
  ) {}

  async start(): Promise<void> {
    this.staff = {
      olga: await this.mint('olga-officer', ['fund-officer']),
      marat: await this.mint('marat-member', ['commission-member']),
      saule: await this.mint('saule-secretary', ['commission-secretary']),
    };
    this.stopping = false;
    this.workers = [...Array.from({ length: this.options.concurrency }, () => this.client()), this.reader()];
  }

  /** Stops starting journeys; waits (up to `graceMs`) for the ones under way. */
  async stop(graceMs = 60_000): Promise<void> {
    this.stopping = true;
    await Promise.race([Promise.all(this.workers), sleep(graceMs)]);
  }

  private nextBin(): string {
    for (;;) {
      this.serial += 1;
      const bin = makeBin({ year: this.options.binYear, month: 1 + (Math.floor(this.serial / 90_000) % 12), serial: this.serial % 90_000 });
      if (!this.bins.has(bin)) {
        this.bins.add(bin);
        return bin;
      }
    }
  }

  private async client(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.journey();
      } catch {
        await sleep(200); // a journey that broke off counts through its records
      }
    }
  }

  private async reader(): Promise<void> {
    while (!this.stopping) {
      const signed = this.journeys.filter((j) => j.contractOk);
      const bin = signed[signed.length - 1]?.bin;
      if (bin) {
        const res = await this.send('GET', `/api/participation/participations?bin=${bin}`, this.staff.olga!).catch(() => undefined);
        if (res && res.status >= 200 && res.status < 300) this.okAt.participation.push(Date.now());
      }
      await sleep(300);
    }
  }

  private async journey(): Promise<void> {
    const bin = this.nextBin();
    const j: JourneyRecord = { scenario: this.scenario, bin, contractOk: false, done: false };
    this.journeys.push(j);
    const applicant = await this.mint(`rep-${bin}`, ['applicant'], [bin]);
    const base = '/api/registration/applications';
    const status = async (): Promise<string | undefined> => {
      if (!j.applicationId) return undefined;
      const r = await this.send('GET', `${base}/${j.applicationId}`, applicant).catch(() => undefined);
      return r && r.status === 200 ? String((r.body as { status?: string }).status) : undefined;
    };
    // create: on an unknown outcome, find the application among the company's own
    const created = await this.command(j, 'create', 'POST', base, applicant, {
      bin,
      companyName: `Chaos ${bin}`,
      address: 'Astana, Mangilik El 55/8',
      language: 'ru',
    });
    if (created.kind === 'ok') j.applicationId = String(created.body.id);
    else {
      const list = await this.until(async () => {
        const r = await this.send('GET', base, applicant).catch(() => undefined);
        return r && r.status === 200 ? r : undefined;
      });
      const items = ((list?.body as { items?: { id: string; bin: string }[] } | undefined)?.items ?? []).filter((a) => a.bin === bin);
      if (!items[0]) return;
      j.applicationId = items[0].id;
    }
    const id = j.applicationId;
    const steps: { step: string; method: string; path: string; who: string; body: unknown; target?: string }[] = [
      { step: 'draft', method: 'PATCH', path: `${base}/${id}`, who: 'applicant', body: draftBody(this.today) },
      { step: 'submit', method: 'POST', path: `${base}/${id}/submit`, who: 'applicant', body: {}, target: 'submitted' },
      { step: 'send-to-commission', method: 'POST', path: `${base}/${id}/send-to-commission`, who: 'olga', body: {}, target: 'with-commission' },
      { step: 'vote', method: 'POST', path: `${base}/${id}/votes`, who: 'marat', body: { vote: 'register' } },
      { step: 'decision', method: 'POST', path: `${base}/${id}/decision`, who: 'saule', body: { decision: 'register' }, target: 'registered' },
      { step: 'notification', method: 'POST', path: `${base}/${id}/notification`, who: 'olga', body: {} },
      {
        step: 'contract',
        method: 'POST',
        path: `${base}/${id}/contract`,
        who: 'olga',
        body: { contractNumber: `SC-${bin}`, signedOn: this.today },
        target: 'contract-signed',
      },
    ];
    for (const s of steps) {
      const token = s.who === 'applicant' ? applicant : this.staff[s.who]!;
      let outcome = await this.command(j, s.step, s.method, s.path, token, s.body);
      // The outcome is unknown (the gateway or the context died with the request): read the application;
      // a step it shows done is done, any other is sent again under a new key.
      let ambiguous = false;
      for (let tries = 0; outcome.kind === 'unknown' && tries < 3; tries++) {
        ambiguous = true;
        const now = await this.until(status);
        if (s.target && reached(now, s.target)) break;
        outcome = await this.command(j, s.step, s.method, s.path, token, s.body);
      }
      if (outcome.kind !== 'ok') {
        const now = await this.until(status);
        // A refused repeat of a step whose first try may have landed (a second vote) is not the end.
        const done = s.target ? reached(now, s.target) : ambiguous && outcome.kind === 'failed';
        if (!done) return; // a real refusal: this journey ends here
      }
      if (s.step === 'contract' && outcome.kind === 'ok') j.contractOk = true;
    }
    j.done = true;
  }

  /** Retries `read` until it gives a value (for at most 60 s). */
  private async until<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const v = await read().catch(() => undefined);
      if (v !== undefined) return v;
      await sleep(300);
    }
    return undefined;
  }

  /** One command, retried with the same Idempotency-Key until it gets a final answer (at most 60 s). */
  private async command(j: JourneyRecord, step: string, method: string, path: string, token: string, body: unknown): Promise<Outcome> {
    if (step === 'contract') j.scenario = this.scenario;
    const rec: CommandRecord = { scenario: this.scenario, step, bin: j.bin, status: 0, ok: false, retries: 0, at: Date.now() };
    this.commands.push(rec);
    const key = randomUUID();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const res = await this.send(method, path, token, body, key).catch(() => undefined);
      if (!res) {
        rec.retries += 1;
        await sleep(300);
        continue;
      }
      rec.status = res.status;
      if (res.status >= 200 && res.status < 300) {
        rec.ok = true;
        this.okAt.registration.push(Date.now());
        return { kind: 'ok', status: res.status, body: res.body as Record<string, unknown> };
      }
      const type = String((res.body as { type?: string } | undefined)?.type ?? '');
      rec.outcome = type || undefined;
      if (res.status === 409 && type.endsWith('idempotency-outcome-unknown')) return { kind: 'unknown' };
      if (RETRYABLE.has(res.status) || (res.status === 409 && type.endsWith('idempotency-in-flight'))) {
        rec.retries += 1;
        const after = Number(res.headers.get('retry-after') ?? '0');
        await sleep(Math.min(Math.max(after * 1000, 300), 2_000));
        continue;
      }
      return { kind: 'failed', status: res.status, body: res.body };
    }
    rec.outcome = 'gave-up';
    return { kind: 'unknown' };
  }

  private async send(method: string, path: string, token: string, body?: unknown, key?: string): Promise<{ status: number; body: unknown; headers: Headers }> {
    const res = await fetch(`${this.gateway()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(key ? { 'idempotency-key': key } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }
}
