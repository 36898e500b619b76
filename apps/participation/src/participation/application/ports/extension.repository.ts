import type { Extension } from '../../domain/extension.aggregate.js';

/** Extension applications (F-25), in the current unit of work. */
export abstract class ExtensionRepository {
  /** The extension of that participation, or NotFoundError. */
  abstract get(participationId: string, id: string): Promise<Extension>;
  /** The one extension awaiting the Fund's decision, if any. */
  abstract findPending(participationId: string): Promise<Extension | null>;
  abstract add(extension: Extension): void;
}
