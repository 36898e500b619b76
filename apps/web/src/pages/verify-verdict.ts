import type { MessageId } from '../i18n/locales';

/** What the verdict needs to know of the registry's answer (CertificateVerification). */
export interface VerdictInput {
  readonly status: 'active' | 'expired' | 'terminated';
  readonly valid: boolean;
  readonly validTo: string;
  readonly extensions: readonly unknown[];
  readonly certificate: { readonly kind: 'registration' | 'extension'; readonly validFrom: string };
  readonly signature: { readonly verified: boolean };
}

export type Verdict = { readonly id: MessageId; readonly date?: string; readonly tone: 'valid' | 'pending' | 'invalid' };

/**
 * F-18/F-19, F-25, F-27, F-28: what the visitor is told first about the number they hold. An extension
 * certificate (Annex 3) of an active participant whose period has not begun yet is genuine but not
 * yet in force — said so, with the date, instead of a red "not valid" (issue #9).
 */
export function verdictOf(v: VerdictInput, today: string): Verdict {
  if (v.status === 'terminated') return { id: 'verify.terminated', tone: 'invalid' };
  if (!v.valid) {
    if (v.status === 'expired') return { id: 'verify.expired', tone: 'invalid' };
    if (v.status === 'active' && v.certificate.kind === 'extension' && v.signature.verified && today < v.certificate.validFrom)
      return { id: 'verify.notYetInForce', date: v.certificate.validFrom, tone: 'pending' };
    return { id: 'verify.notValid', tone: 'invalid' };
  }
  if (v.certificate.kind === 'extension') return { id: 'verify.extensionValid', tone: 'valid' };
  if (v.extensions.length > 0) return { id: 'verify.extended', date: v.validTo, tone: 'valid' };
  return { id: 'verify.valid', tone: 'valid' };
}

/** Today on the Almaty calendar (YYYY-MM-DD). */
export const almatyToday = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
