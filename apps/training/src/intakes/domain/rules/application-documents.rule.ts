import type { AttachmentKind, CourseSyllabus, TypedAttachment } from '../intake.types.js';

/**
 * F-65 with issue #10 (ADR 0049): the documents of a provider application are uploads of the documents
 * context, by id, of the kind the rule requires (apps/documents/data/document-kinds.json):
 * - F-65(1) each course's syllabus approved by the head — `course-syllabus` (optional while clients
 *   still send the syllabus as data only);
 * - F-65(2)–(6) franchise, foreign methodology rights, exclusive course rights, graduates' employment,
 *   premises — `training-rights-document`.
 * An attachment whose `documentId` is not a UUID is the deprecated free-text reference: accepted, not
 * checked, not attached. Each reference names its field for a 422.
 */
export interface RequiredDocument {
  readonly path: string;
  readonly documentId: string;
  readonly kind: readonly string[];
  readonly ruleId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Whether an attachment refers to an uploaded document (else: deprecated free text). */
export const isDocumentId = (value: string): boolean => UUID.test(value);

const RULE_OF_ATTACHMENT: Record<AttachmentKind, string> = {
  franchise: 'F-65(2)',
  'foreign-methodology-rights': 'F-65(3)',
  'exclusive-course-rights': 'F-65(4)',
  'graduates-employment': 'F-65(5)',
  'premises-rights': 'F-65(6)',
};

export function applicationDocuments(courses: readonly CourseSyllabus[], attachments: readonly TypedAttachment[]): RequiredDocument[] {
  return [
    ...courses.flatMap((c, i): RequiredDocument[] =>
      c.syllabusDocumentId ? [{ path: `courses.${i}.syllabusDocumentId`, documentId: c.syllabusDocumentId, kind: ['course-syllabus'], ruleId: 'F-65(1)' }] : [],
    ),
    ...attachments.flatMap((a, i): RequiredDocument[] =>
      isDocumentId(a.documentId)
        ? [{ path: `attachments.${i}.documentId`, documentId: a.documentId, kind: ['training-rights-document'], ruleId: RULE_OF_ATTACHMENT[a.kind] }]
        : [],
    ),
  ];
}

/** The ids the filing publishes, for documents to attach to `training/provider-application/<id>`. */
export const applicationDocumentIds = (courses: readonly CourseSyllabus[], attachments: readonly TypedAttachment[]): string[] =>
  applicationDocuments(courses, attachments).map((d) => d.documentId);

export const applicationTarget = (applicationId: string): string => `training/provider-application/${applicationId}`;
