package no.vareunge;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.GregorianCalendar;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import no.vareunge.felles.Tidssone;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine clock for the tests: set it, and compute points in time the way the engine does. */
public final class Testklokke {

  private Testklokke() {}

  /** Sets the engine clock and returns the time set. */
  public static Date settKlokke(Date tidspunkt) {
    ClockUtil.setCurrentTime(tidspunkt);
    return tidspunkt;
  }

  /** 09:00 Norwegian time. */
  public static Date tidspunkt(int aar, int maned, int dag) {
    return Date.from(LocalDateTime.of(aar, maned, dag, 9, 0).atZone(Tidssone.NORGE).toInstant());
  }

  /** An ISO-8601 duration from application.yaml added to a point in time, as the engine adds it. */
  public static Date pluss(Date fra, String varighet) {
    try {
      GregorianCalendar kalender = new GregorianCalendar();
      kalender.setTime(fra);
      DatatypeFactory.newInstance().newDuration(varighet).addTo(kalender);
      return kalender.getTime();
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
