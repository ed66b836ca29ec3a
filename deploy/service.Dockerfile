# The image of every Spring Boot service, from the executable jar the build made: run
# ./mvnw -B package (or verify) first, then docker compose build. The build context is the
# repository root; SERVICE names the module (compose passes it), PORT the port it listens on.
# Layers from Spring Boot's jar mode, so a code change only rebuilds the small application layer;
# runs as a non-root user.
FROM eclipse-temurin:21-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER app
ARG PORT=8080
EXPOSE ${PORT}
# The heap follows the container's memory limit (compose sets mem_limit).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
