package no.vareunge.frister;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every duration of the processes (ISO-8601, from {@code vareunge.frister} in application.yaml).
 * The models read them as {@code ${frister.styresyklus}}, so a program with another meeting
 * rhythm changes configuration, not the BPMN.
 */
@Component("frister")
@ConfigurationProperties(prefix = "vareunge.frister")
public class Frister {

  /** Lokal leder vurderer et forslag. */
  private String vurdering = "P14D";
  /** Innsender bearbeider et forslag. */
  private String bearbeiding = "P30D";
  /** Ungdomspanelets svarfrist; etter den går prosessen videre uten uttalelse. */
  private String ungdomspanel = "P14D";
  /** Lokal leder beslutter et mindre tiltak. */
  private String lederbeslutning = "P14D";
  /** En styresyklus: frist for styrevedtak, påminnelse og fremdriftsrapport. */
  private String styresyklus = "P42D";
  /** Når en styrebehandling meldes til programleder (to styresykluser). */
  private String eskalering = "P84D";
  /** Frist for å levere en fremdriftsrapport etter at den er bedt om. */
  private String fremdriftsrapport = "P14D";
  private String evaluering = "P30D";
  private String videreDrift = "P42D";
  private String overforing = "P30D";
  /** Tid fra drift starter til gevinstene følges opp. */
  private String gevinstoppfolging = "P12M";
  /** Frist for gevinstrapporten når den er bedt om. */
  private String gevinstrapport = "P30D";
  /** Hvert steg i innfasingen av en ny kommune (programleder). */
  private String innfasing = "P30D";
  /** Nye forsøk for asynkrone steg (varsler), for eksempel R5/PT5M. */
  private String jobbRetry = "R5/PT5M";
  /**
   * Når styrerapporten lages: et cron-uttrykk (Quartz: sekund minutt time dag måned ukedag), som
   * standard kl. 07.00 den første hverdagen i måneden. Ikke en varighet, men tidsplanen står her
   * sammen med resten av prosessenes tider.
   */
  private String styrerapport = "0 0 7 1W * ?";
  /** Programleder godkjenner styrerapporten. */
  private String rapportgodkjenning = "P7D";

  /** A progress report is asked for every board cycle for as long as the pilot runs. */
  public String getRapportsyklus() {
    return "R/" + styresyklus;
  }

  /** All durations by name, checked at start-up so that a typo stops the application at once. */
  public Map<String, String> alle() {
    Map<String, String> alle = new LinkedHashMap<>();
    alle.put("vurdering", vurdering);
    alle.put("bearbeiding", bearbeiding);
    alle.put("ungdomspanel", ungdomspanel);
    alle.put("lederbeslutning", lederbeslutning);
    alle.put("styresyklus", styresyklus);
    alle.put("eskalering", eskalering);
    alle.put("fremdriftsrapport", fremdriftsrapport);
    alle.put("evaluering", evaluering);
    alle.put("videreDrift", videreDrift);
    alle.put("overforing", overforing);
    alle.put("gevinstoppfolging", gevinstoppfolging);
    alle.put("gevinstrapport", gevinstrapport);
    alle.put("innfasing", innfasing);
    alle.put("rapportgodkjenning", rapportgodkjenning);
    return alle;
  }

  @jakarta.annotation.PostConstruct
  void kontroller() throws DatatypeConfigurationException {
    DatatypeFactory iso = DatatypeFactory.newInstance();
    alle().forEach((navn, verdi) -> {
      try {
        iso.newDuration(verdi);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalStateException(
            "vareunge.frister." + navn + " må være en ISO-8601-varighet som P14D, men er «" + verdi + "»", e);
      }
    });
    try {
      // The engine's own reading of a cycle, so that what passes here is what the timer accepts.
      new CycleBusinessCalendar().resolveDuedate(styrerapport);
    } catch (RuntimeException e) {
      throw new IllegalStateException("vareunge.frister.styrerapport må være et cron-uttrykk som «0 0 7 1W * ?», "
          + "men er «" + styrerapport + "»", e);
    }
    if (!jobbRetry.matches("R\\d+/P.+")) {
      throw new IllegalStateException("vareunge.frister.jobb-retry må ha formen R5/PT5M, men er «" + jobbRetry + "»");
    }
  }

  public String getVurdering() { return vurdering; }
  public void setVurdering(String v) { vurdering = v; }
  public String getBearbeiding() { return bearbeiding; }
  public void setBearbeiding(String v) { bearbeiding = v; }
  public String getUngdomspanel() { return ungdomspanel; }
  public void setUngdomspanel(String v) { ungdomspanel = v; }
  public String getLederbeslutning() { return lederbeslutning; }
  public void setLederbeslutning(String v) { lederbeslutning = v; }
  public String getStyresyklus() { return styresyklus; }
  public void setStyresyklus(String v) { styresyklus = v; }
  public String getEskalering() { return eskalering; }
  public void setEskalering(String v) { eskalering = v; }
  public String getFremdriftsrapport() { return fremdriftsrapport; }
  public void setFremdriftsrapport(String v) { fremdriftsrapport = v; }
  public String getEvaluering() { return evaluering; }
  public void setEvaluering(String v) { evaluering = v; }
  public String getVidereDrift() { return videreDrift; }
  public void setVidereDrift(String v) { videreDrift = v; }
  public String getOverforing() { return overforing; }
  public void setOverforing(String v) { overforing = v; }
  public String getGevinstoppfolging() { return gevinstoppfolging; }
  public void setGevinstoppfolging(String v) { gevinstoppfolging = v; }
  public String getGevinstrapport() { return gevinstrapport; }
  public void setGevinstrapport(String v) { gevinstrapport = v; }
  public String getInnfasing() { return innfasing; }
  public void setInnfasing(String v) { innfasing = v; }
  public String getStyrerapport() { return styrerapport; }
  public void setStyrerapport(String v) { styrerapport = v; }
  public String getRapportgodkjenning() { return rapportgodkjenning; }
  public void setRapportgodkjenning(String v) { rapportgodkjenning = v; }
  public String getJobbRetry() { return jobbRetry; }
  public void setJobbRetry(String v) { jobbRetry = v; }
}
