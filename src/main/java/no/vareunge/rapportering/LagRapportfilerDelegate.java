package no.vareunge.rapportering;

import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORTSAMMENDRAG;
import static no.vareunge.rapportering.StyrerapportVariabler.RAPPORT_ID;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Lag rapportfilene: the workbook and the PDF from the stored figures, into the report's row, and
 * the short summary that programleder sees in the approval form.
 */
@Component
public class LagRapportfilerDelegate implements JavaDelegate {

  private final Rapportarkiv arkiv;
  private final Regneark regneark;
  private final PdfRapport pdf;

  public LagRapportfilerDelegate(Rapportarkiv arkiv, Regneark regneark, PdfRapport pdf) {
    this.arkiv = arkiv;
    this.regneark = regneark;
    this.pdf = pdf;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long id = RAPPORT_ID.from(execution).get();
    Styrerapport rapport = arkiv.hent(id)
        .orElseThrow(() -> new ProcessEngineException("Styrerapport " + id + " finnes ikke."));
    Rapporttall tall = arkiv.tall(id);
    arkiv.lagreFiler(id, regneark.lag(rapport, tall), pdf.lag(rapport, tall));
    RAPPORTSAMMENDRAG.on(execution).set(sammendrag(rapport, tall));
  }

  /** Markdown for the form: the period, the key figures and one line per kommune. */
  static String sammendrag(Styrerapport rapport, Rapporttall tall) {
    return "**Periode:** " + rapport.periode() + "\n\n"
        + tall.nokkeltall().stream().map(l -> "- " + l).collect(Collectors.joining("\n")) + "\n\n"
        + "**Per kommune**\n\n"
        + tall.kommuner().stream().map(k -> "- " + k.kommunenavn() + ": " + k.antallPakker() + " arbeidspakker, "
            + k.nyeVedtak().size() + " nye vedtak, " + k.antallPiloter("rod") + " røde og " + k.antallPiloter("gul")
            + " gule piloter, " + k.forfalteBeslutninger().size() + " forfalte beslutninger")
            .collect(Collectors.joining("\n"));
  }
}
