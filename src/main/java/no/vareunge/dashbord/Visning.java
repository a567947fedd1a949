package no.vareunge.dashbord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import no.vareunge.arbeidspakke.Tidssone;
import no.vareunge.varsling.Epostmaler;
import org.springframework.stereotype.Component;

/**
 * Figures and dates in the overview as Norwegians write them ({@code 1 234 567 kr},
 * {@code 22.11.2026}); used by the templates as {@code @visning}. The spaces are non-breaking,
 * so an amount never wraps.
 */
@Component("visning")
public class Visning {

  private static final Map<String, String> PILOTSTATUS = Map.of("gronn", "Grønn", "gul", "Gul", "rod", "Rød");
  /** The outcomes of the decision forms (vedtak.utfall), as the forms label them. */
  private static final Map<String, String> UTFALL = Map.of("godkjent", "Godkjent", "avslatt", "Avslått",
      "returnert", "Returnert", "loftetTilStyret", "Løftet til styret", "loftetTilEierstyret", "Løftet til eierstyret",
      "drift", "Videreføres i drift", "forleng", "Piloten forlenges", "avvikle", "Avvikles");

  public String kr(Number belop) {
    return belop == null ? "–" : tall(belop) + "\u00a0kr";
  }

  public String tall(Number tall) {
    NumberFormat format = NumberFormat.getIntegerInstance(Epostmaler.BOKMAL);
    format.setRoundingMode(RoundingMode.HALF_UP);
    // The Java locale groups with U+00A0 or U+202F depending on version; always the first.
    return format.format(tall instanceof BigDecimal d ? d : new BigDecimal(tall.toString()))
        .replace('\u202f', '\u00a0');
  }

  public String dato(Date dato) {
    return dato == null ? "–" : Tidssone.norskDato(dato);
  }

  /** How long past {@code frist} today is, Norwegian time: «1 dag over», «29 dager over». */
  public String overFrist(Date frist) {
    LocalDate dag = LocalDate.ofInstant(frist.toInstant(), Tidssone.NORGE);
    long dager = Math.max(0, ChronoUnit.DAYS.between(dag, Tidssone.idag()));
    return dager == 1 ? "1 dag over" : tall(dager) + " dager over";
  }

  public String utfall(String utfall) {
    return UTFALL.getOrDefault(utfall, utfall);
  }

  /** A pilot's traffic light in words ({@code gronn} → Grønn); null: not reported yet. */
  public String pilotstatus(String status) {
    return status == null ? "Ikke rapportert" : PILOTSTATUS.getOrDefault(status, status);
  }
}
