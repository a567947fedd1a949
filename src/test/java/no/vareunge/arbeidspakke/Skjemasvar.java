package no.vareunge.arbeidspakke;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * What the task forms (forms/*.form) submit, field by field. A field the form hides (for example
 * bevilgetBelop unless the decision is godkjent) is left out, as form-js leaves it out.
 */
public final class Skjemasvar {

  private Skjemasvar() {}

  /** arbeidspakke-vurdering. */
  public static Map<String, Object> vurdering(String vurdering) {
    return svar("vurdering", vurdering, "vurderingKommentar", "Vurdert av lokal leder: " + vurdering + ".");
  }

  /** arbeidspakke-bearbeiding: the proposal's fields again, without the kommune. */
  public static Map<String, Object> bearbeiding(Map<String, Object> forslag) {
    Map<String, Object> svar = new LinkedHashMap<>(forslag);
    svar.remove("kommune");
    return svar;
  }

  /** ungdomspanel-uttalelse. */
  public static Map<String, Object> ungdomspanel(String uttalelse) {
    return svar("ungdomspanelUttalelse", uttalelse);
  }

  /** vedtak-mindre-tiltak. */
  public static Map<String, Object> lederBeslutning(String beslutning) {
    return svar("lederBeslutning", beslutning, "lederBegrunnelse", "Lederens begrunnelse: " + beslutning + ".");
  }

  /** vedtak-lokalt-styre; styreBetingelser only for godkjent. */
  public static Map<String, Object> styrevedtak(String vedtak, String sakNr, String motedato) {
    Map<String, Object> svar = svar("styrevedtak", vedtak, "styreSakNr", sakNr, "styreMotedato", motedato,
        "styreBegrunnelse", "Styrets begrunnelse: " + vedtak + ".");
    if ("godkjent".equals(vedtak)) {
      svar.put("styreBetingelser", "Rapport til styret hver styresyklus.");
    }
    return svar;
  }

  /** vedtak-eierstyre; bevilgetBelop only for godkjent. */
  public static Map<String, Object> eierstyrevedtak(String vedtak, String sakNr, String motedato, Integer bevilgetBelop) {
    Map<String, Object> svar = svar("eierstyrevedtak", vedtak, "eierstyreSakNr", sakNr, "eierstyreMotedato",
        motedato, "eierstyreBegrunnelse", "Eierstyrets begrunnelse: " + vedtak + ".");
    if ("godkjent".equals(vedtak)) {
      svar.put("bevilgetBelop", bevilgetBelop);
    }
    return svar;
  }

  /** fremdriftsrapport. */
  public static Map<String, Object> fremdriftsrapport(String pilotstatus, int forbruktBelop, boolean trengerBeslutning) {
    return svar("pilotstatus", pilotstatus, "fremdrift", "Fremdrift med status " + pilotstatus + ".",
        "forbruktBelop", forbruktBelop, "avvik", "rod".equals(pilotstatus) ? "Veilederne mangler." : "",
        "trengerBeslutning", trengerBeslutning);
  }

  /** evaluering. */
  public static Map<String, Object> evaluering(String anbefaling) {
    return svar(
        "malresultater", SpinValues.jsonValue("[{\"navn\":\"Antall praksisplasser\",\"oppnaddVerdi\":\"32\"}]").create(),
        "maloppnaelse", "Målet er nesten nådd.",
        "realiserteGevinster", "Flere unge i praksis.",
        "laering", "Faste veiledere er avgjørende.",
        "anbefaling", anbefaling);
  }

  /** The board meeting of every decision on drift in the tests (a lokal leder's form drops it). */
  public static final String MOTEDATO_VIDERE_DRIFT = "2030-12-10";

  /** vedtak-videre-drift: drift, with the operating owner and budget. */
  public static Map<String, Object> videreDriftDrift(String sakNr, String driftseier, int driftsbudsjett) {
    return svar("videreDrift", "drift", "videreDriftSakNr", sakNr, "videreDriftMotedato", MOTEDATO_VIDERE_DRIFT,
        "videreDriftBegrunnelse", "Piloten har vist gode resultater.",
        "driftseier", driftseier, "driftsbudsjett", driftsbudsjett);
  }

  /** vedtak-videre-drift: the pilot is extended. */
  public static Map<String, Object> videreDriftForleng(int forlengelseMnd) {
    return svar("videreDrift", "forleng", "videreDriftSakNr", "32/30", "videreDriftMotedato", MOTEDATO_VIDERE_DRIFT,
        "videreDriftBegrunnelse", "Trenger mer erfaring.",
        "forlengelseMnd", forlengelseMnd);
  }

  /** vedtak-videre-drift: the pilot is wound up. */
  public static Map<String, Object> videreDriftAvvikle() {
    return svar("videreDrift", "avvikle", "videreDriftSakNr", "33/30", "videreDriftMotedato", MOTEDATO_VIDERE_DRIFT,
        "videreDriftBegrunnelse", "Effekten uteble.");
  }

  /** overforing-til-drift. */
  public static Map<String, Object> overforingTilDrift() {
    return svar("rutinerDokumentert", true, "budsjettIlinjen", true,
        "overforingKommentar", "Tjenesteområdet har tatt over.");
  }

  /** gevinstoppfolging. */
  public static Map<String, Object> gevinstoppfolging() {
    return svar(
        "gevinstresultater",
        SpinValues.jsonValue("[{\"navn\":\"Antall praksisplasser\",\"realisertVerdi\":\"45\"}]").create(),
        "gevinstvurdering", "Gevinstene er realisert.");
  }

  private static Map<String, Object> svar(Object... nokkelOgVerdi) {
    Map<String, Object> svar = new LinkedHashMap<>();
    for (int i = 0; i < nokkelOgVerdi.length; i += 2) {
      svar.put((String) nokkelOgVerdi[i], nokkelOgVerdi[i + 1]);
    }
    return svar;
  }
}
