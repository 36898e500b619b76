import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { type Plugin, defineConfig } from 'vite';
import { documentKindsFile, readUploadCatalogue } from './scripts/document-kinds';
import { MESSAGE_PARTS, partOf } from './src/i18n/catalogue-parts';

// ADR 0040. `vite` (dev server) proxies /api to the gateway and serves /config.json like server.mjs does.
const gateway = process.env.HUB_WEB_GATEWAY_URL ?? 'http://127.0.0.1:3100';
const issuer = process.env.HUB_WEB_ISSUER_URL ?? 'http://127.0.0.1:4000';

/**
 * ADR 0128: each language's catalogue (src/i18n/messages/<locale>.json, the one source) is served as
 * two modules — `virtual:hub-messages/<locale>/public`, the messages of the public pages (first load,
 * within the 250 KB budget), and `…/rest`, everything the signed-in screens need (loaded with them).
 */
function messageCatalogues(): Plugin {
  const PREFIX = 'virtual:hub-messages/';
  return {
    name: 'hub-message-catalogues',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [locale, part] = id.slice(PREFIX.length + 1).split('/');
      if (!locale || !/^[a-z]{2}$/.test(locale) || !(MESSAGE_PARTS as readonly string[]).includes(part ?? '')) this.error(`unknown catalogue ${id}`);
      const file = join(import.meta.dirname, 'src/i18n/messages', `${locale}.json`);
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      return `export default ${JSON.stringify(Object.fromEntries(Object.entries(all).filter(([k]) => partOf(k) === part)))};`;
    },
  };
}

/**
 * ADR 0045 §4: `virtual:hub-document-kinds` — each document kind's accepted file types and size, read from
 * the documents context's catalogue (the one definition) for the upload field's `accept` and hint.
 */
function documentKinds(): Plugin {
  const ID = 'virtual:hub-document-kinds';
  return {
    name: 'hub-document-kinds',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      this.addWatchFile(documentKindsFile(import.meta.dirname));
      return `export default ${JSON.stringify(readUploadCatalogue(import.meta.dirname))};`;
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    messageCatalogues(),
    documentKinds(),
    {
      name: 'hub-runtime-config',
      configureServer(server) {
        server.middlewares.use('/config.json', (_req, res) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ issuer, clientId: 'hub-web' }));
        });
      },
    },
  ],
  server: { port: 3000, strictPort: true, host: '127.0.0.1', proxy: { '/api': gateway } },
  build: { outDir: 'dist', manifest: true, sourcemap: false, target: 'es2022', reportCompressedSize: false },
});
