# syntax=docker/dockerfile:1.7
#
# One Dockerfile for every runnable module of the platform:
#
#   docker build --build-arg MODULE=ticket-order-service -t ticket-platform/ticket-order-service .
#
# Stage "build" compiles the whole reactor once with the Maven wrapper. It does not read MODULE, so its cache key is
# the same for every service: docker compose (BuildKit) builds it once and every service image reuses it.
# Stage "web" builds the storefront (ticket-web) with Node, likewise once for all.
# Stage "runtime" takes the one executable jar named by MODULE and runs it as an unprivileged user; the gateway's image
# also gets the storefront's build in /app/web, which it serves when TICKET_GATEWAY_WEB_ROOT=file:/app/web/ (compose
# sets it; docs/ARCHITECTURE.md §10).

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace

# The wrapper (only-script mode) downloads a .zip Maven distribution and needs unzip to unpack it; without unzip it
# falls back to tar, which cannot read a zip. unzip is also used below to read jar manifests.
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \
    --mount=type=cache,target=/var/lib/apt,sharing=locked \
    rm -f /etc/apt/apt.conf.d/docker-clean \
    && apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends unzip

# The whole repository (see .dockerignore): module poms, sources, and the repo-root sql/ migrations that the service
# poms package into their jars.
COPY . .

# ~/.m2 is a cache mount: the Maven distribution fetched by the wrapper and every dependency survive between builds
# without ending up in an image layer. sharing=locked: parallel builds of several services wait for each other
# instead of corrupting the shared local repository.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    chmod +x mvnw \
    && ./mvnw -B -DskipTests package

# Collect the executable Spring Boot jar of every module as /out/<module>.jar. A module's runnable jar is normally
# <module>/target/<module>-1.0.0-SNAPSHOT.jar; a module that repackages with a classifier (the pay sandbox: -exec)
# keeps a plain library jar beside it, so the runnable one is recognised by its manifest (Start-Class), not by name.
RUN set -eu; \
    mkdir -p /out; \
    for target in */target; do \
      module="${target%/target}"; \
      for jar in "$target/$module"-*.jar; do \
        [ -f "$jar" ] || continue; \
        if unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Start-Class:'; then cp "$jar" "/out/$module.jar"; fi; \
      done; \
    done; \
    ls -l /out

# The storefront: the exact dependencies of the lockfile (npm ci), then the production build, whose first step generates
# the typed API client from the committed openapi/public.json (no running platform needed). The manifests are copied
# first, so a change to the app's sources alone reuses the installed node_modules layer.
FROM node:20 AS web
WORKDIR /web
COPY ticket-web/package.json ticket-web/package-lock.json ticket-web/.npmrc ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund
COPY ticket-web/ ./
RUN npm run build

FROM eclipse-temurin:17-jre AS runtime
# The module to run, e.g. ticket-gateway. Declared only in this stage so that the build stage stays shared.
ARG MODULE
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<module directory>" >&2; exit 1; }
LABEL org.opencontainers.image.title="${MODULE}" \
      org.opencontainers.image.description="ticket platform: ${MODULE}"

# curl is what the compose healthchecks call (/actuator/health); the Temurin images ship it today, but only "for
# historical reasons", so make sure of it rather than rely on it.
RUN command -v curl >/dev/null 2>&1 \
    || (apt-get update \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl \
        && rm -rf /var/lib/apt/lists/*)

# A fixed, unprivileged uid/gid (not the image's uid 1000 "ubuntu"), so Kubernetes runAsNonRoot can verify it.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# Owned by root and read-only for the app user: the process cannot rewrite its own code.
COPY --from=build /out/${MODULE}.jar /app/app.jar
# The storefront, in the gateway's image only (a bind mount, so no other image gets a layer of it). Owned by root and
# read-only for the app user, like the jar.
RUN --mount=type=bind,from=web,source=/web/dist,target=/mnt/web \
    if [ "${MODULE}" = "ticket-gateway" ]; then cp -r /mnt/web /app/web && test -f /app/web/index.html; fi

# Size the heap from the container's memory limit; die on OOM so the orchestrator restarts a clean JVM.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
