package no.vareunge.tilgang;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's deployment lock: the row Camunda itself locks while deploying in a cluster. Work
 * at start-up that must run on one node at a time takes it first in its own transaction; a second
 * node starting at the same moment waits there until the first has committed.
 */
@Component
public class Deploymentlas {

  private final JdbcClient jdbc;

  public Deploymentlas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the row until the caller's transaction ends; must be called inside a transaction. */
  public void ta() {
    jdbc.sql("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE")
        .query(String.class).optional();
  }
}
