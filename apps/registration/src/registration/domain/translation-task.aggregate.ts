import { AggregateRoot, ConflictError, type DomainEvent } from '@hub/kernel';
import type { Mutable } from './mutable.js';

/** F-10: an English application gets a Kazakh or Russian translation, tracked as a task of the Fund. Records no event (nobody outside needs it). */
export class TranslationTask extends AggregateRoot<DomainEvent> {
  readonly id!: string;
  readonly applicationId!: string;
  readonly bin!: string;
  readonly sourceLanguage!: 'en';
  readonly targetLanguage!: 'kk' | 'ru';
  readonly status!: 'open' | 'done';
  readonly documentRef!: string | null;
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
      createdAt: input.at,
      completedAt: null,
      completedBy: null,
    });
    return t;
  }

  /** F-10: the translation was made; a task is done once. */
  complete(targetLanguage: 'kk' | 'ru', documentRef: string, by: string, at: Date): void {
    if (this.status === 'done') throw new ConflictError('registration.translation.done', `the translation task ${this.id} is already done`);
    Object.assign(this as Mutable<TranslationTask>, { status: 'done', targetLanguage, documentRef, completedAt: at, completedBy: by });
  }
}
