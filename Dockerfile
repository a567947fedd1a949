# Bygg: Maven-wrapperen i et JDK-image; kjør: bare JRE og den ferdige jar-filen.
FROM eclipse-temurin:17-jdk AS bygg
WORKDIR /kilde
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
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
