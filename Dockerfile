# One image for the four crosscheck services; SERVICE picks which one runs.
#   docker build -t crosscheck .
#   docker run -e SERVICE=intake ... crosscheck
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY test/data/reference ./reference
USER node
ENV SERVICE=intake
CMD ["sh", "-c", "exec node dist/apps/${SERVICE}/src/main.js"]
