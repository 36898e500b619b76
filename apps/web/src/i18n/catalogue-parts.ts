// ADR 0128: which messages the public pages need in their first load. A message id's namespace (the
// part before the first dot) decides: the layout (app, nav, auth, role, bell, common, problem,
// notFound) and the public pages (registry, certificateStatus, verify) are `public`; everything else
// loads with the signed-in screens (`rest`). A public page that uses a `rest` message still works —
// `t` loads the rest and the page re-renders — but the first load should not need it.
export const MESSAGE_PARTS = ['public', 'rest'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

const PUBLIC_NAMESPACES: ReadonlySet<string> = new Set([
  'app',
  'nav',
  'auth',
  'role',
  'bell',
  'common',
  'problem',
  'notFound',
  'registry',
  'certificateStatus',
  'verify',
]);

export const partOf = (id: string): MessagePart => (PUBLIC_NAMESPACES.has(id.split('.', 1)[0]!) ? 'public' : 'rest');

/** Paths whose screens need only the public messages (everything else waits for the rest before it renders). */
export const isPublicPath = (pathname: string): boolean => pathname === '/' || /^\/(registry|verify|auth\/callback)(\/|$)/.test(pathname);
