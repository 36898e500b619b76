import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ActivityTypeList, type ActivityTypeListData } from '../../domain/activity-type-catalogue.js';

/** The shipped list: a PLACEHOLDER derived from the rules digest, not Order No. 521/НҚ (ADR 0011). */
export const SHIPPED_ACTIVITY_TYPES_FILE = fileURLToPath(new URL('../../../../data/priority-activity-types.placeholder.json', import.meta.url));

/** Reads the list of priority ICT activity types from a JSON file (REGISTRATION_ACTIVITY_TYPES_FILE overrides the shipped one). */
export class JsonActivityTypeCatalogue extends ActivityTypeList {
  constructor(file: string = SHIPPED_ACTIVITY_TYPES_FILE) {
    let data: ActivityTypeListData;
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as ActivityTypeListData;
    } catch (e) {
      throw new Error(`cannot read the activity-type list ${file}: ${(e as Error).message}`);
    }
    super(data);
  }
}
