# syntax=docker/dockerfile:1
# A web service with a Go API, a Node front end and a slim runtime: 100 lines, the size of a
# real project's Dockerfile, for the share-link length test (link.test.ts).

ARG GO_VERSION=1.22
ARG NODE_VERSION=20
ARG DEBIAN_RELEASE=bookworm

FROM golang:${GO_VERSION}-${DEBIAN_RELEASE} AS api-build
WORKDIR /src
ENV CGO_ENABLED=0 \
    GOOS=linux \
    GOARCH=amd64 \
    GOFLAGS=-trimpath
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates \
      git \
      make \
      protobuf-compiler \
 && rm -rf /var/lib/apt/lists/*
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY api/ ./api/
COPY internal/ ./internal/
COPY proto/ ./proto/
COPY Makefile ./
RUN --mount=type=cache,target=/root/.cache/go-build \
    make proto \
 && go build -ldflags="-s -w -X main.version=${VERSION:-dev}" -o /out/api ./api/cmd/server \
 && go build -ldflags="-s -w" -o /out/migrate ./api/cmd/migrate
RUN go test ./internal/... -run 'Test(Config|Routes)' -count=1

FROM node:${NODE_VERSION}-${DEBIAN_RELEASE}-slim AS web-build
WORKDIR /web
ENV NODE_ENV=production \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
COPY web/package.json web/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --include=dev
COPY web/tsconfig.json web/vite.config.ts web/index.html ./
COPY web/public/ ./public/
COPY web/src/ ./src/
RUN npm run build \
 && npm prune --omit=dev \
 && rm -rf node_modules/.cache

FROM debian:${DEBIAN_RELEASE}-slim AS runtime-base
ARG TZ=Etc/UTC
ENV TZ=${TZ} \
    LANG=C.UTF-8 \
    APP_HOME=/srv/app
RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends \
      ca-certificates \
      tzdata \
      curl \
      tini; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 10001 app; \
    useradd --system --uid 10001 --gid app --home-dir "${APP_HOME}" --shell /usr/sbin/nologin app; \
    mkdir -p "${APP_HOME}/data" "${APP_HOME}/static"; \
    chown -R app:app "${APP_HOME}"

FROM runtime-base AS runtime
LABEL org.opencontainers.image.title="example-service" \
      org.opencontainers.image.description="API and web front end" \
      org.opencontainers.image.source="https://example.com/example/service" \
      org.opencontainers.image.licenses="Apache-2.0"
WORKDIR /srv/app
COPY --from=api-build --chown=app:app /out/api /usr/local/bin/api
COPY --from=api-build --chown=app:app /out/migrate /usr/local/bin/migrate
COPY --from=web-build --chown=app:app /web/dist/ ./static/
COPY --chown=app:app deploy/config.yaml ./config.yaml
COPY --chown=app:app deploy/entrypoint.sh /usr/local/bin/entrypoint.sh
RUN chmod 0755 /usr/local/bin/entrypoint.sh \
 && api --version \
 && migrate --help > /dev/null
ENV API_LISTEN=:8080 \
    API_STATIC_DIR=/srv/app/static \
    API_DATA_DIR=/srv/app/data \
    API_LOG_FORMAT=json
EXPOSE 8080
VOLUME ["/srv/app/data"]
USER app:app
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/entrypoint.sh"]
CMD ["api", "serve", "--config", "/srv/app/config.yaml"]

# Debug variant: same image with a shell toolbox, built only with --target debug.
FROM runtime AS debug
USER root
RUN apt-get update && apt-get install -y --no-install-recommends procps strace less \
 && rm -rf /var/lib/apt/lists/*
USER app:app
