/** Runtime configuration served by the web server (/config.json), so one build runs anywhere (ADR 0040). */
export interface WebConfig {
  /** The OpenID Connect issuer (its discovery document is at `${issuer}/.well-known/openid-configuration`). */
  readonly issuer: string;
  readonly clientId: string;
}

export async function loadConfig(): Promise<WebConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json answered ${res.status}`);
  return (await res.json()) as WebConfig;
}
