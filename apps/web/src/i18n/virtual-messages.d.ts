// The catalogue parts served by vite.config.ts (ADR 0128).
declare module 'virtual:hub-messages/*' {
  const messages: Readonly<Record<string, string>>;
  export default messages;
}
