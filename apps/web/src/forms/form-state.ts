// The application form's state (issue #11): shaped like registration's EditApplicationBody from
// @hub/contracts, every leaf as the text the person typed, so that a field, its value and the
// server's error share ONE dotted path (`businessPlan.projects.0.name`). `toBody` turns the texts
// into the contract's types (tenge → integer tiyn, ADR 0036) and the contract's zod schema checks
// the result before anything is sent; the server checks again and its problem+json `errors[]` land
// on the same paths.
import { EditApplicationBody } from '@hub/contracts';
import { type Translate, zodFieldErrors } from './zod-messages';

export type FormValue = string | boolean | string[] | FormObject | FormValue[];
export interface FormObject {
  [key: string]: FormValue;
}

const isObject = (v: unknown): v is FormObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(state: FormObject, path: string): FormValue | undefined {
  let at: unknown = state;
  for (const key of path.split('.')) {
    if (Array.isArray(at)) at = at[Number(key)];
    else if (isObject(at)) at = at[key];
    else return undefined;
  }
  return at as FormValue | undefined;
}

/** A copy of the state with one value replaced (objects and arrays along the path created as needed). */
export function setPath(state: FormObject, path: string, value: FormValue): FormObject {
  const [key, ...rest] = path.split('.');
  const copy = (v: unknown, nextIsIndex: boolean): FormObject | FormValue[] =>
    Array.isArray(v) ? [...(v as FormValue[])] : isObject(v) ? { ...v } : nextIsIndex ? [] : {};
  const put = (node: FormObject | FormValue[], keys: string[], v: FormValue): FormObject | FormValue[] => {
    const [k, ...more] = keys;
    if (!k) return node;
    const target = copy(node, false);
    const idx = Array.isArray(target) ? Number(k) : k;
    if (!more.length) (target as Record<string | number, FormValue>)[idx] = v;
    else {
      const child = (target as Record<string | number, FormValue>)[idx];
      (target as Record<string | number, FormValue>)[idx] = put(copy(child, /^\d+$/.test(more[0] ?? '')), more, v);
    }
    return target;
  };
  return put(state, [key ?? '', ...rest], value) as FormObject;
}

/** '1 234 567,89' or '1234567.89' tenge → 123456789 tiyn, exactly (no float); null when it is not an amount. */
export function tengeToTiyn(text: string): number | null {
  const m = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!m) return null;
  const tiyn = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  return Number(tiyn);
}

/** 123456789 tiyn → '1234567.89' (what the input shows back). */
export function tiynToTenge(tiyn: number): string {
  const v = BigInt(tiyn);
  const frac = v % 100n;
  return frac === 0n ? String(v / 100n) : `${v / 100n}.${frac.toString().padStart(2, '0')}`;
}

const MONEY = /Tiyn$/;
const NUMBER = /(headcount|Percent|\.year)$/;

/** Texts → the contract's body; `problems` gets the paths whose text is not a number or an amount. */
export function toBody(state: FormObject): { body: Record<string, unknown>; problems: Record<string, 'amount' | 'number'> } {
  const problems: Record<string, 'amount' | 'number'> = {};
  const walk = (v: FormValue, path: string): unknown => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') {
      const text = v.trim();
      if (!text) return undefined;
      if (MONEY.test(path)) {
        const tiyn = tengeToTiyn(text);
        if (tiyn === null) problems[path] = 'amount';
        return tiyn ?? undefined;
      }
      if (NUMBER.test(path)) {
        const n = Number(text.replace(',', '.'));
        if (!Number.isFinite(n)) problems[path] = 'number';
        return Number.isFinite(n) ? n : undefined;
      }
      return text;
    }
    if (Array.isArray(v)) {
      // a list of codes stays a list; a list of rows drops the rows left blank
      if (v.every((x) => typeof x === 'string')) return v;
      return v.map((x, i) => walk(x, `${path}.${i}`)).filter((x) => x !== undefined);
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const w = walk(x, path ? `${path}.${k}` : k);
      if (w !== undefined) out[k] = w;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const body = (walk(state, '') ?? {}) as Record<string, unknown>;
  // a project block always names its activity type, even before anything else is typed in it
  const projects = getPath(state, 'businessPlan.projects');
  if (Array.isArray(projects)) {
    const plan = (body.businessPlan ?? {}) as Record<string, unknown>;
    plan.projects = projects.map((p, i) => {
      const typed = walk(p, `businessPlan.projects.${i}`) as Record<string, unknown> | undefined;
      return { ...typed, activityTypeCode: (p as FormObject).activityTypeCode };
    });
    body.businessPlan = plan;
  }
  return { body, problems };
}

/** The contract's own check (EditApplicationBody from @hub/contracts): field path → message in the reader's language. */
export function contractIssues(body: Record<string, unknown>, t: Translate): Record<string, string> {
  const parsed = EditApplicationBody.safeParse(body);
  return parsed.success ? {} : zodFieldErrors(parsed.error.issues, t);
}

/** The form's state from an application as registration returns it (money back to tenge text). */
export function fromApplication(app: {
  companyName: string;
  address: string;
  language: string;
  activityTypes: readonly { code: string; works: readonly string[] }[];
  businessPlan: unknown;
  taxCertificate: unknown;
  placeOfBusiness: unknown;
  eligibility: unknown;
}): FormObject {
  const texts = (v: unknown, path: string): FormValue => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return MONEY.test(path) ? tiynToTenge(v) : String(v);
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) return v.every((x) => typeof x === 'string') ? v : v.map((x, i) => texts(x, `${path}.${i}`));
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, texts(x, `${path}.${k}`)]));
    return '';
  };
  return {
    companyName: app.companyName,
    address: app.address,
    language: app.language,
    activityTypes: app.activityTypes.map((t) => ({ code: t.code, works: [...t.works] })),
    businessPlan: texts(app.businessPlan ?? {}, 'businessPlan'),
    taxCertificate: texts(app.taxCertificate ?? {}, 'taxCertificate'),
    placeOfBusiness: texts(app.placeOfBusiness ?? {}, 'placeOfBusiness'),
    eligibility: texts(
      app.eligibility ?? {
        hasBranches: false,
        implementsInvestmentPriorityProject: false,
        implementsInvestmentStrategicProjectBefore2015: false,
        hasImplementedInvestmentPriorityProject: false,
        hasImplementedInvestmentStrategicProjectBefore2015: false,
        stateOwnershipPercent: 0,
        isSubsoilUser: false,
        isSezParticipant: false,
        isExcisePayer: false,
      },
      'eligibility',
    ),
  };
}
