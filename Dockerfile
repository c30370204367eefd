# syntax=docker/dockerfile:1
# Build stage: install with dev dependencies and typecheck (Node runs the TypeScript sources
# directly through type stripping, so there is no separate compile output).
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
COPY corpus ./corpus
RUN npx tsc --noEmit && npm run build

# Runtime stage: production dependencies only, non-root, data on a volume.
FROM node:24-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/src ./src
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/corpus ./corpus
COPY --from=build /app/dist ./dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A smaller young generation: about 90 MB less RSS under load at the same throughput (bench/results).
CMD ["node", "--max-semi-space-size=8", "src/main.ts"]
