package no.vareunge.arbeidspakke;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;

/**
 * The coverage extension records every process step in one collector that is not thread-safe
 * (plain lists and maps). While several threads start processes at once, the steps are handed
 * to it one at a time; afterwards it gets its own collector back.
 */
final class Dekningsregistrering implements AutoCloseable {

  private final ElementCoverageParseListener lytter;
  private final Collector opprinnelig;

  private Dekningsregistrering(ElementCoverageParseListener lytter, Collector opprinnelig) {
    this.lytter = lytter;
    this.opprinnelig = opprinnelig;
  }

  /** Serialises the recording until {@link #close()}. */
  static Dekningsregistrering enTradOmGangen(ProcessEngine engine) {
    ElementCoverageParseListener lytter = lytter(engine);
    Collector opprinnelig = gjeldende(lytter);
    Object las = new Object();
    lytter.setCoverageState(hendelse -> {
      synchronized (las) {
        opprinnelig.addEvent(hendelse);
      }
    });
    return new Dekningsregistrering(lytter, opprinnelig);
  }

  /** After the measured class: later test classes' steps are not recorded into its collector. */
  static void ignorerVidere(ProcessEngine engine) {
    lytter(engine).setCoverageState(hendelse -> { });
  }

  @Override
  public void close() {
    lytter.setCoverageState(opprinnelig);
  }

  private static ElementCoverageParseListener lytter(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCustomPostBPMNParseListeners()
        .stream()
        .filter(ElementCoverageParseListener.class::isInstance)
        .map(ElementCoverageParseListener.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Dekningsmålingen er ikke koblet til prosessmotoren."));
  }

  private static Collector gjeldende(ElementCoverageParseListener lytter) {
    try {
      Field felt = ElementCoverageParseListener.class.getDeclaredField("coverageState");
      felt.setAccessible(true);
      return (Collector) felt.get(lytter);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Fant ikke dekningsmålingens innsamler.", e);
    }
  }
}
