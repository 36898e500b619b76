// Issue #10 (ADR 0049): the contexts' facts that name documents by id attach them (real database, real local S3 server, the real consumers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditOpinionSubmittedV1,
  ClustersApplicationChangedV1,
  ClustersApplicationFiledV1,
  CorporateNoticeFiledV1,
  HousingPremisesHandedBackV1,
  InformationRequestAnsweredV1,
  TrainingProviderApplicationFiledV1,
  TrainingRemarksFixedV1,
} from '@hub/contracts';
import { uuidv7 } from '@hub/kernel';
import { PARTICIPATION_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/participation-events.consumer.js';
import { CLUSTERS_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/clusters-events.consumer.js';
import { TRAINING_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/training-events.consumer.js';
import { HOUSING_EVENTS_CONSUMER } from '../../src/documents/interface/kafka/housing-events.consumer.js';
import { type DocumentJson, type Harness, auth, deliverTo, envelopeOf, json, newBin, startHarness, verifiedUpload } from '../support/documents-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('documents_ctxdocs');
});
afterAll(async () => {
  await h?.close();
});

const applicant = (bin: string) => h.token(['applicant'], [bin]);

/** A verified upload of the company (start → PUT → complete). */
const verified = (bin: string, kind: string): Promise<string> => verifiedUpload(h, bin, kind);
const documentOf = async (bin: string, id: string) =>
  json<DocumentJson>(
    await h
      .http()
      .get(`/documents/${id}`)
      .set(auth(await applicant(bin))),
  );
const fromParticipation = <P>(type: string, payload: P & { participationId: string }) => envelopeOf(type, payload.participationId, payload);

describe("participation's answers, opinions and notices attach their documents (issue #10)", () => {
  it('F-32, F-38, F-33, F-34: each fact attaches its documents to its own record, once; the documents become immutable', async () => {
    const bin = newBin();
    const participationId = uuidv7();
    const [answer1, answer2, opinion, copy] = [
      await verified(bin, 'request-answer'),
      await verified(bin, 'request-answer'),
      await verified(bin, 'audit-opinion'),
      await verified(bin, 'decision-copy'),
    ];
    const requestId = uuidv7();
    const answered = fromParticipation(InformationRequestAnsweredV1.type, {
      requestId,
      participationId,
      bin,
      kind: 'additional-documents',
      ruleIds: ['F-38'],
      answeredOn: '2026-11-16',
      late: false,
      documentIds: [answer1, answer2],
    });
    expect(await deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, answered)).toBe('handled');
    expect(await deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, answered, '1')).toBe('duplicate');
    const obligationId = uuidv7();
    expect(
      await deliverTo(
        h,
        PARTICIPATION_EVENTS_CONSUMER,
        fromParticipation(AuditOpinionSubmittedV1.type, {
          obligationId,
          participationId,
          bin,
          financialYear: 2026,
          submittedOn: '2026-11-16',
          late: false,
          documentIds: [opinion],
        }),
      ),
    ).toBe('handled');
    const noticeId = uuidv7();
    expect(
      await deliverTo(
        h,
        PARTICIPATION_EVENTS_CONSUMER,
        fromParticipation(CorporateNoticeFiledV1.type, {
          noticeId,
          participationId,
          bin,
          kind: 'liquidation',
          eventDate: '2026-11-10',
          filedOn: '2026-11-16',
          onTime: true,
          documentIds: [copy],
        }),
      ),
    ).toBe('handled');
    for (const [id, to] of [
      [answer1, `participation/information-request/${requestId}`],
      [answer2, `participation/information-request/${requestId}`],
      [opinion, `participation/audit-obligation/${obligationId}`],
      [copy, `participation/corporate-notice/${noticeId}`],
    ] as const)
      expect(await documentOf(bin, id)).toMatchObject({ status: 'attached', attachedTo: to });
    const attachedEvents = await h.sql<{ payload: { documentId: string; attachedTo: string } }>(
      `select envelope->'payload' as payload from hub_outbox where event_type = 'documents.document-attached' and envelope->'payload'->>'bin' = ?`,
      [bin],
    );
    expect(attachedEvents.map((e) => e.payload.documentId).sort()).toEqual([answer1, answer2, opinion, copy].sort());

    // Another answer naming an attached document leaves it where it is (immutable).
    const again = fromParticipation(InformationRequestAnsweredV1.type, {
      requestId: uuidv7(),
      participationId,
      bin,
      kind: 'tax-declarations',
      ruleIds: ['F-32'],
      answeredOn: '2026-11-17',
      late: false,
      documentIds: [answer1],
    });
    expect(await deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, again)).toBe('handled');
    expect(await documentOf(bin, answer1)).toMatchObject({ attachedTo: `participation/information-request/${requestId}` });
  });

  it("F-35: a fact naming another company's document is a broken contract — dead-lettered, nothing attached (not even the company's own)", async () => {
    const owner = newBin();
    const other = newBin();
    const theirs = await verified(owner, 'request-answer');
    const own = await verified(other, 'request-answer');
    const wrong = fromParticipation(InformationRequestAnsweredV1.type, {
      requestId: uuidv7(),
      participationId: uuidv7(),
      bin: other,
      kind: 'tax-declarations',
      ruleIds: ['F-32'],
      answeredOn: '2026-11-16',
      late: false,
      documentIds: [own, theirs],
    });
    expect(await deliverTo(h, PARTICIPATION_EVENTS_CONSUMER, wrong)).toBe('dead-lettered');
    expect(await documentOf(owner, theirs)).toMatchObject({ status: 'verified', attachedTo: null });
    expect(await documentOf(other, own)).toMatchObject({ status: 'verified', attachedTo: null });
  });
});

describe("training's provider applications attach their F-65 documents (issue #10)", () => {
  it('F-65: the syllabus and the rights documents named by provider-application-filed become attached to the application, once', async () => {
    const bin = newBin();
    const syllabus = await verified(bin, 'course-syllabus');
    const rights = await verified(bin, 'training-rights-document');
    const applicationId = uuidv7();
    const filed = envelopeOf(TrainingProviderApplicationFiledV1.type, applicationId, {
      applicationId,
      intakeId: uuidv7(),
      bin,
      language: 'ru' as const,
      courses: [{ name: 'Backend', durationMonths: 6, academicHours: 40, priceTiyn: 45_000_000 }],
      attachmentKinds: ['premises-rights'],
      documentIds: [syllabus, rights],
      filedOn: '2026-11-16',
      reviewDueOn: '2026-11-30',
      filedAt: '2026-11-16T04:00:00.000Z',
    });
    expect(await deliverTo(h, TRAINING_EVENTS_CONSUMER, filed)).toBe('handled');
    expect(await deliverTo(h, TRAINING_EVENTS_CONSUMER, filed, '1')).toBe('duplicate');
    for (const id of [syllabus, rights])
      expect(await documentOf(bin, id)).toMatchObject({ status: 'attached', attachedTo: `training/provider-application/${applicationId}` });
  });
});

describe("training's F-71 fix attaches the documents it names (issue #13, ADR 0049)", () => {
  it("F-71: the new syllabus named by remarks-fixed is attached to the same application, beside the filing's; a repeat is a duplicate", async () => {
    const bin = newBin();
    const first = await verified(bin, 'course-syllabus');
    const fixedSyllabus = await verified(bin, 'course-syllabus');
    const applicationId = uuidv7();
    const intakeId = uuidv7();
    const course = { name: 'Backend', durationMonths: 6, academicHours: 40, priceTiyn: 45_000_000 };
    const filed = envelopeOf(TrainingProviderApplicationFiledV1.type, applicationId, {
      applicationId,
      intakeId,
      bin,
      language: 'ru' as const,
      courses: [course],
      attachmentKinds: [],
      documentIds: [first],
      filedOn: '2026-11-16',
      reviewDueOn: '2026-11-30',
      filedAt: '2026-11-16T04:00:00.000Z',
    });
    expect(await deliverTo(h, TRAINING_EVENTS_CONSUMER, filed)).toBe('handled');
    const fixed = envelopeOf(TrainingRemarksFixedV1.type, applicationId, {
      applicationId,
      intakeId,
      bin,
      courses: [course],
      attachmentKinds: [],
      documentIds: [first, fixedSyllabus],
      fixedOn: '2026-11-20',
      fixedAt: '2026-11-20T04:00:00.000Z',
    });
    expect(await deliverTo(h, TRAINING_EVENTS_CONSUMER, fixed, '1')).toBe('handled');
    expect(await deliverTo(h, TRAINING_EVENTS_CONSUMER, fixed, '2')).toBe('duplicate');
    for (const id of [first, fixedSyllabus])
      expect(await documentOf(bin, id)).toMatchObject({ status: 'attached', attachedTo: `training/provider-application/${applicationId}` });
  });
});

describe("clusters' applications attach their members' consents (issue #10)", () => {
  it('C-7 (Annex 2): the consents named by clusters.application-filed become attached to the application', async () => {
    const bin = newBin();
    const consent = await verified(bin, 'member-consent');
    const applicationId = uuidv7();
    const filed = envelopeOf(ClustersApplicationFiledV1.type, applicationId, {
      applicationId,
      roundId: uuidv7(),
      bin,
      filedOn: '2026-11-16',
      complianceDueOn: '2026-11-23',
      documentIds: [consent],
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, filed)).toBe('handled');
    expect(await documentOf(bin, consent)).toMatchObject({ status: 'attached', attachedTo: `clusters/application/${applicationId}` });
  });

  it('C-9 with C-7: the consents a change (clusters.application-changed) names are attached to the same application; those already attached stay', async () => {
    const bin = newBin();
    const [first, added] = [await verified(bin, 'member-consent'), await verified(bin, 'member-consent')];
    const applicationId = uuidv7();
    const roundId = uuidv7();
    const filed = envelopeOf(ClustersApplicationFiledV1.type, applicationId, {
      applicationId,
      roundId,
      bin,
      filedOn: '2026-11-16',
      complianceDueOn: '2026-11-23',
      documentIds: [first],
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, filed)).toBe('handled');
    expect(await documentOf(bin, added)).not.toMatchObject({ status: 'attached' });
    const changed = envelopeOf(ClustersApplicationChangedV1.type, applicationId, {
      applicationId,
      roundId,
      bin,
      revision: 2,
      changedAt: '2026-11-17T04:00:00.000Z',
      documentIds: [first, added],
    });
    expect(await deliverTo(h, CLUSTERS_EVENTS_CONSUMER, changed, '1')).toBe('handled');
    for (const id of [first, added])
      expect(await documentOf(bin, id)).toMatchObject({ status: 'attached', attachedTo: `clusters/application/${applicationId}` });
  });
});

describe("housing's premises handover acts attach their scans (ADR 0053)", () => {
  it('F-58: the scan named by housing.premises-handed-back becomes attached to the lease, once; another company’s document is a dead letter, nothing attached', async () => {
    const bin = newBin();
    const scan = await verified(bin, 'handover-act');
    const leaseId = uuidv7();
    const handedBack = (documentIds: string[], ownerBin = bin) =>
      envelopeOf(HousingPremisesHandedBackV1.type, leaseId, {
        leaseId,
        participantId: uuidv7(),
        bin: ownerBin,
        unitId: uuidv7(),
        premisesKind: 'production' as const,
        lastDayOfUse: '2026-12-14',
        signedOn: '2026-12-17',
        inventoryMissing: 0,
        damagesTiyn: 0,
        documentIds,
      });
    const event = handedBack([scan]);
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, event)).toBe('handled');
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, event, '1')).toBe('duplicate');
    expect(await documentOf(bin, scan)).toMatchObject({ status: 'attached', attachedTo: `housing/premises-lease/${leaseId}` });

    const other = newBin();
    const foreign = await verified(other, 'handover-act');
    expect(await deliverTo(h, HOUSING_EVENTS_CONSUMER, handedBack([foreign]), '2')).toBe('dead-lettered');
    expect(await documentOf(other, foreign)).toMatchObject({ status: 'verified', attachedTo: null });
  });
});
