# One image for the crosscheck services and the analyst console; SERVICE picks which one runs.
#   docker build -t crosscheck .
#   docker run -e SERVICE=intake ... crosscheck
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM node:24-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY test/data/reference ./reference
USER node
ENV SERVICE=intake
# The console's server lives beside its built web app, not under src/.
CMD ["sh", "-c", "if [ \"$SERVICE\" = console ]; then exec node dist/apps/console/server/main.js; else exec node dist/apps/${SERVICE}/src/main.js; fi"]
