// A service as the catalogue sends it, typed from the gateway's merged OpenAPI (ADR 0042).
import type { paths } from '../api/schema.gen';

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type ServiceView = Json<'/api/services/services', 'get'>[number];

/** Today's civil date in Asia/Almaty ('YYYY-MM-DD'): which calls are open now. */
export function almatyToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The price-list entry in force on `today` (F-56: effective-dated), or null. */
export function currentPrice(service: ServiceView, today: string): ServiceView['priceList'][number] | null {
  return [...service.priceList].filter((p) => p.effectiveFrom <= today).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null;
}
