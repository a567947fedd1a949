package no.vareunge.dashbord;

import no.vareunge.felles.Norsk;
import no.vareunge.vedtak.Utfall;
import no.vareunge.arbeidspakke.Pilotstatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import no.vareunge.felles.Tidssone;
import no.vareunge.rapportering.Antall;
import org.springframework.stereotype.Component;

/**
 * Figures and dates in the overview as Norwegians write them ({@code 1 234 567 kr},
 * {@code 22.11.2026}); used by the templates as {@code @visning}. The spaces are non-breaking,
 * so an amount never wraps.
 */
@Component("visning")
public class Visning {

  private static final DateTimeFormatter TIDSPUNKT = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm");


  public String kr(Number belop) {
    return belop == null ? "–" : tall(belop) + "\u00a0kr";
  }

  /** The noun for a number shown apart: «pilot» for 1, «piloter» otherwise (no.vareunge.rapportering.Antall). */
  public String ord(Number antall, String entall, String flertall) {
    return Antall.ord(antall == null ? 0 : antall.longValue(), entall, flertall);
  }

  public String tall(Number tall) {
    NumberFormat format = NumberFormat.getIntegerInstance(Norsk.BOKMAL);
    format.setRoundingMode(RoundingMode.HALF_UP);
    // The Java locale groups with U+00A0 or U+202F depending on version; always the first.
    return format.format(tall instanceof BigDecimal d ? d : new BigDecimal(tall.toString()))
        .replace('\u202f', '\u00a0');
  }

  public String dato(Date dato) {
    return dato == null ? "–" : Tidssone.norskDato(dato);
  }

  /** A moment in Norwegian time: {@code 10.12.2026 kl. 14:05}. */
  public String tidspunkt(Date tid) {
    return tid == null ? "–" : TIDSPUNKT.format(tid.toInstant().atZone(Tidssone.NORGE));
  }

  /** A date the forms store as {@code 2026-12-10}, as Norwegians write it; anything else as it is. */
  public String isoDato(String dato) {
    if (dato == null || dato.isBlank()) {
      return "–";
    }
    try {
      return Tidssone.norskDato(LocalDate.parse(dato));
    } catch (DateTimeParseException e) {
      return dato;
    }
  }

  /** How long past {@code frist} today is, Norwegian time: «1 dag over», «29 dager over». */
  public String overFrist(Date frist) {
    LocalDate dag = LocalDate.ofInstant(frist.toInstant(), Tidssone.NORGE);
    long dager = Math.max(0, ChronoUnit.DAYS.between(dag, Tidssone.idag()));
    return dager == 1 ? "1 dag over" : tall(dager) + " dager over";
  }

  public String utfall(String utfall) {
    return Utfall.tekst(utfall);
  }

  /** A pilot's traffic light in words ({@code gronn} → Grønn); null: not reported yet. */
  public String pilotstatus(String status) {
    return status == null ? "Ikke rapportert" : Pilotstatus.tekst(status);
  }
}
