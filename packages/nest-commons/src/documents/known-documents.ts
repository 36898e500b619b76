import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { defineEntity } from '@mikro-orm/core';
import {
  DocumentAttachedV1,
  DocumentVerifiedV1,
  EventRegistry,
  OfficeDocumentAttachedV1,
  OfficeDocumentPurgedV1,
  OfficeDocumentVerifiedV1,
  TOPICS,
  type EventEnvelope,
  type PayloadOf,
} from '@hub/contracts';
import { Clock, ValidationError, type FieldIssue } from '@hub/kernel';
import type { EventHandler } from '@hub/messaging';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { ConsumerSpec } from '../platform.module.js';

/**
 * A document the documents context verified (issue #10, ADRs 0045 and 0049) — a context's local copy
 * from `documents.document-verified` (and `document-attached`): whose it is, of which kind, and where
 * it was attached. The bytes and the file name stay in documents; a context only checks that what it
 * is given refers to the company's own verified document of the kind its rule requires, not already
 * attached to something else (immutable once attached).
 */
export class KnownDocument {
  readonly id!: string;
  readonly bin!: string;
  readonly kind!: string;
  readonly sha256!: string;
  readonly verifiedAt!: Date;
  /** `<context>/<thing>/<id>` once documents attached it (immutable from then on), else null. */
  attachedTo!: string | null;
  readonly recordedAt!: Date;

  static record(input: Omit<KnownDocument, 'recordedAt' | 'attachedTo'>, at: Date): KnownDocument {
    const d = new KnownDocument();
    Object.assign(d, { ...input, attachedTo: null, recordedAt: at });
    return d;
  }
}

const p = defineEntity.properties;

/**
 * The MikroORM schema of a context's local copy, in a table of its own name (each context has its own
 * database; the columns are the same everywhere, each context's migration creating them:
 * `create table "<name>" ("id" uuid not null, "bin" varchar(12) not null, "kind" varchar(60) not null,
 * "sha256" varchar(64) not null, "verified_at" timestamptz not null, "attached_to" varchar(300) null,
 * "recorded_at" timestamptz not null, primary key ("id"))`).
 */
export function knownDocumentSchema(tableName: string) {
  return defineEntity({
    class: KnownDocument,
    className: 'KnownDocument',
    tableName,
    properties: {
      id: p.uuid().primary(),
      bin: p.string().length(12),
      kind: p.string().length(60),
      sha256: p.string().length(64),
      verifiedAt: p.datetime().columnType('timestamptz'),
      attachedTo: p.string().length(300).nullable(),
      recordedAt: p.datetime().columnType('timestamptz'),
    },
  });
}

/** What a command refers to: the field (named in a 422), the document, the kind its rule requires. */
export interface DocumentReference {
  /** The field as the client sent it, e.g. `documentIds.1` or `members.0.consentDocumentId`. */
  readonly path: string;
  readonly documentId: string;
  /** One kind, or the kinds the rule accepts (F-65: a syllabus, or a rights document of several kinds). */
  readonly kind: string | readonly string[];
  /** The rule that asks for the document, cited in the message (F-32, F-61 …). */
  readonly ruleId: string;
}

/** What a company's and an office's references share once the owner matched: the kind, and attached nowhere else. */
function kindAndAttachmentIssues(
  r: DocumentReference,
  d: { readonly kind: string; readonly attachedTo: string | null },
  target: string | undefined,
  replacement: 'version' | 'one',
): FieldIssue[] {
  const kinds = typeof r.kind === 'string' ? [r.kind] : r.kind;
  if (!kinds.includes(d.kind))
    return [{ path: r.path, message: `${r.ruleId}: the document is a ${d.kind}, a ${kinds.join(' or ')} is required`, code: 'document-wrong-kind' }];
  if (d.attachedTo !== null && d.attachedTo !== target)
    return [
      {
        path: r.path,
        message: `${r.ruleId}: the document is already attached to ${d.attachedTo} and cannot change; upload a new ${replacement} for this`,
        code: 'document-attached-elsewhere',
      },
    ];
  return [];
}

/**
 * Issue #10: each document referred to is a verified upload of the same company (else it is
 * "unknown" — another company's document is not disclosed as such, F-35), of a kind the rule accepts,
 * not attached to something else (immutable once attached; the same target is a repeat and is fine).
 * `known` holds what the context has learnt from documents: an upload verified a moment ago may not
 * have arrived yet, so the message says to retry.
 */
export function documentReferenceIssues(
  bin: string,
  refs: readonly DocumentReference[],
  known: ReadonlyMap<string, Pick<KnownDocument, 'bin' | 'kind' | 'attachedTo'>>,
  target?: string,
): FieldIssue[] {
  const seen = new Set<string>();
  return refs.flatMap((r): FieldIssue[] => {
    if (seen.has(r.documentId)) return [{ path: r.path, message: `${r.ruleId}: the document ${r.documentId} is named twice`, code: 'document-repeated' }];
    seen.add(r.documentId);
    const d = known.get(r.documentId);
    if (!d || d.bin !== bin)
      return [
        {
          path: r.path,
          message: `${r.ruleId}: ${r.documentId} is not a verified document of this company (upload and complete it first; a document verified a moment ago may take a few seconds to arrive)`,
          code: 'document-unknown',
        },
      ];
    return kindAndAttachmentIssues(r, d, target, 'version');
  });
}

/** A context's local copy of the verified documents, on the current unit of work. */
@Injectable()
export class KnownDocuments {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  findMany(ids: readonly string[]): Promise<KnownDocument[]> {
    return ids.length ? this.uow.em().find(KnownDocument, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  find(id: string): Promise<KnownDocument | null> {
    return this.uow.em().findOne(KnownDocument, { id });
  }

  add(document: KnownDocument): void {
    this.uow.em().persist(document);
  }

  /**
   * Refuses (422, each field named) a command whose documents are unknown, another company's, of the
   * wrong kind or attached elsewhere (`target`: where the command's documents will be attached).
   */
  async assertReferences(bin: string, refs: readonly DocumentReference[], target?: string): Promise<void> {
    if (!refs.length) return;
    const known = new Map((await this.findMany(refs.map((r) => r.documentId))).map((d) => [d.id, d]));
    const issues = documentReferenceIssues(bin, refs, known, target);
    if (issues.length) throw new ValidationError(issues, undefined, 'document-reference');
  }
}

/**
 * documents.document-verified v1 → the local copy (issue #10). Runs in the inbox's transaction; a
 * document already known is left as it is (a correction is a new document).
 */
@Injectable()
export class KnownDocumentVerifiedHandler implements EventHandler<typeof DocumentVerifiedV1> {
  readonly event = DocumentVerifiedV1;

  constructor(
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof DocumentVerifiedV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.documents.find(e.documentId)) return;
    this.documents.add(
      KnownDocument.record({ id: e.documentId, bin: e.bin, kind: e.kind, sha256: e.sha256, verifiedAt: new Date(e.verifiedAt) }, this.clock.now()),
    );
  }
}

/**
 * documents.document-attached v1 → where the document now belongs (immutable): a later command
 * naming it for something else is refused at once instead of being accepted and left unattached.
 * A document never seen verified (the events of one company keep their order, so this is an older
 * document than the copy) is recorded from the attachment's facts.
 */
@Injectable()
export class KnownDocumentAttachedHandler implements EventHandler<typeof DocumentAttachedV1> {
  readonly event = DocumentAttachedV1;

  constructor(
    @Inject(KnownDocuments) private readonly documents: KnownDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof DocumentAttachedV1>>): Promise<void> {
    const e = envelope.payload;
    const known = await this.documents.find(e.documentId);
    if (known) {
      known.attachedTo = e.attachedTo;
      return;
    }
    const d = KnownDocument.record({ id: e.documentId, bin: e.bin, kind: e.kind, sha256: e.sha256, verifiedAt: new Date(e.attachedAt) }, this.clock.now());
    d.attachedTo = e.attachedTo;
    this.documents.add(d);
  }
}

/**
 * ADR 0113: a document of an *office* (the cluster selection's organiser, institute, Commission — C-2)
 * that documents verified — a context's local copy from `documents.office-document-verified` (and
 * `-attached`), keyed by the office instead of a BIN. Opt-in: only a context that refers to offices'
 * documents registers `knownOfficeDocumentSchema` (with its migration) and asks the consumer for them.
 */
export class KnownOfficeDocument {
  readonly id!: string;
  readonly office!: string;
  readonly kind!: string;
  readonly sha256!: string;
  readonly verifiedAt!: Date;
  attachedTo!: string | null;
  readonly recordedAt!: Date;

  static record(input: Omit<KnownOfficeDocument, 'recordedAt' | 'attachedTo'>, at: Date): KnownOfficeDocument {
    const d = new KnownOfficeDocument();
    Object.assign(d, { ...input, attachedTo: null, recordedAt: at });
    return d;
  }
}

/**
 * The schema of a context's copy of offices' documents (`create table "<name>" ("id" uuid not null,
 * "office" varchar(40) not null, "kind" varchar(60) not null, "sha256" varchar(64) not null,
 * "verified_at" timestamptz not null, "attached_to" varchar(300) null, "recorded_at" timestamptz not null,
 * primary key ("id"))`).
 */
export function knownOfficeDocumentSchema(tableName: string) {
  return defineEntity({
    class: KnownOfficeDocument,
    className: 'KnownOfficeDocument',
    tableName,
    properties: {
      id: p.uuid().primary(),
      office: p.string().length(40),
      kind: p.string().length(60),
      sha256: p.string().length(64),
      verifiedAt: p.datetime().columnType('timestamptz'),
      attachedTo: p.string().length(300).nullable(),
      recordedAt: p.datetime().columnType('timestamptz'),
    },
  });
}

/** What a command refers to among an office's documents: like `DocumentReference`, with the office whose it must be. */
export interface OfficeDocumentReference extends DocumentReference {
  /** e.g. `cluster-commission`: the office that owns documents of the required kind. */
  readonly office: string;
}

/**
 * ADR 0113: each document referred to is a verified upload of the office named (else "unknown" — a
 * company's or another office's document is not disclosed as such), of the kind the rule requires,
 * not attached to something else (the same target is a repeat and is fine).
 */
export function officeDocumentReferenceIssues(
  refs: readonly OfficeDocumentReference[],
  known: ReadonlyMap<string, Pick<KnownOfficeDocument, 'office' | 'kind' | 'attachedTo'>>,
  target?: string,
): FieldIssue[] {
  return refs.flatMap((r): FieldIssue[] => {
    const d = known.get(r.documentId);
    if (!d || d.office !== r.office)
      return [
        {
          path: r.path,
          message: `${r.ruleId}: ${r.documentId} is not a verified document of the ${r.office} (upload and complete it first; a document verified a moment ago may take a few seconds to arrive)`,
          code: 'document-unknown',
        },
      ];
    return kindAndAttachmentIssues(r, d, target, 'one');
  });
}

/** A context's local copy of offices' verified documents (ADR 0113), on the current unit of work. */
@Injectable()
export class KnownOfficeDocuments {
  constructor(@Inject(UnitOfWork) private readonly uow: UnitOfWork) {}

  findMany(ids: readonly string[]): Promise<KnownOfficeDocument[]> {
    return ids.length ? this.uow.em().find(KnownOfficeDocument, { id: { $in: [...ids] } }) : Promise.resolve([]);
  }

  find(id: string): Promise<KnownOfficeDocument | null> {
    return this.uow.em().findOne(KnownOfficeDocument, { id });
  }

  add(document: KnownOfficeDocument): void {
    this.uow.em().persist(document);
  }

  /** ADR 0122: forgets a purged document (a repeat is a no-op). */
  async drop(id: string): Promise<void> {
    const known = await this.find(id);
    if (known) this.uow.em().remove(known);
  }

  /**
   * Refuses (422, each field named) a command whose office documents are unknown, another office's or
   * a company's, of the wrong kind or attached elsewhere; else marks them as used by `target` in this
   * copy (so that the same document cannot serve two things here before documents attaches it).
   */
  async assertReferences(refs: readonly OfficeDocumentReference[], target: string): Promise<void> {
    if (!refs.length) return;
    const found = await this.findMany(refs.map((r) => r.documentId));
    const known = new Map(found.map((d) => [d.id, d]));
    const issues = officeDocumentReferenceIssues(refs, known, target);
    if (issues.length) throw new ValidationError(issues, undefined, 'document-reference');
    for (const d of found) d.attachedTo = target;
  }
}

/** documents.office-document-verified v1 → the local copy (ADR 0113); a known document is left as it is. */
@Injectable()
export class KnownOfficeDocumentVerifiedHandler implements EventHandler<typeof OfficeDocumentVerifiedV1> {
  readonly event = OfficeDocumentVerifiedV1;

  constructor(
    @Inject(KnownOfficeDocuments) private readonly documents: KnownOfficeDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof OfficeDocumentVerifiedV1>>): Promise<void> {
    const e = envelope.payload;
    if (await this.documents.find(e.documentId)) return;
    this.documents.add(
      KnownOfficeDocument.record({ id: e.documentId, office: e.office, kind: e.kind, sha256: e.sha256, verifiedAt: new Date(e.verifiedAt) }, this.clock.now()),
    );
  }
}

/** documents.office-document-attached v1 → where the office's document now belongs (immutable). */
@Injectable()
export class KnownOfficeDocumentAttachedHandler implements EventHandler<typeof OfficeDocumentAttachedV1> {
  readonly event = OfficeDocumentAttachedV1;

  constructor(
    @Inject(KnownOfficeDocuments) private readonly documents: KnownOfficeDocuments,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof OfficeDocumentAttachedV1>>): Promise<void> {
    const e = envelope.payload;
    const known = await this.documents.find(e.documentId);
    if (known) {
      known.attachedTo = e.attachedTo;
      return;
    }
    const d = KnownOfficeDocument.record(
      { id: e.documentId, office: e.office, kind: e.kind, sha256: e.sha256, verifiedAt: new Date(e.attachedAt) },
      this.clock.now(),
    );
    d.attachedTo = e.attachedTo;
    this.documents.add(d);
  }
}

/**
 * documents.office-document-purged v1 → the copy drops the document (ADR 0122): its bytes are gone, so
 * a command naming it from now on is refused as unknown. What a step recorded (its id) stays in the context.
 */
@Injectable()
export class KnownOfficeDocumentPurgedHandler implements EventHandler<typeof OfficeDocumentPurgedV1> {
  readonly event = OfficeDocumentPurgedV1;

  constructor(@Inject(KnownOfficeDocuments) private readonly documents: KnownOfficeDocuments) {}

  async handle(envelope: EventEnvelope<PayloadOf<typeof OfficeDocumentPurgedV1>>): Promise<void> {
    await this.documents.drop(envelope.payload.documentId);
  }
}

/** Global, because the platform instantiates the consumer's handlers in its own module. */
@Global()
@Module({ providers: [KnownDocuments, KnownOfficeDocuments], exports: [KnownDocuments, KnownOfficeDocuments] })
export class KnownDocumentsModule {}

/**
 * A context's consumer of documents' events (issue #10): `<context>.documents-events`, the verified
 * uploads and their attachments, each once through the inbox. Other documents events are skipped.
 */
export function knownDocumentsConsumer(context: string, topic: string = TOPICS.documents.name, options: { readonly offices?: boolean } = {}): ConsumerSpec {
  // ADR 0113: `offices` — the context also keeps offices' documents (knownOfficeDocumentSchema registered)
  return {
    name: `${context}.documents-events`,
    topics: [topic],
    registry: new EventRegistry([
      DocumentVerifiedV1,
      DocumentAttachedV1,
      ...(options.offices ? [OfficeDocumentVerifiedV1, OfficeDocumentAttachedV1, OfficeDocumentPurgedV1] : []),
    ]),
    handlers: [
      KnownDocumentVerifiedHandler,
      KnownDocumentAttachedHandler,
      ...(options.offices ? [KnownOfficeDocumentVerifiedHandler, KnownOfficeDocumentAttachedHandler, KnownOfficeDocumentPurgedHandler] : []),
    ],
  };
}
