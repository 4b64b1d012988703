# Production-like image: the `kontakt` server with the built web UI.
FROM node:20-bookworm AS web
WORKDIR /src/web-ui
COPY web-ui/package.json web-ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi/ /src/openapi/
COPY web-ui/ ./
RUN npm run build

FROM rust:1.95-bookworm AS server
WORKDIR /src
COPY . .
RUN cargo build --release -p kontakt

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app kontakt
WORKDIR /app
COPY --from=server /src/target/release/kontakt /usr/local/bin/kontakt
COPY --from=web /src/web-ui/dist /app/web-ui/dist
USER kontakt
ENV KONTAKT_BIND=0.0.0.0:8080 \
    KONTAKT_WEB_DIR=/app/web-ui/dist \
    KONTAKT_CREATE_DATABASE=false
EXPOSE 8080
HEALTHCHECK CMD ["/bin/sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080"]
ENTRYPOINT ["kontakt"]
CMD ["serve"]
