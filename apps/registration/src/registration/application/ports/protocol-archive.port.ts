import type { ApplicationKind } from '../../domain/application-status.js';
import type { CommissionVote, RefusalGround, Vote } from '../../domain/application.aggregate.js';

/** A recorded Commission decision as its protocol is written (F-15, F-16, F-20). */
export interface ProtocolRecord {
  readonly protocolNumber: string;
  readonly decidedOn: string;
  readonly applicationId: string;
  readonly applicationKind: ApplicationKind;
  readonly bin: string;
  readonly companyName: string;
  readonly decision: Vote;
  readonly grounds: readonly { readonly ground: RefusalGround; readonly reason: string }[];
  readonly votes: readonly CommissionVote[];
  readonly recordedBy: string;
}

/** One copy in the Fund's archive: its document id and SHA-256. */
export interface ArchivedCopy {
  readonly documentId: string;
  readonly sha256: string;
}

/** Port: which protocols still wait for the archive, and the record that they are there. */
export abstract class ProtocolArchiveRecords {
  /** The protocol, unless both its copies (the extract and, ADR 0122, the full protocol) are archived already (or it is unknown). */
  abstract pending(protocolNumber: string): Promise<ProtocolRecord | undefined>;
  abstract recordArchived(protocol: ProtocolRecord, extract: ArchivedCopy, full: ArchivedCopy, at: Date): Promise<void>;
}

/** Port: the protocol as documents (PDF in Kazakh and Russian); the same record gives the same bytes. */
export abstract class ProtocolRenderer {
  /** The extract for the company (F-17): the decision, the grounds and reasons, the tally — no member's vote. */
  abstract render(protocol: ProtocolRecord): Promise<Buffer>;
  /** ADR 0122: the full protocol, the Fund's own record (F-35): also each member's vote with its grounds and comment. */
  abstract renderFull(protocol: ProtocolRecord): Promise<Buffer>;
}
