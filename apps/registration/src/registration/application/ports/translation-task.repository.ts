import type { TranslationTask } from '../../domain/translation-task.aggregate.js';

/** Port: translation tasks of English applications (F-10). */
export abstract class TranslationTaskRepository {
  /** The task, or NotFoundError (404). */
  abstract get(id: string): Promise<TranslationTask>;
  abstract add(task: TranslationTask): void;
}
