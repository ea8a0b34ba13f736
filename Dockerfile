# The image of every Huddle service: `docker build --build-arg SERVICE=chat-service .` (compose passes
# SERVICE and HTTP_PORT for each service; docker-compose.yml). The build context is the repository
# root because a service is built with the modules it uses; nothing needs to be built beforehand.

ARG JDK_VERSION=25

# ---- build: the service jar and its runtime class path (target/lib)
FROM maven:3.9-eclipse-temurin-${JDK_VERSION} AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    test -n "$SERVICE" -a -f "$SERVICE/pom.xml" \
      || { echo "build with --build-arg SERVICE=<service module>, e.g. auth-service" >&2; exit 1; } \
    && mvn -B -q -ntp -DskipTests -pl "$SERVICE" -am package \
    && mkdir -p /out \
    && cp "$SERVICE/target/$SERVICE"-*-SNAPSHOT.jar /out/service.jar \
    && cp -r "$SERVICE/target/lib" /out/lib \
    && cp jvm.options /out/jvm.options

# ---- runtime: JRE, curl for the health check, non-root user
FROM eclipse-temurin:${JDK_VERSION}-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 huddle \
    && useradd --system --uid 10001 --gid huddle --home-dir /app --shell /usr/sbin/nologin huddle \
    && mkdir -p /app /var/lib/huddle /var/log/huddle \
    && chown huddle:huddle /var/lib/huddle /var/log/huddle
WORKDIR /app
COPY --from=build /out/lib/ /app/lib/
COPY --from=build /out/jvm.options /app/jvm.options
COPY --from=build /out/service.jar /app/service.jar

# The service's HTTP port (its default, docs/CONFIGURATION.md): /health, /metrics and the API.
ARG HTTP_PORT=8080
# Settings: docs/CONFIGURATION.md. Data (SQLite, keys) and the action log live on volumes.
ENV HUDDLE_DATA_DIR=/var/lib/huddle \
    HUDDLE_LOG_DIR=/var/log/huddle \
    HUDDLE_CLUSTER_BIND=0.0.0.0 \
    HUDDLE_HTTP_PORT=${HTTP_PORT}
VOLUME ["/var/lib/huddle", "/var/log/huddle"]
# HTTP and Hazelcast; a service's further ports (chat-service's line protocol, the relay's UDP) are
# published by compose
EXPOSE ${HTTP_PORT} 5701

USER 10001:10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD if [ -n "${HUDDLE_TLS_CERT}" ]; then curl -fsSk "https://127.0.0.1:${HUDDLE_HTTP_PORT}/health"; \
        else curl -fsS "http://127.0.0.1:${HUDDLE_HTTP_PORT}/health"; fi || exit 1
# the same JVM options as ./huddle and the tests: jvm.options at the repository root
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/service.jar"]
