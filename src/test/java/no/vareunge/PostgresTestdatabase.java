package no.vareunge;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * A real PostgreSQL 16 server for the test context, from the embedded binaries published on
 * Maven Central (no Docker): started with the context, stopped with it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("postgres-test")
class PostgresTestdatabase {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres() throws IOException {
    return EmbeddedPostgres.builder().start();
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    return postgres.getPostgresDatabase();
  }
}
