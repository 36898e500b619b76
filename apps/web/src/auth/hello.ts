// ADR 0145: the shell says hello to notifications once per session, right after sign-in, so the
// person's contact (e-mail, language — the verified token's claims, F-42) is learnt even when they never
// open the bell or their settings: a Commission member's daily digest (ADR 0138 §4) depends on it.

/** The part of a session the hello looks at (auth.ts's Session has more). */
export interface HelloSession {
  readonly subject: string;
  readonly roles: readonly string[];
}

/**
 * Remembers whom this tab has said hello for. `seen` is called on every session change: a new person
 * signed in (and allowed to, by the gateway's table) → `say` once; a token refresh (same person) → nothing;
 * signing out forgets, so signing in again says hello again. A failed hello is forgotten too, so the
 * next session change tries again (the inbox still learns applicants meanwhile, ADR 0114 §2).
 */
export class Hello {
  private greeted: string | null = null;

  seen(session: HelloSession | null, allowed: (session: HelloSession) => boolean, say: () => Promise<unknown>): Promise<void> | null {
    if (session === null) {
      this.greeted = null;
      return null;
    }
    if (session.subject === this.greeted || !allowed(session)) return null;
    const subject = session.subject;
    this.greeted = subject;
    return say().then(
      () => undefined,
      () => {
        if (this.greeted === subject) this.greeted = null;
      },
    );
  }
}
