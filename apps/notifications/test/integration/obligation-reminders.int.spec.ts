import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Harness,
  auditOpinionOwed,
  auditOpinionSubmitted,
  deliverParticipation,
  extensionFiled,
  extensionRefused,
  informationRequestAnswered,
  informationRequested,
  participationExtended,
  participationStarted,
  participationTerminated,
  poller,
  prefer,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * ADR 0105: reminders of a participant's counter-obligations on the real database with the platform's
 * durable timers and the Kazakh working-day calendar — F-32/F-38 information requests
 * (`reminder.information-request-wd` = 2), the F-33 audit opinion (`reminder.audit-opinion-wd` = 10),
 * the F-25 extension window (`reminder.extension-window-wd` = 5): armed from participation's facts,
 * fired at 09:00 Almaty on the working day and not before, cancelled by the answer, the opinion or the
 * end of the participation; e-mail copies switchable (reminders), the portal message always.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_obligations');
});
afterAll(async () => {
  await h?.close();
});

const TIMER = 'notifications.obligation-reminder';
const liveTimer = (key: string) =>
  h.sql<{ due: string }>(
    `select to_char(due_at at time zone 'Asia/Almaty', 'YYYY-MM-DD HH24:MI') as due from hub_timer where kind = ? and timer_key = ? and status = 'scheduled'`,
    [TIMER, key],
  );
const messagesAbout = (template: string, subjectId: string) =>
  h.sql<{ channel: string; subject: string; body: string; statutory: boolean; rule_id: string; language: string }>(
    `select channel, subject, body, statutory, rule_id, language from notifications_message where template = ? and subject_id = ? order by channel`,
    [template, subjectId],
  );

describe('ADR 0105: obligation reminders', () => {
  it('F-38: a request due Monday 30 November is reminded at 09:00 on Thursday 26 November (2 WD before), by e-mail and portal, in the company language, naming what is asked', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const requested = informationRequested();
    await prefer(h, requested.payload.bin, 'ru', `docs@${requested.payload.bin}.kz`);
    expect(await deliverParticipation(h, requested)).toBe('handled');
    expect(await deliverParticipation(h, requested, '1')).toBe('duplicate');
    expect(await liveTimer(`information-request:${requested.payload.requestId}`)).toEqual([{ due: '2026-11-26 09:00' }]);

    h.clock.set('2026-11-26T03:59:00Z');
    await poller(h).runDue();
    expect(await messagesAbout('participation.monitoring-documents-reminder', requested.payload.requestId)).toEqual([]);
    h.clock.set('2026-11-26T04:00:00Z');
    await poller(h).runDue();
    // ADR 0107: the F-38 request has its own template, citing paragraph 38 (not F-32's).
    expect(await messagesAbout('participation.information-request-reminder', requested.payload.requestId)).toEqual([]);
    const rows = await messagesAbout('participation.monitoring-documents-reminder', requested.payload.requestId);
    expect(rows.map((r) => [r.channel, r.rule_id, r.statutory, r.language])).toEqual([
      ['email', 'F-38', false, 'ru'],
      ['portal', 'F-38', false, 'ru'],
    ]);
    expect(rows[0]!.subject).toBe('Astana Hub: напоминание — дополнительные документы для мониторинга до 30.11.2026');
    expect(rows[0]!.body).toContain(
      'В ходе мониторинга вашего проекта Фонд запросил у вас: дополнительные документы для мониторинга. Документы нужно представить до 30.11.2026 (пункт 38 Правил Фонда',
    );
  });

  it('ADR 0107: an F-32 request and an F-33 audit-report request are reminded from their own templates, each citing its paragraph (kk, en)', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const tax = informationRequested({ kind: 'tax-declarations', ruleIds: ['F-32'] });
    await prefer(h, tax.payload.bin, 'kk', null);
    const audit = informationRequested({ kind: 'audit-report', ruleIds: ['F-33'] });
    await prefer(h, audit.payload.bin, 'en', null);
    expect(await deliverParticipation(h, tax)).toBe('handled');
    expect(await deliverParticipation(h, audit)).toBe('handled');
    h.clock.set('2026-11-26T04:00:00Z');
    await poller(h).runDue();
    const [f32] = await messagesAbout('participation.information-request-reminder', tax.payload.requestId);
    expect([f32!.rule_id, f32!.language]).toEqual(['F-32', 'kk']);
    expect(f32!.body).toContain('Қор сізден сұрады: салық декларациялары. Жауапты 30.11.2026 дейін ұсыну керек (Қор қағидаларының 32-тармағы');
    expect(f32!.body).not.toContain('38-тармағ'); // F-32, not F-38 (a bare '38' may be in the company's random BIN)
    const [f33] = await messagesAbout('participation.audit-report-request-reminder', audit.payload.requestId);
    expect([f33!.rule_id, f33!.language]).toEqual(['F-33', 'en']);
    expect(f33!.subject).toBe('Astana Hub: reminder — the audit report requested by the Fund due by 2026-11-30');
    expect(f33!.body).toContain('The Fund asked you for the audit report. It is due by 2026-11-30 (paragraph 33 of the Fund');
  });

  it('F-32: a request answered before the reminder day is not reminded of', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const requested = informationRequested({ kind: 'tax-declarations', ruleIds: ['F-32'] });
    expect(await deliverParticipation(h, requested)).toBe('handled');
    expect(await deliverParticipation(h, informationRequestAnswered(requested.payload))).toBe('handled');
    expect(await liveTimer(`information-request:${requested.payload.requestId}`)).toEqual([]);
    h.clock.set('2026-11-26T04:00:00Z');
    await poller(h).runDue();
    expect(await messagesAbout('participation.information-request-reminder', requested.payload.requestId)).toEqual([]);
  });

  it('F-33: the opinion due Wednesday 30 June 2027 is reminded on Wednesday 16 June (10 WD before); a company with e-mail reminders off gets it in the portal only; a submitted opinion cancels it', async () => {
    h.clock.set('2027-04-01T04:00:00Z');
    const owed = auditOpinionOwed();
    await prefer(h, owed.payload.bin, 'en', `cfo@${owed.payload.bin}.kz`, { emailReminders: false });
    expect(await deliverParticipation(h, owed)).toBe('handled');
    expect(await liveTimer(`audit-opinion:${owed.payload.obligationId}`)).toEqual([{ due: '2027-06-16 09:00' }]);
    h.clock.set('2027-06-16T04:00:00Z');
    await poller(h).runDue();
    const rows = await messagesAbout('participation.audit-opinion-reminder', owed.payload.obligationId);
    expect(rows.map((r) => [r.channel, r.rule_id])).toEqual([['portal', 'F-33']]);
    expect(rows[0]!.subject).toBe('Astana Hub: reminder — audit opinion for 2026 due by 2027-06-30');

    h.clock.set('2027-04-01T04:00:00Z');
    const other = auditOpinionOwed();
    expect(await deliverParticipation(h, other)).toBe('handled');
    expect(await deliverParticipation(h, auditOpinionSubmitted(other.payload))).toBe('handled');
    expect(await liveTimer(`audit-opinion:${other.payload.obligationId}`)).toEqual([]);
  });

  it('F-25: the last day to apply, Monday 1 November 2027, is reminded 5 WD before — Friday 22 October, across Republic Day (Monday 25 October); an extension re-arms it for the new term; a termination cancels it', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2027-11-15', extensionDeadline: '2027-11-01' });
    expect(await deliverParticipation(h, started)).toBe('handled');
    const key = `extension-window:${started.payload.participationId}`;
    expect(await liveTimer(key)).toEqual([{ due: '2027-10-22 09:00' }]);

    // Extended to 15 November 2028 (Wednesday): the window closes 10 WD before — Wednesday 1 November 2028; reminded 5 WD before it.
    expect(await deliverParticipation(h, participationExtended(started.payload, '2028-11-15'))).toBe('handled');
    expect(await liveTimer(key)).toEqual([{ due: '2028-10-24 09:00' }]);

    expect(await deliverParticipation(h, participationTerminated(started.payload, '2027-03-01'))).toBe('handled');
    expect(await liveTimer(key)).toEqual([]);
  });

  it('F-25: the reminder names the term end and the last day; no reminder is armed when the reminder day has passed', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2027-11-15', extensionDeadline: '2027-11-01' });
    await prefer(h, started.payload.bin, 'kk', null);
    expect(await deliverParticipation(h, started)).toBe('handled');
    h.clock.set('2027-10-22T04:00:00Z');
    await poller(h).runDue();
    const [portal] = await messagesAbout('participation.extension-window-reminder', started.payload.participationId);
    expect([portal!.channel, portal!.rule_id, portal!.language]).toEqual(['portal', 'F-25', 'kk']);
    expect(portal!.body).toContain('қатысу мерзіміңіз 15.11.2027 аяқталады. Ұзартуға өтінім 01.11.2027 дейін');

    const late = participationStarted({ termStart: '2026-11-16', termEnd: '2026-12-10', extensionDeadline: '2026-11-26' });
    expect(await deliverParticipation(h, late)).toBe('handled'); // today 22 October 2027: long past
    expect(await liveTimer(`extension-window:${late.payload.participationId}`)).toEqual([]);
  });

  it('F-25, ADR 0107: a refused extension re-arms the window reminder while the window is open; refused after the reminder day, none is armed', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2027-11-15', extensionDeadline: '2027-11-01' });
    await prefer(h, started.payload.bin, 'en', null);
    expect(await deliverParticipation(h, started)).toBe('handled');
    const key = `extension-window:${started.payload.participationId}`;
    h.clock.set('2027-09-01T04:00:00Z');
    expect(await deliverParticipation(h, extensionFiled(started.payload, '2027-09-01'))).toBe('handled');
    expect(await liveTimer(key)).toEqual([]);
    h.clock.set('2027-09-20T04:00:00Z');
    const refused = extensionRefused(started.payload, '2027-09-20');
    expect(await deliverParticipation(h, refused)).toBe('handled');
    expect(await deliverParticipation(h, refused, '1')).toBe('duplicate');
    // The last day to apply is still Monday 1 November 2027: reminded on Friday 22 October, across Republic Day.
    expect(await liveTimer(key)).toEqual([{ due: '2027-10-22 09:00' }]);
    h.clock.set('2027-10-22T04:00:00Z');
    await poller(h).runDue();
    const rows = await messagesAbout('participation.extension-window-reminder', started.payload.participationId);
    expect(rows.map((r) => [r.channel, r.rule_id])).toEqual([['portal', 'F-25']]);

    // Filed and refused too late to remind: nothing is armed.
    h.clock.set('2026-11-16T04:00:00Z');
    const other = participationStarted({ termEnd: '2027-11-15', extensionDeadline: '2027-11-01' });
    expect(await deliverParticipation(h, other)).toBe('handled');
    expect(await deliverParticipation(h, extensionFiled(other.payload, '2027-09-01'))).toBe('handled');
    h.clock.set('2027-10-25T04:00:00Z');
    expect(await deliverParticipation(h, extensionRefused(other.payload, '2027-10-25'))).toBe('handled');
    expect(await liveTimer(`extension-window:${other.payload.participationId}`)).toEqual([]);
  });

  it('F-25: a company that applied for the extension (participation.extension-filed) is not reminded of the window', async () => {
    h.clock.set('2026-11-16T04:00:00Z');
    const started = participationStarted({ termEnd: '2027-11-15', extensionDeadline: '2027-11-01' });
    expect(await deliverParticipation(h, started)).toBe('handled');
    const key = `extension-window:${started.payload.participationId}`;
    expect(await liveTimer(key)).toEqual([{ due: '2027-10-22 09:00' }]);
    h.clock.set('2027-09-01T04:00:00Z');
    expect(await deliverParticipation(h, extensionFiled(started.payload, '2027-09-01'))).toBe('handled');
    expect(await liveTimer(key)).toEqual([]);
    h.clock.set('2027-10-22T04:00:00Z');
    await poller(h).runDue();
    expect(await messagesAbout('participation.extension-window-reminder', started.payload.participationId)).toEqual([]);
  });
});
