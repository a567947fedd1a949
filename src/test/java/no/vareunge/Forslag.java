package no.vareunge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/** A valid proposal, as the start form would submit it, to vary per test. */
public final class Forslag {

  private Forslag() {}

  /** Valid for the start form; by default a board-level package (LOKALT_STYRE) in Larvik. */
  public static Map<String, Object> gyldig() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("tittel", "Praksisplasser i kommunale virksomheter");
    v.put("kommune", "larvik");
    v.put("utfordring", "For mange unge i Larvik står utenfor opplæring og arbeid.");
    v.put("tiltak", "Kommunale virksomheter tilbyr faste praksisplasser med veileder.");
    v.put("innovasjon", "Kommunen som arbeidsgiver tar ansvar på tvers av sektorer.");
    v.put("malgruppe", "16–25 år utenfor opplæring og arbeid");
    v.put("partnere", SpinValues.jsonValue("[\"kommune\",\"nav\"]").create());
    v.put("malparametere", SpinValues.jsonValue(
        "[{\"navn\":\"Antall praksisplasser\",\"utgangsverdi\":\"10\",\"malverdi\":\"40\"}]").create());
    v.put("budsjett", 200000);
    v.put("pilotvarighetMnd", 12);
    v.put("kreverPolitiskBehandling", false);
    v.put("berorerFlereKommuner", false);
    v.put("trengerEierfinansiering", false);
    v.put("horUngdomspanel", false);
    v.put("gevinster", "Flere unge i arbeid.");
    v.put("risiko", "Få veiledere.");
    v.put("medvirkning", "Ungdommer deltar i utformingen.");
    return v;
  }
}
