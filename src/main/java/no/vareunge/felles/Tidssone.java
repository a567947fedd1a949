package no.vareunge.felles;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Dates as the program's people read them: Norwegian time, engine clock (so tests can move it). */
public final class Tidssone {

  public static final ZoneId NORGE = ZoneId.of("Europe/Oslo");
  private static final DateTimeFormatter NORSK_DATO = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private Tidssone() {}

  public static Date naa() {
    return ClockUtil.getCurrentTime();
  }

  public static LocalDate idag() {
    return LocalDate.ofInstant(naa().toInstant(), NORGE);
  }

  public static String norskDato(LocalDate dato) {
    return NORSK_DATO.format(dato);
  }

  public static String norskDato(Date dato) {
    return NORSK_DATO.format(LocalDate.ofInstant(dato.toInstant(), NORGE));
  }
}
