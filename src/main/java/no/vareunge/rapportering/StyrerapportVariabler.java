package no.vareunge.rapportering;

import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The one typed place for the variables of process {@code styrerapport}. The figures and the
 * files are in table {@code styrerapport} (see {@link Rapportarkiv}); the process carries the
 * report's id, a short summary for the approval form, and programleder's answer.
 */
public final class StyrerapportVariabler {

  private StyrerapportVariabler() {}

  /** The row in table {@code styrerapport}; set by Sammenstill tallene the first time round. */
  public static final VariableFactory<Long> RAPPORT_ID = longVariable("rapportId");
  /** The summary the approval form shows (Markdown, a few lines). */
  public static final VariableFactory<String> RAPPORTSAMMENDRAG = stringVariable("rapportsammendrag");
  /** Who ordered the report by hand (camunda:initiator); absent when the timer started it. */
  public static final VariableFactory<String> BESTILT_AV = stringVariable("bestiltAv");

  // Godkjenn rapport (skjema styrerapport-godkjenning)
  public static final String GODKJENT = "godkjent";
  public static final String LAG_NY = "lagNy";
  public static final VariableFactory<String> RAPPORTBESLUTNING = stringVariable("rapportbeslutning");
  /** Optional comment with an approval. */
  public static final VariableFactory<String> RAPPORTKOMMENTAR = stringVariable("rapportkommentar");
  /** What must change, required with {@link #LAG_NY}. */
  public static final VariableFactory<String> RAPPORTENDRING = stringVariable("rapportendring");
}
