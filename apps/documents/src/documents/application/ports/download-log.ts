/** One handing-out of a document's bytes (a presigned download URL), kept for audit (F-35, F-42). */
export interface DownloadEntry {
  readonly documentId: string;
  readonly ownerBin: string | null;
  /** ADR 0113: the office whose document it is, else null. */
  readonly ownerOffice: string | null;
  readonly kind: string;
  readonly restricted: boolean;
  readonly subject: string;
  readonly roles: readonly string[];
  readonly at: Date;
}

/** Port: the download log, written in the transaction that hands out the URL (no URL without its record). */
export abstract class DownloadLog {
  abstract record(entry: DownloadEntry): void;
}
