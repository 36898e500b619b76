import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  deliverParticipation,
  participationExtended,
  participationStarted,
  participationTerminated,
  poller,
  prefer,
  reportSubmitted,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * F-37 report reminders (issue #16, ADR 0104) on the real database with the platform's durable
 * timers: armed by participation-started at 09:00 Almaty 3 WD (`reminder.report-due-wd`) before the
 * 20th of the month after each quarter, fired on that day and not a minute before, re-armed for the
 * next quarter, e-mail switchable, continued by an extension, stopped by a termination.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_reports');
});
afterAll(async () => {
  await h?.close();
});

const TIMER = 'notifications.report-due-reminder';
const liveTimer = async (participationId: string) =>
  h.sql<{ due: string; quarter: number; year: number }>(
    `select to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') as due, (payload->>'quarter')::int as quarter, (payload->>'year')::int as year
       from hub_timer where kind = ? and timer_key = ? and status = 'scheduled'`,
    [TIMER, participationId],
  );
const reminders = (participationId: string) =>
  h.sql<{ channel: string; subject: string; body: string; statutory: boolean; rule_id: string }>(
    `select channel, subject, body, statutory, rule_id from notifications_message where template = 'participation.report-due-reminder' and subject_id = ? order by created_at, channel`,
    [participationId],
  );

describe('F-37: quarterly report reminders', () => {
  it('F-37: the Q4 2026 report (due Wednesday 20 January 2027) is reminded at 09:00 on Friday 15 January, by e-mail and in the portal; then Q1 2027 is armed', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted();
    await prefer(h, started.payload.bin, 'ru', `reports@${started.payload.bin}.kz`);
    expect(await deliverParticipation(h, started)).toBe('handled');
    expect(await deliverParticipation(h, started, '1')).toBe('duplicate');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-01-15 09:00', quarter: 4, year: 2026 }]);

    h.clock.set('2027-01-15T03:59:00Z'); // 08:59 in Almaty
    await poller(h).runDue();
    expect(await reminders(started.payload.participationId)).toEqual([]);

    h.clock.set('2027-01-15T04:00:00Z');
    await poller(h).runDue();
    const rows = await reminders(started.payload.participationId);
    expect(rows.map((r) => [r.channel, r.rule_id, r.statutory])).toEqual([
      ['email', 'F-37', false],
      ['portal', 'F-37', false],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub: напоминание — отчёт о деятельности за IV квартал 2026 года до 20.01.2027');
    expect(rows[0]!.body).toContain('Если вы уже представили отчёт');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);
  });

  it('F-37: a company that switched e-mail reminders off gets the reminder in the portal only', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted();
    await prefer(h, started.payload.bin, 'en', `quiet@${started.payload.bin}.kz`, { emailReminders: false });
    expect(await deliverParticipation(h, started)).toBe('handled');
    h.clock.set('2027-01-15T04:00:00Z');
    await poller(h).runDue();
    const rows = await reminders(started.payload.participationId);
    expect(rows.map((r) => r.channel)).toEqual(['portal']);
    expect(rows[0]!.subject).toBe('Astana Hub: reminder — activity report for Q4 2026 due by 2027-01-20');
  });

  it('F-37: a term ending in Q4 2026 has one reminder; an extension continues them; a termination stops them', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2026-12-31' });
    expect(await deliverParticipation(h, started)).toBe('handled');
    h.clock.set('2027-01-15T04:00:00Z');
    await poller(h).runDue();
    expect(await reminders(started.payload.participationId)).toHaveLength(1); // the portal: no address given
    expect(await liveTimer(started.payload.participationId)).toEqual([]); // Q1 2027 begins after the term

    expect(await deliverParticipation(h, participationExtended(started.payload, '2027-12-31'))).toBe('handled');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);

    expect(await deliverParticipation(h, participationTerminated(started.payload, '2027-02-01'))).toBe('handled');
    expect(await liveTimer(started.payload.participationId)).toEqual([]);
    h.clock.set('2027-04-15T04:00:00Z');
    await poller(h).runDue();
    expect(await reminders(started.payload.participationId)).toHaveLength(1);
  });

  it('F-37, ADR 0105: a company that submitted Q4 2026 on 5 January is not reminded of it — the timer moves to Q1 2027; the same fact again changes nothing', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted();
    await prefer(h, started.payload.bin, 'kk', `early@${started.payload.bin}.kz`);
    expect(await deliverParticipation(h, started)).toBe('handled');
    h.clock.set('2027-01-05T06:00:00Z');
    const submitted = reportSubmitted(started.payload, 2026, 4, '2027-01-20');
    expect(await deliverParticipation(h, submitted)).toBe('handled');
    expect(await deliverParticipation(h, submitted, '1')).toBe('duplicate');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);
    h.clock.set('2027-01-15T04:00:00Z');
    await poller(h).runDue();
    expect(await reminders(started.payload.participationId)).toEqual([]);
    // A report of another quarter than the live reminder's (Q3 2026, reported late) does not move it.
    expect(await deliverParticipation(h, reportSubmitted(started.payload, 2026, 3, '2026-10-20', { late: true }))).toBe('handled');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);
  });

  it('F-37, ADR 0105: the last quarter of a term reported early leaves no timer; an extension then starts from the next quarter not reported', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2026-12-31' });
    expect(await deliverParticipation(h, started)).toBe('handled');
    h.clock.set('2027-01-05T06:00:00Z');
    expect(await deliverParticipation(h, reportSubmitted(started.payload, 2026, 4, '2027-01-20'))).toBe('handled');
    expect(await liveTimer(started.payload.participationId)).toEqual([]);
    expect(await deliverParticipation(h, participationExtended(started.payload, '2027-12-31'))).toBe('handled');
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);
  });

  it('F-37, ADR 0105: a reminder due for a quarter already recorded as reported writes nothing and arms the next quarter', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted();
    expect(await deliverParticipation(h, started)).toBe('handled');
    // As if the submission was consumed in the same moment the timer became due (the timer row not yet moved).
    await h.sql(
      `insert into notifications_reported_quarter (participation_id, year, quarter, report_id, submitted_on, created_at) values (?, 2026, 4, ?, '2027-01-14', now())`,
      [started.payload.participationId, started.payload.participationId],
    );
    h.clock.set('2027-01-15T04:00:00Z');
    await poller(h).runDue();
    expect(await reminders(started.payload.participationId)).toEqual([]);
    expect(await liveTimer(started.payload.participationId)).toEqual([{ due: '2027-04-15 09:00', quarter: 1, year: 2027 }]);
  });
});
