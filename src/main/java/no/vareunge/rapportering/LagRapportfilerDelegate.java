package no.vareunge.rapportering;

import no.vareunge.arbeidspakke.Pilotstatus;
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

  /**
   * Plain text for the form's read-only field (a kommune's name is typed by people, so it is never
   * rendered as markup): the period, the key figures and one line per kommune.
   */
  static String sammendrag(Styrerapport rapport, Rapporttall tall) {
    return "Periode: " + rapport.periode() + "\n\n"
        + tall.nokkeltall().stream().map(l -> "- " + l).collect(Collectors.joining("\n")) + "\n\n"
        + "Per kommune:\n"
        + tall.kommuner().stream().map(k -> "- " + k.kommunenavn() + ": "
            + Antall.av(k.antallPakker(), "arbeidspakke", "arbeidspakker") + ", "
            + Antall.av(k.nyeVedtak().size(), "nytt vedtak", "nye vedtak") + ", "
            + Antall.av(k.antallPiloter(Pilotstatus.ROD), "rød pilot", "røde piloter") + ", "
            + Antall.av(k.antallPiloter(Pilotstatus.GUL), "gul pilot", "gule piloter") + ", "
            + Antall.av(k.forfalteBeslutninger().size(), "forfalt beslutning", "forfalte beslutninger"))
            .collect(Collectors.joining("\n"));
  }
}
