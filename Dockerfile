# Not exercised by this project's CI (its machine has no Docker engine); see the README.
# Node 24 is the current Active LTS line. Build stage: compilers for better-sqlite3's native addon.
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The compiled code, the pruned dependencies and the data files it reads (registry, base rates).
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
