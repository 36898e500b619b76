import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ActivityTypeCatalogue, CatalogueActivityType } from '../../domain/activity-type-catalogue.js';

/** The shipped list: a PLACEHOLDER derived from the rules digest, not Order No. 521/НҚ (ADR 0011). */
export const SHIPPED_ACTIVITY_TYPES_FILE = fileURLToPath(new URL('../../../../data/priority-activity-types.placeholder.json', import.meta.url));

interface CatalogueFile {
  readonly version: string;
  readonly placeholder?: boolean;
  readonly activityTypes: CatalogueActivityType[];
}

/** Reads the list of priority ICT activity types from a JSON file (REGISTRATION_ACTIVITY_TYPES_FILE overrides the shipped one). */
export class JsonActivityTypeCatalogue implements ActivityTypeCatalogue {
  readonly version: string;
  readonly placeholder: boolean;
  private readonly byCode: Map<string, CatalogueActivityType>;

  constructor(file: string = SHIPPED_ACTIVITY_TYPES_FILE) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as CatalogueFile;
    if (!data.version || !Array.isArray(data.activityTypes) || !data.activityTypes.length) throw new Error(`${file}: not an activity-type list (version, activityTypes[])`);
    this.version = data.version;
    this.placeholder = data.placeholder === true;
    this.byCode = new Map(data.activityTypes.map((t) => [t.code, t]));
  }

  find(code: string): CatalogueActivityType | undefined {
    return this.byCode.get(code);
  }

  all(): readonly CatalogueActivityType[] {
    return [...this.byCode.values()];
  }
}
