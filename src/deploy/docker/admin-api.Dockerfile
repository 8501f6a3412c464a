# admin-api from its exec jar. Built from the repository root after ./mvnw -B -DskipTests package:
#   docker build -f src/deploy/docker/admin-api.Dockerfile -t wxops/admin-api:0.1.0 .
# Configuration and secrets come from the environment (see config/admin-api.example.yml and the
# Kubernetes manifests in src/deploy/k8s); nothing secret is baked into the image.
FROM eclipse-temurin:17-jre
RUN groupadd --system wxops && useradd --system --gid wxops --no-create-home --home-dir /app wxops
WORKDIR /app
COPY admin-api/target/admin-api-*-exec.jar /app/admin-api.jar
USER wxops
EXPOSE 8081
# The public health (readiness: 503 while starting or draining before a shutdown), with bash
# alone, as the JRE image has no curl.
HEALTHCHECK --interval=5s --timeout=2s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8081 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && head -n1 <&3 | grep -q " 200 "'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/admin-api.jar"]
