package no.vareunge.ytelse;

import java.util.concurrent.Callable;

/**
 * One measurement of the benchmark: a name and the action whose latency is measured. What has to
 * be prepared for each run (for example a board task to complete) is done by {@code neste},
 * outside the timing; the returned action is what is timed. A heavy action (the board report) is
 * run a tenth as often.
 */
record Maling(String navn, Callable<Handling> neste, boolean tung) {

  /** The timed action. */
  @FunctionalInterface
  interface Handling {
    void utfor() throws Exception;
  }

  /** Thrown by an action whose endpoint does not exist (yet): reported, not a failure. */
  static final class IkkeTilgjengelig extends RuntimeException {
    IkkeTilgjengelig(String hvorfor) {
      super(hvorfor);
    }
  }

  static Maling av(String navn, Handling handling) {
    return new Maling(navn, () -> handling, false);
  }

  static Maling tung(String navn, Handling handling) {
    return new Maling(navn, () -> handling, true);
  }

  static Maling medForberedelse(String navn, Callable<Handling> neste) {
    return new Maling(navn, neste, false);
  }
}
