// The documents context's upload catalogue, served by vite.config.ts from scripts/document-kinds.ts (ADR 0045 §4).
declare module 'virtual:hub-document-kinds' {
  // an ambient module cannot import a relative module: the type is referenced in place
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const catalogue: import('./accepted-files.ts').UploadCatalogue;
  export default catalogue;
}
