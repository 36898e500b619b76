# syntax=docker/dockerfile:1.7
# One image per deployable of the monorepo, built from the repository root:
#
#   docker build -f docker/app.Dockerfile --build-arg APP=registration -t hub/registration:local .
#
# APP is the package name without its scope: registration, participation, admin-gateway (later:
# services, housing, training, clusters), or dev-stack (the one-shot topic creator used by
# docker/compose.yaml). Stages:
#   base     node:24-slim + pnpm 12 and turbo 2 from the npm registry
#   prune    `turbo prune @hub/$APP --docker`: only the package and its workspace dependencies
#   build    install from the pruned lockfile (frozen), build with turbo, `pnpm deploy --prod`
#   runtime  node:24-slim, non-root, production node_modules only, `node dist/main.js`
# docker/app.Dockerfile.dockerignore (next to this file; BuildKit reads it in place of the root
# .dockerignore) keeps node_modules, dist and .git out of the context.

ARG NODE_IMAGE=node:24-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION=12.21.0
# Keep equal to the root package.json's devDependency (turbo ^2.11.11).
ARG TURBO_VERSION=2.11.11
ENV PNPM_VERSION=${PNPM_VERSION} \
    PNPM_HOME=/pnpm \
    PATH=/pnpm:$PATH \
    CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1 \
    COREPACK_ENABLE_STRICT=0
# pnpm and turbo come from the npm registry as packages (their native binaries are optional
# dependencies of those packages), not through corepack's download of a package manager.
RUN npm install -g --no-audit --no-fund "pnpm@${PNPM_VERSION}" "turbo@${TURBO_VERSION}" \
 && pnpm --version && turbo --version
# turbo 2 resolves the workspace only when the root package.json names its package manager
# (packageManager or devEngines.packageManager; --dangerously-disable-package-manager-check does
# not make `turbo run` find the packages). The repository states engines.pnpm only, because a
# packageManager pin makes every pnpm 12 command resolve pnpm's own packages from the registry
# (and fail on its 404s). devEngines.packageManager with onFail "ignore" satisfies turbo, is
# ignored by pnpm, and a frozen install accepts it. Applied inside the image only, and only when
# the repository has no pin of its own.
COPY --chmod=755 <<'EOF' /usr/local/bin/hub-pin-package-manager
#!/usr/bin/env node
const fs = require('node:fs');
const p = JSON.parse(fs.readFileSync('package.json', 'utf8'));
if (!p.packageManager && !(p.devEngines && p.devEngines.packageManager)) {
  p.devEngines = { ...(p.devEngines || {}), packageManager: { name: 'pnpm', version: process.env.PNPM_VERSION, onFail: 'ignore' } };
  fs.writeFileSync('package.json', JSON.stringify(p, null, 2) + '\n');
  console.log(`package.json: devEngines.packageManager pnpm@${process.env.PNPM_VERSION} (onFail: ignore), for turbo`);
}
EOF

# ---------------------------------------------------------------------------------------------
FROM base AS prune
ARG APP
WORKDIR /repo
COPY . .
RUN test -n "${APP}" || { echo "build arg APP is required: registration, participation, admin-gateway, dev-stack, ..." >&2; exit 1; }
RUN hub-pin-package-manager
# turbo prune copies manifests and sources, not root configs such as tsconfig.base.json that every
# package's tsconfig extends: copy those into the pruned tree too.
RUN turbo prune "@hub/${APP}" --docker --out-dir /repo/out \
 && for f in tsconfig*.json .npmrc; do if [ -e "$f" ]; then cp "$f" out/full/; fi; done

# ---------------------------------------------------------------------------------------------
FROM base AS build
ARG APP
WORKDIR /repo
# 1. Manifests and lockfile only: this layer (the dependency install) is reused until they change.
COPY --from=prune /repo/out/json/ ./
COPY --from=prune /repo/out/pnpm-lock.yaml ./pnpm-lock.yaml
RUN --mount=type=cache,id=hub-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store
# 2. Sources of the pruned workspace, then build the app and every workspace package it uses.
COPY --from=prune /repo/out/full/ ./
RUN turbo run build --filter="@hub/${APP}..."
# 3. A self-contained directory: the app's files (dist/ included) + production node_modules, with
#    workspace dependencies copied in (not symlinked). pnpm 12 deploys workspace packages without
#    extra settings; pnpm 10/11 needed `inject-workspace-packages: true` in pnpm-workspace.yaml or
#    `pnpm deploy --legacy`.
RUN --mount=type=cache,id=hub-pnpm-store,target=/pnpm/store \
    pnpm deploy --filter="@hub/${APP}" --prod --store-dir /pnpm/store /out
RUN if [ "${APP}" != dev-stack ] && [ ! -f /out/dist/main.js ]; then \
      echo "/out/dist/main.js is missing: @hub/${APP} must build to dist/ (and ship it: package.json files)" >&2; exit 1; \
    fi

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
LABEL org.opencontainers.image.title="hub-${APP}" \
      org.opencontainers.image.description="Hub platform: @hub/${APP}"
ENV NODE_ENV=production \
    PORT=3000 \
    HUB_APP=${APP}
WORKDIR /app
# Files stay root-owned and read-only for the process; it runs as the image's unprivileged `node`.
COPY --from=build /out/ ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations are their own step: docker/compose.yaml's migrate-<app> runs `node dist/cli/migrate.js up`.
CMD ["node", "dist/main.js"]
