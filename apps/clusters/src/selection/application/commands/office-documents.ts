import { type KnownOfficeDocuments, type OfficeDocumentReference } from '@hub/nest-commons';
import { ValidationError } from '@hub/kernel';
import type { SelectionRound } from '../../domain/round.aggregate.js';

/**
 * ADR 0113: an expert-stage document (C-2, C-13, C-17, C-18, C-19/C-20) is named by the id of an
 * office's verified document in the documents context (`documentId`), checked against clusters' copy
 * (`clusters_office_document`, from `documents.office-document-verified`). The free-text `documentRef`
 * of rounds before ADR 0113 is deprecated and still accepted alone; a plain string is such a reference.
 */
export type ExpertStageDocumentInput = string | { readonly documentId?: string | undefined; readonly documentRef?: string | undefined };

/** Which office's document of which kind each step takes, and what it is kept for (one document per step and round). */
export const EXPERT_STAGE_DOCUMENTS = {
  /** C-13: the organiser's covering letter sending applications to the institute (one letter may cover several). */
  instituteTransfer: { office: 'cluster-organiser', kind: 'cluster-organiser-letter', ruleId: 'C-13', thing: 'institute-transfer' },
  /** C-16, C-17: the institute's covering letter with its opinions, to the organiser. */
  opinionsToOrganiser: { office: 'cluster-institute', kind: 'cluster-institute-opinions', ruleId: 'C-17', thing: 'opinions-to-organiser' },
  /** C-18: the organiser's covering letter putting the materials and opinions before the Commission. */
  toCommission: { office: 'cluster-organiser', kind: 'cluster-organiser-letter', ruleId: 'C-18', thing: 'opinions-to-commission' },
  /** C-2: the organiser's decision forming the Commission. */
  commissionOrder: { office: 'cluster-organiser', kind: 'cluster-commission-order', ruleId: 'C-2', thing: 'commission-order' },
  /** C-19, C-20: the Commission's signed protocol. */
  protocol: { office: 'cluster-commission', kind: 'cluster-commission-protocol', ruleId: 'C-19, C-20', thing: 'commission-protocol' },
} as const;
export type ExpertStageDocumentSpec = (typeof EXPERT_STAGE_DOCUMENTS)[keyof typeof EXPERT_STAGE_DOCUMENTS];

/** Where clusters keeps a step's document: `clusters/<step>/<roundId>` (a repeat of the same step is fine). */
export const expertStageTarget = (spec: ExpertStageDocumentSpec, roundId: string): string => `clusters/${spec.thing}/${roundId}`;

/**
 * The reference and id a step records. A `documentId` must be a verified document of the step's office
 * and kind, not used for another step or round (422 naming `documentId`, or `field`); without it, a
 * (deprecated) `documentRef` is required (422 naming `documentId`). With an id and no reference the id is the reference.
 */
export async function resolveExpertStageDocument(
  known: KnownOfficeDocuments,
  input: ExpertStageDocumentInput,
  spec: ExpertStageDocumentSpec,
  round: Pick<SelectionRound, 'id' | 'noteOfficeDocumentUsed'>,
  at: Date,
  field = 'documentId',
): Promise<{ readonly documentRef: string; readonly documentId: string | null }> {
  const given = typeof input === 'string' ? { documentRef: input } : input;
  if (given.documentId) {
    const ref: OfficeDocumentReference = { path: field, documentId: given.documentId, kind: spec.kind, office: spec.office, ruleId: spec.ruleId };
    const usedFor = expertStageTarget(spec, round.id);
    await known.assertReferences([ref], usedFor);
    // ADR 0122: published, so that documents attaches it too (clusters.office-document-used v1).
    round.noteOfficeDocumentUsed({ documentId: given.documentId, office: spec.office, kind: spec.kind, ruleId: spec.ruleId, usedFor, at });
    return { documentRef: given.documentRef ?? given.documentId, documentId: given.documentId };
  }
  if (!given.documentRef) throw ValidationError.field(field, `${spec.ruleId}: name the ${spec.kind} uploaded to documents (its id)`);
  return { documentRef: given.documentRef, documentId: null };
}
