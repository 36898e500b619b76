# syntax=docker/dockerfile:1.7
# The web app (apps/web, issue #11, ADR 0040), built from the repository root:
#
#   docker build -f docker/web.Dockerfile -t hub/web:local .
#   docker run -p 127.0.0.1:8080:3000 -e HUB_WEB_GATEWAY_URL=http://admin-gateway:3000 -e HUB_WEB_ISSUER_URL=https://idp.example hub/web:local
#
# Stages: prune (`turbo prune @hub/web --docker`), build (frozen install, `vite build` with the OpenAPI
# types and the i18n/bundle checks), runtime (node:24-slim, non-root: dist/ and server.mjs only — the
# server uses Node's built-ins, so no node_modules ship). Kept correct by reading (no Docker engine here).
ARG NODE_IMAGE=node:24-slim

FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION=12.21.0
ARG TURBO_VERSION=2.11.11
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
RUN npm install -g --no-audit --no-fund "pnpm@${PNPM_VERSION}" "turbo@${TURBO_VERSION}"
WORKDIR /repo

FROM base AS prune
COPY . .
RUN turbo prune @hub/web --docker

FROM base AS build
COPY --from=prune /repo/out/json/ ./
COPY --from=prune /repo/out/pnpm-lock.yaml ./pnpm-lock.yaml
RUN pnpm install --frozen-lockfile --filter @hub/web... --ignore-scripts
COPY --from=prune /repo/out/full/ ./
COPY tsconfig.base.json ./
RUN pnpm --filter @hub/web run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /repo/apps/web/dist ./dist
COPY --from=build --chown=node:node /repo/apps/web/server.mjs ./server.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "server.mjs"]
