package no.vareunge.kommune;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The kommuner of the program, kept as data in table {@code kommune}. */
@Repository
public class KommuneRegister {

  private final JdbcClient jdbc;

  public KommuneRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Kommune> finn(String id) {
    return jdbc.sql("SELECT id, navn, kode FROM kommune WHERE id = ?")
        .param(id)
        .query(Kommune.class)
        .optional();
  }

  /** Adds a kommune; an id or code that exists already gives a {@code DuplicateKeyException}. */
  public void opprett(Kommune kommune) {
    jdbc.sql("INSERT INTO kommune (id, navn, kode) VALUES (?, ?, ?)")
        .params(kommune.id(), kommune.navn(), kommune.kode())
        .update();
  }

  public List<Kommune> alle() {
    return jdbc.sql("SELECT id, navn, kode FROM kommune ORDER BY navn").query(Kommune.class).list();
  }
}
