import { z } from 'zod';

/**
 * Roles of the platform (issue #5). A token carries them in the `roles` claim; an applicant token
 * also carries `hub_companies`: the BINs of the companies its holder may act for (F-35: a company's
 * representative sees only that company's data).
 */
export const ROLES = [
  'applicant',
  'fund-officer',
  'commission-member',
  'commission-secretary',
  'finance-officer',
  'housing-manager',
  'training-officer',
  'auditor',
  'authorised-body-analyst',
  // clusters (issue #15, C-2): the organiser (the authorised body for state support of industry), the
  // national institute's experts, the expert Commission's members and secretary
  'cluster-organiser',
  'cluster-expert',
  'cluster-commission-member',
  'cluster-commission-secretary',
] as const;

/** The roles a person can hold (the login page and `token.mjs --role` offer exactly these). */
export type PersonRole = (typeof ROLES)[number];

/**
 * Roles of the platform's own workers, never of a person (ADR 0106): each is as narrow as the one
 * call the worker needs, granted by the identity provider to a confidential client through the
 * OAuth 2.0 client-credentials grant, and never part of a staff group.
 * - `deadline-reader`: reads the `GET /deadlines` routes (notifications' staff digest, ADR 0104 §4).
 * - `document-issuer`: stores the Fund's issued documents in the documents context (`POST /issued-documents`:
 *   registration's certificates F-18, services' invoices ADR 0067, participation's F-41 analytics ADR 0132).
 */
export const SERVICE_ROLES = ['deadline-reader', 'document-issuer'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];
/** The subject prefix of a worker's token: `service:<client>`. */
export const SERVICE_SUBJECT_PREFIX = 'service:';

/** A platform worker that calls another context as itself (ADR 0106), and what it calls. */
export interface PlatformServiceClient {
  /** The confidential client's id at the identity provider. */
  readonly clientId: string;
  /** The app that runs the worker; its token's subject is `service:<app>`. */
  readonly app: string;
  /** Its service roles, each as narrow as the calls it makes. */
  readonly roles: readonly ServiceRole[];
  /** The app's setting naming the gateway URL it calls, and the path under the gateway. */
  readonly calls: { readonly setting: string; readonly gatewayPath: string };
  readonly purpose: string;
}

/**
 * The one list of the platform's service clients (ADR 0106), read by the development issuer (which
 * grants their tokens), `tools/hub up` (which passes each app its credentials and URL) and the
 * rendered manifests (secret, settings, the gateway admitting the app's pods) — it stood in those
 * three places and drifted with each new worker.
 */
export const PLATFORM_SERVICE_CLIENTS: readonly PlatformServiceClient[] = [
  {
    clientId: 'hub-registration',
    app: 'registration',
    roles: ['document-issuer'],
    calls: { setting: 'REGISTRATION_DOCUMENTS_URL', gatewayPath: '/api/documents' },
    purpose: 'archives the certificates (F-18) and protocol extracts (F-15) it issues in documents',
  },
  {
    clientId: 'hub-notifications',
    app: 'notifications',
    roles: ['deadline-reader'],
    calls: { setting: 'NOTIFICATIONS_DEADLINES_URL', gatewayPath: '/api' },
    purpose: "the staff daily digest reads the gateway's deadlines board (ADR 0104 §4, 0106 §5, 0108)",
  },
  {
    clientId: 'hub-services',
    app: 'services',
    roles: ['document-issuer'],
    calls: { setting: 'SERVICES_DOCUMENTS_URL', gatewayPath: '/api/documents' },
    purpose: 'archives the invoice PDFs it issues (F-55) in documents (ADR 0109)',
  },
  {
    clientId: 'hub-participation',
    app: 'participation',
    roles: ['document-issuer'],
    calls: { setting: 'PARTICIPATION_DOCUMENTS_URL', gatewayPath: '/api/documents' },
    purpose: 'archives each edition of the quarterly analytics for the authorised body (F-41) it generates in documents (ADR 0132)',
  },
];

export const RoleSchema = z.enum([...ROLES, ...SERVICE_ROLES]);
export type Role = z.infer<typeof RoleSchema>;
export const isServiceRole = (role: Role): role is ServiceRole => (SERVICE_ROLES as readonly string[]).includes(role);

/**
 * Role groups: the one list of each group for every context and the gateway (ADR 0035 §7). A
 * context never writes its own list; it names the group that matches the rule it enforces.
 */
/** The Fund's own people. Not the authorised body's analyst, who is outside the Fund (F-41), nor applicants. */
export const FUND_STAFF_ROLES: readonly Role[] = [
  'fund-officer',
  'finance-officer',
  'commission-member',
  'commission-secretary',
  'housing-manager',
  'training-officer',
  'auditor',
];
/** Who works on registration applications (F-12 … F-17): the Fund's officers and the selection Commission (F-13). */
export const APPLICATION_REVIEWER_ROLES: readonly Role[] = ['fund-officer', 'commission-member', 'commission-secretary'];
/** The selection Commission (F-13, F-15, F-30). */
export const COMMISSION_ROLES: readonly Role[] = ['commission-member', 'commission-secretary'];
/**
 * F-35: the Fund's people who may read a participant's confidential file (technical, economic and
 * commercial information) — the Fund itself is bound by F-35, third parties never see it.
 */
export const PARTICIPANT_FILE_ROLES: readonly Role[] = ['fund-officer', 'finance-officer', 'commission-member', 'commission-secretary', 'auditor'];

/**
 * Issue #13, F-69: the Fund's staff who read ICT training provider applications. Not the Commission's
 * members: they see applications only through the Independent Commission's routes, after declaring
 * their conflicts of interest.
 */
export const TRAINING_FILE_ROLES: readonly Role[] = [
  'fund-officer',
  'finance-officer',
  'commission-secretary',
  'housing-manager',
  'training-officer',
  'auditor',
];

/** C-2: the organiser of the selection of territorial clusters (the authorised body); sees every application. */
export const CLUSTER_ORGANISER_ROLES: readonly Role[] = ['cluster-organiser'];
/** C-2: everyone who runs a selection of territorial clusters (organiser, national institute's experts, expert Commission). Not the Fund's staff. */
export const CLUSTER_SELECTION_ROLES: readonly Role[] = ['cluster-organiser', 'cluster-expert', 'cluster-commission-member', 'cluster-commission-secretary'];

/** @deprecated Name the group the rule needs (FUND_STAFF_ROLES, PARTICIPANT_FILE_ROLES, …). Kept as FUND_STAFF_ROLES. */
export const STAFF_ROLES: readonly Role[] = FUND_STAFF_ROLES;

/**
 * ADR 0106: the platform worker that reads every context's `GET /deadlines` (notifications' staff digest).
 * It sees every company's deadlines like the Fund's file readers — the items are ids, rules and due days
 * (F-35) — and nothing else: no other route admits it.
 */
export const DEADLINE_READER_ROLES: readonly Role[] = ['deadline-reader'];

/** Whether the actor holds at least one of the roles. */
export const hasAnyRole = (actor: { readonly roles: readonly Role[] }, roles: readonly Role[]): boolean => actor.roles.some((r) => roles.includes(r));

/**
 * The claims every context and the gateway accept. ADR 0106 §3: a service role only in a worker's token
 * (`sub` = `service:<client>`, `hub_client` present, no company, no person role), and a worker's token
 * holds nothing but service roles — so neither a person nor a leaked worker token crosses over.
 */
export const AccessTokenClaimsSchema = z
  .object({
    sub: z.string().min(1),
    roles: z.array(RoleSchema).min(1),
    hub_companies: z.array(z.string().regex(/^\d{12}$/)).default([]),
    name: z.string().optional(),
    /** The OAuth client a worker's token was issued to (client credentials, ADR 0106). */
    hub_client: z.string().min(1).optional(),
    /**
     * The person's e-mail and preferred language as the identity provider knows them (OIDC standard
     * claims; ADR 0114: notifications learns a person's contact from them). Optional; not checked here
     * beyond their size — a malformed one must not lock the person out, notifications ignores it.
     */
    email: z.string().min(1).max(320).optional(),
    locale: z.string().min(1).max(35).optional(),
  })
  .superRefine((c, ctx) => {
    const worker = c.sub.startsWith(SERVICE_SUBJECT_PREFIX);
    const serviceRoles = c.roles.filter(isServiceRole);
    if (worker) {
      if (c.hub_client === undefined) ctx.addIssue({ code: 'custom', path: ['hub_client'], message: 'a service subject needs hub_client' });
      if (serviceRoles.length !== c.roles.length) ctx.addIssue({ code: 'custom', path: ['roles'], message: 'a service subject holds service roles only' });
      if (c.hub_companies.length > 0) ctx.addIssue({ code: 'custom', path: ['hub_companies'], message: 'a service subject acts for no company' });
    } else {
      if (serviceRoles.length > 0) ctx.addIssue({ code: 'custom', path: ['roles'], message: `service roles need a ${SERVICE_SUBJECT_PREFIX} subject` });
      if (c.hub_client !== undefined) ctx.addIssue({ code: 'custom', path: ['hub_client'], message: 'hub_client is for service subjects only' });
    }
  });
export type AccessTokenClaims = z.infer<typeof AccessTokenClaimsSchema>;

/** The verified caller, as every context sees it. */
export interface Actor {
  readonly subject: string;
  readonly roles: readonly Role[];
  /** BINs the actor may act for (applicants). */
  readonly companies: readonly string[];
  readonly name?: string;
  /** Set for a platform worker (ADR 0106): the OAuth client its token was issued to; its subject is `service:<client>`. */
  readonly client?: string;
  /** The `email` claim (personal data, F-42: never logged, never in an event; ADR 0114). */
  readonly email?: string;
  /** The `locale` claim (e.g. `kk`, `ru-KZ`; ADR 0114). */
  readonly locale?: string;
}
