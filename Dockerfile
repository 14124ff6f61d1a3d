# Palmarès in one container: Payara Micro + the WAR, embedded Derby in a volume.
# Build the WAR first (target/palmares.war), then: docker build -t palmares .
FROM payara/micro:6.2025.10-jdk17

# The base image already runs as the non-root "payara" user in /opt/payara; said again so the
# image stays non-root even if the base changes.
USER payara
WORKDIR /opt/payara

# Read by MicroProfile Config as palmares.data.dir (Derby lives in ${PALMARES_DATA_DIR}/db).
ENV PALMARES_DATA_DIR=/opt/payara/data
# Created before VOLUME, as payara, so that a new named volume is writable by payara.
RUN mkdir -p /opt/payara/data
VOLUME /opt/payara/data

COPY --chown=payara:payara target/palmares.war palmares.war
COPY --chown=payara:payara src/main/payara/logging.properties logging.properties

EXPOSE 8080

# Liveness, not readiness: an unhealthy container gets restarted (Swarm, autoheal), and a restart cures neither a
# database outage nor a mail backlog (both make /health/ready DOWN) but drops every session. /health/ready is for
# the load balancer, to send no traffic to a node that cannot serve; /health/live says the JVM itself is stuck
# (heap full after collection), which only a restart cures.
# The base image (Azul Zulu JDK on Ubuntu) ships neither curl nor wget, but it has bash:
# send a bare HTTP/1.0 request over bash's /dev/tcp and require a "200" status line.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

# The same Payara arguments as ./palmares, but with the JVM's full compiler (./palmares keeps only the quick one, for
# a sooner first page) and the runtime unpacked in the container's temporary folder. An explicit ENTRYPOINT rather
# than the base image's entrypoint.sh, so the command does not depend on that script; CMD holds the arguments
# (override to cluster).
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=70.0", "-jar", "payara-micro.jar"]
CMD ["--nocluster", "--port", "8080", "--contextroot", "/", "--logproperties", "logging.properties", "--deploy", "palmares.war"]
