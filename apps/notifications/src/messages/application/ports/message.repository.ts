import type { Message } from '../../domain/message.aggregate.js';

/** Whose portal messages: the companies in the token (F-35) and the person signed in (ADR 0107). */
export interface PortalReader {
  readonly bins: readonly string[];
  readonly subject: string;
}

export interface InboxPage {
  readonly unread: number;
  readonly messages: readonly Message[];
}

/** Port (ADR 0035 §4): the messages. Works inside a unit of work (a consumer's inbox transaction, the worker's, a command's). */
export abstract class MessageRepository {
  abstract add(message: Message): void;
  /**
   * The oldest e-mail due by `now`, locked for this transaction (`FOR UPDATE SKIP LOCKED`): two
   * workers never hold the same mail, and one that is being sent is skipped, not waited for (ADR 0091).
   */
  abstract claimNextDueEmail(now: Date): Promise<Message | null>;
  /** A portal message of one of the companies or of the person, or null (another's message is not found, F-35). */
  abstract findPortal(id: string, reader: PortalReader): Promise<Message | null>;
  /** The companies' and the person's portal messages, newest first, and how many are unread. */
  abstract inbox(reader: PortalReader, limit: number): Promise<InboxPage>;
  /** The message log for staff: every channel, filtered by company and/or the owner's aggregate, newest first. */
  abstract log(filter: { bin?: string; subjectId?: string }, limit: number): Promise<Message[]>;
  /** The dead e-mails (ADR 0104), of one company or all, most recently given up first. */
  abstract deadLetters(filter: { bin?: string }, limit: number): Promise<Message[]>;
  /** A message by id, locked for this transaction; NotFoundError when there is none. */
  abstract getForUpdate(id: string): Promise<Message>;
}
