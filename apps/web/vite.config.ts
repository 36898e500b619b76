import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// ADR 0040. `vite` (dev server) proxies /api to the gateway and serves /config.json like server.mjs does.
const gateway = process.env.HUB_WEB_GATEWAY_URL ?? 'http://127.0.0.1:3100';
const issuer = process.env.HUB_WEB_ISSUER_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [
    react(),
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
