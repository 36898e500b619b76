import { describe, expect, it } from 'vitest';
import { formatTable, tally } from '../src/chaos.js';
import type { CommandRecord, JourneyRecord } from '../src/load.js';

const scenarios = [{ name: 'kill relay', target: 'registration-relay', downMs: 1 }] as const;
const journey = (bin: string, contractOk: boolean): JourneyRecord => ({ scenario: 'kill relay', bin, contractOk, done: contractOk });
const command = (bin: string, ok: boolean): CommandRecord => ({ scenario: 'kill relay', step: 'contract', bin, status: ok ? 200 : 502, ok, retries: 0, at: 0 });

describe('the chaos verdict can fail (ADR 0043)', () => {
  const journeys = [journey('A', true), journey('B', true), journey('C', true), journey('D', false)];
  const commands = [command('A', true), command('B', true), command('C', true), command('D', false)];

  it('counts a signed contract without participation as lost, and two participations or two events as doubled', () => {
    const [result] = tally(
      {
        journeys,
        commands,
        applications: new Map([
          ['A', 1],
          ['B', 1],
          ['C', 1],
          ['D', 1],
        ]),
        signed: new Set(['A', 'B', 'C']),
        events: new Map([
          ['A', 1],
          ['B', 1],
          ['C', 2], // the relay published twice into the outbox? — doubled
        ]),
        effects: new Map([
          ['A', 1],
          ['C', 1], // B: 2xx on the contract, no participation — lost
        ]),
      },
      scenarios,
      new Map([['kill relay', 3.2]]),
    ).filter((r) => r.scenario === 'kill relay');
    expect(result).toMatchObject({ commands: 4, ok2xx: 3, events: 4, effects: 2, lost: 1, doubled: 1, recoveryS: 3.2, fiveXx: 1, contractsOk: 3 });
    expect(result!.details).toEqual(expect.arrayContaining([expect.stringMatching(/^lost B/), expect.stringMatching(/^doubled C/)]));
  });

  it('a 2xx contract whose application is not signed in registration is lost too; a second participation is doubled', () => {
    const [result] = tally(
      {
        journeys: [journey('A', true)],
        commands: [command('A', true)],
        applications: new Map([['A', 1]]),
        signed: new Set(),
        events: new Map(),
        effects: new Map([['A', 2]]),
      },
      scenarios,
      new Map(),
    );
    expect(result).toMatchObject({ lost: 1, doubled: 1 });
  });

  it('prints the table of issue #18', () => {
    const table = formatTable([
      { scenario: 'kill relay', commands: 10, ok2xx: 9, events: 1, effects: 1, lost: 0, doubled: 0, recoveryS: 2.25, fiveXx: 1, contractsOk: 1, details: [] },
    ]);
    expect(table.split('\n')[0]).toMatch(/^scenario\s+commands\s+2xx\s+events\s+effects\s+lost\s+doubled\s+recovery s$/);
    expect(table.split('\n')[2]).toMatch(/^kill relay\s+10\s+9\s+1\s+1\s+0\s+0\s+2\.3$/);
  });
});
