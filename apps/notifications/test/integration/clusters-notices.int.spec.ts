import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeDeliveredV1 } from '@hub/contracts';
import {
  type Harness,
  applicationReturned,
  deliverClusters,
  delivery,
  messagesOf,
  newBin,
  outboxOf,
  prefer,
  resultsPublished,
  startHarness,
} from '../support/notifications-harness.js';

/**
 * Issue #16: clusters' facts become messages through notifications' real consumer on the real
 * database — the statutory C-12 written notice of a return (each deficiency named; delivery
 * proven), and a message to each winner when the results are published (C-21).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness('notifications_clusters');
});
afterAll(async () => {
  await h?.close();
});

describe("clusters' facts become messages (C-12, C-21)", () => {
  it('C-12: a returned application gets a written notice naming each deficiency, by e-mail and in the portal, once; the accepted e-mail is the proof of notice', async () => {
    const bin = newBin();
    await prefer(h, bin, 'ru', `cluster@${bin}.kz`);
    const event = applicationReturned({ bin });
    expect(await deliverClusters(h, event)).toBe('handled');
    expect(await deliverClusters(h, event, '1')).toBe('duplicate');
    const rows = await messagesOf(h, event.id);
    expect(rows.map((r) => r.channel)).toEqual(['email', 'portal']);
    expect(rows[0]!.subject).toBe('Конкурсный отбор территориальных кластеров: ваша заявка возвращена');
    expect(rows[0]!.body).toContain('18.11.2026');
    expect(rows[0]!.body).toContain('- annex2.consents: two members have no signed consent\n- annex3.strategyAlignment: empty');

    expect((await delivery(h).runOnce()).map((o) => o.outcome)).toContain('sent');
    const proofs = (await outboxOf(h, NoticeDeliveredV1.type)).filter((o) => o.envelope.payload['sourceEventId'] === event.id);
    expect(proofs.map((p) => [p.envelope.payload['ruleId'], p.envelope.payload['channel'], p.envelope.payload['subjectId']])).toEqual([
      ['C-12', 'email', event.payload.applicationId],
    ]);
  });

  it('C-21: each winner is told in its language; a company that did not win gets nothing', async () => {
    const [a, b, loser] = [newBin(), newBin(), newBin()];
    await prefer(h, a, 'en', null);
    await prefer(h, b, 'kk', null);
    const event = resultsPublished([
      { bin: a, clusterName: 'Astana IT cluster' },
      { bin: b, clusterName: 'Almaty agro cluster' },
    ]);
    expect(await deliverClusters(h, event)).toBe('handled');
    const rows = await h.sql<{ bin: string; subject: string; statutory: boolean }>(
      `select bin, subject, statutory from notifications_message where source_event_id = ?`,
      [event.id],
    );
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        { bin: b, subject: 'Аумақтық кластерлерді конкурстық іріктеу: кластеріңіз жеңімпаздардың қатарында', statutory: false },
        { bin: a, subject: 'Selection of territorial clusters: your cluster is among the winners', statutory: false },
      ]),
    );
    expect(await h.sql(`select 1 from notifications_message where bin = ?`, [loser])).toEqual([]);
  });
});
