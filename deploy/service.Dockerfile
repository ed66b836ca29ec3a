# The image of every Spring Boot service, from the executable jar the build made: run
# ./mvnw -B package (or verify) first, then docker compose build. The build context is the
# repository root; SERVICE names the module (compose passes it), PORT the port it listens on.
# Spring Boot's extracted layout (application jar + lib/, in layers so a code change only
# rebuilds the small application layer) with a JDK AOT cache made by a training run at build
# time: the same start-up path the local platform uses (README, "Start-up and memory").
# JDK 25 at runtime (the code is compiled for release 21): the AOT cache needs 24+, and must
# be made by the same JDK, on the same class path, as the one that uses it. Runs as a
# non-root user.
FROM eclipse-temurin:25-jre AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
# Without --launcher: app.jar with a Class-Path manifest naming lib/, which the AOT cache needs
# (it cannot hold classes that Spring Boot's nested-jar class loader defines).
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:25-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# The memory settings of the local platform (ServiceProcess.jvmOptions), the heap bounded by the
# container's limit instead of -Xmx (compose sets mem_limit).
ENV JAVA_TOOL_OPTIONS="-Xms48m -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+ExitOnOutOfMemoryError" \
	MALLOC_ARENA_MAX=2
# Training run, in this stage so JDK, options and class path are the ones the container runs
# with. There is no database at build time, so Flyway is off, Hibernate (user-service) gets its dialect
# instead of asking the database, and the context exits as soon as it is refreshed (Spring Boot
# how-to "Preventing Remote Services Interaction During the Training Run"). The gateway has no
# database; whether order- and payment-service touch theirs while refreshing was not checked
# without Docker. user-service does: its signing key is read from (or stored in) its schema while the context refreshes, so its
# training run fails there, after the JVM has written the cache of everything loaded up to
# that point (checked with the service jar and no database: "AOTCache creation is complete",
# exit 1). The build therefore accepts a failed training run; a missing or unusable cache only
# costs start-up time: the JVM warns and starts without it.
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
		-Dspring.flyway.enabled=false -Dspring.jpa.hibernate.ddl-auto=none -Dspring.sql.init.mode=never \
		-Dspring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect \
		-Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
		-Dspring.datasource.url=jdbc:postgresql://127.0.0.1:1/training \
		-jar app.jar > training.log 2>&1 \
	|| echo "training run ended with an error (see /app/training.log); cache written: $(test -f app.aot && echo yes || echo no)"
USER app
ARG PORT=8080
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
