/**
 * The official list of priority ICT activity types and their works (F-7(7), Order No. 521/НҚ of
 * 20 Oct 2025). A port: the shipped adapter reads a placeholder list (ADR 0011).
 */
export interface CatalogueActivityType {
  readonly code: string;
  readonly nameRu: string;
  readonly nameKk: string;
  readonly nameEn: string;
  readonly works: readonly { readonly code: string; readonly name: string }[];
}

export interface ActivityTypeCatalogue {
  /** Identifies the list the rules were checked against (stored with the eligibility outcome). */
  readonly version: string;
  readonly placeholder: boolean;
  find(code: string): CatalogueActivityType | undefined;
  all(): readonly CatalogueActivityType[];
}

/** An activity type the applicant chose, with the works of that type it carries out. */
export interface SelectedActivityType {
  readonly code: string;
  readonly works: readonly string[];
}

/** The list's content, as the shipped JSON file (or the official list in the same format) holds it. */
export interface ActivityTypeListData {
  readonly version: string;
  readonly placeholder?: boolean;
  readonly activityTypes: readonly CatalogueActivityType[];
}

/** An in-memory list of priority ICT activity types. */
export class ActivityTypeList implements ActivityTypeCatalogue {
  readonly version: string;
  readonly placeholder: boolean;
  private readonly byCode: Map<string, CatalogueActivityType>;

  constructor(data: ActivityTypeListData) {
    const list: readonly CatalogueActivityType[] = data.activityTypes;
    if (!data.version || !list.length) throw new Error('not an activity-type list (version, activityTypes[])');
    this.version = data.version;
    this.placeholder = data.placeholder === true;
    this.byCode = new Map(list.map((t) => [t.code, t]));
  }

  find(code: string): CatalogueActivityType | undefined {
    return this.byCode.get(code);
  }

  all(): readonly CatalogueActivityType[] {
    return [...this.byCode.values()];
  }
}
