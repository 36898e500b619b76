import type { ApplicationContact } from '../../domain/application-contact.js';

/** Port: registration's application contacts (ADR 0121). */
export abstract class ApplicationContactRepository {
  abstract find(applicationId: string): Promise<ApplicationContact | null>;
  abstract add(contact: ApplicationContact): void;
}
