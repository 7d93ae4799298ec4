# One image for the API and the worker; compose picks the process with `command`.
# Debian (glibc) throughout, not Alpine: Temporal's native core bridge is built for glibc.

# The full image has python3, make and g++: npm runs better-sqlite3's implicit `node-gyp rebuild`
# even though the package ships prebuilt binaries. The runtime image goes without them.
FROM node:24.21.0-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# `npm install`, not `npm ci`: the lockfile lacks other platforms' optional native packages.
RUN npm install --omit=dev --no-audit --no-fund

FROM deps AS build
RUN npm install --no-audit --no-fund
COPY . .
# Compiles to dist/, migrations included (infra/db/orm.ts finds them at dist/migrations/<dialect>),
# and prebuilds the workflow bundle, dist/workflow-bundle.js.
RUN npm run build

FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# package.json marks dist/ as ES modules.
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY policy ./policy
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/api/http/main.js"]
