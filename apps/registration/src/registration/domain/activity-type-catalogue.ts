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

/** The port (an abstract class, so it is also the Nest injection token). */
export abstract class ActivityTypeCatalogue {
  /** Identifies the list the rules were checked against (stored with the eligibility outcome). */
  abstract readonly version: string;
  abstract readonly placeholder: boolean;
  abstract find(code: string): CatalogueActivityType | undefined;
  abstract all(): readonly CatalogueActivityType[];
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
export class ActivityTypeList extends ActivityTypeCatalogue {
  readonly version: string;
  readonly placeholder: boolean;
  private readonly byCode: Map<string, CatalogueActivityType>;

  constructor(data: ActivityTypeListData) {
    const list: readonly CatalogueActivityType[] = data.activityTypes;
    super();
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

/** Activity types with their names from the list, as the participant record and the published language carry them. */
export function describeActivityTypes(
  selected: readonly SelectedActivityType[],
  catalogue: ActivityTypeCatalogue,
): { code: string; name: string; works: string[] }[] {
  return selected.map((t) => {
    const type = catalogue.find(t.code);
    return { code: t.code, name: type?.nameRu ?? t.code, works: t.works.map((w) => type?.works.find((x) => x.code === w)?.name ?? w) };
  });
}

/** The reverse: a described list (names of works) back to the codes the list knows (F-20 starts from the current types). */
export function selectedActivityTypes(
  described: readonly { code: string; works: readonly string[] }[],
  catalogue: ActivityTypeCatalogue,
): SelectedActivityType[] {
  return described.map((t) => {
    const type = catalogue.find(t.code);
    return { code: t.code, works: t.works.map((n) => type?.works.find((w) => w.name === n || w.code === n)?.code ?? n) };
  });
}
