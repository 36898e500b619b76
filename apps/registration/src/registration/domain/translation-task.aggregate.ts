import { AggregateRoot, ConflictError } from '@hub/kernel';
import type { Mutable } from './mutable.js';
import type { TranslationTaskEvent } from './registration.events.js';

/**
 * F-10: an English application gets a Kazakh or Russian translation, tracked as a task of the Fund.
 * The translation is a document (issue #11, ADR 0137): the officer uploads it to the documents context
 * (kind `application-translation`, the company's) and the task records its id; `TranslationRecorded`
 * is published so that documents attaches it to the application — immutable from then on.
 */
export class TranslationTask extends AggregateRoot<TranslationTaskEvent> {
  readonly id!: string;
  readonly applicationId!: string;
  readonly bin!: string;
  readonly sourceLanguage!: 'en';
  readonly targetLanguage!: 'kk' | 'ru';
  readonly status!: 'open' | 'done';
  /** Tasks done before ADR 0137: the free-text reference the officer typed. */
  readonly documentRef!: string | null;
  /** ADR 0137: the translation's document in the documents context. */
  readonly documentId!: string | null;
  readonly createdAt!: Date;
  readonly completedAt!: Date | null;
  readonly completedBy!: string | null;
  readonly version!: number;

  static open(input: { id: string; applicationId: string; bin: string; at: Date }): TranslationTask {
    const t = new TranslationTask();
    Object.assign(t, {
      id: input.id,
      applicationId: input.applicationId,
      bin: input.bin,
      sourceLanguage: 'en',
      targetLanguage: 'ru',
      status: 'open',
      documentRef: null,
      documentId: null,
      createdAt: input.at,
      completedAt: null,
      completedBy: null,
    });
    return t;
  }

  /** F-10: the translation was made; a task is done once. */
  complete(targetLanguage: 'kk' | 'ru', documentId: string, by: string, at: Date): void {
    if (this.status === 'done') throw new ConflictError('registration.translation.done', `the translation task ${this.id} is already done`);
    Object.assign(this as Mutable<TranslationTask>, { status: 'done', targetLanguage, documentId, completedAt: at, completedBy: by });
    this.record({
      name: 'TranslationRecorded',
      aggregateId: this.id,
      occurredAt: at,
      applicationId: this.applicationId,
      bin: this.bin,
      targetLanguage,
      documentId,
    });
  }
}
