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

/** Port: which protocols still wait for the archive, and the record that one is there. */
export abstract class ProtocolArchiveRecords {
  /** The protocol, unless it is archived already (or unknown). */
  abstract pending(protocolNumber: string): Promise<ProtocolRecord | undefined>;
  abstract recordArchived(protocol: ProtocolRecord, documentId: string, sha256: string, at: Date): Promise<void>;
}

/** Port: the protocol as a document (PDF in Kazakh and Russian); the same record gives the same bytes. */
export abstract class ProtocolRenderer {
  abstract render(protocol: ProtocolRecord): Promise<Buffer>;
}
