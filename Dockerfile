# Bygg: Maven-wrapperen i et JDK-image; kjør: bare JRE og den ferdige jar-filen.
# Node.js 20 and npm come from the official Node image: Maven runs npm for the forms' browser files.
FROM node:20-bookworm-slim AS node

FROM eclipse-temurin:17-jdk AS bygg
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && node --version && npm --version
WORKDIR /kilde
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
# The npm packages in a layer of their own: fetched again only when the lock file changes.
COPY src/main/frontend/package.json src/main/frontend/package-lock.json src/main/frontend/.npmrc src/main/frontend/
RUN cd src/main/frontend && npm ci --no-audit --no-fund
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 vareunge
WORKDIR /app
COPY --from=bygg /kilde/target/programstyring-*.jar app.jar
USER vareunge
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
