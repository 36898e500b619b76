/** The Fund's internal documents of an intake (F-77): versioned data, never code. */
export interface VersionedDocument {
  readonly version: string;
  readonly text: string;
}

/** One week of a course's curriculum (F-65(1)). */
export interface CurriculumWeek {
  readonly week: number;
  readonly topics: string;
  readonly academicHours: number;
}

/** A course syllabus approved by the applicant's head (F-65(1)); price in integer tiyn (ADR 0036). */
export interface CourseSyllabus {
  readonly name: string;
  readonly description: string;
  readonly curriculum: readonly CurriculumWeek[];
  readonly durationMonths: number;
  readonly studentSelectionCriteria: string;
  readonly priceTiyn: number;
  /** F-65(1), issue #10: the syllabus approved by the head, uploaded to documents (kind course-syllabus). */
  readonly syllabusDocumentId?: string | undefined;
}

/** The optional documents of F-65(2)–(6), each a reference to a stored document. */
export const ATTACHMENT_KINDS = ['franchise', 'foreign-methodology-rights', 'exclusive-course-rights', 'graduates-employment', 'premises-rights'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export interface TypedAttachment {
  readonly kind: AttachmentKind;
  /**
   * Issue #10 (ADR 0049): the uploaded document's id in the documents context (kind
   * training-rights-document), checked and attached; a value that is not a UUID is the deprecated
   * free-text reference, still accepted and neither checked nor attached.
   */
  readonly documentId: string;
  readonly title: string;
}
