package no.vareunge.arbeidspakke;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import java.util.List;
import no.vareunge.tilgang.Kommuneprosess;

/**
 * The one typed place for the variables of process {@code arbeidspakke}. Form fields are named by
 * their forms (forms/*.form); the variables the process itself produces are in {@link Beregnet}.
 */
public final class ArbeidspakkeVariabler {

  private ArbeidspakkeVariabler() {}

  // Forslaget (skjema arbeidspakke-forslag)
  public static final VariableFactory<String> TITTEL = stringVariable("tittel");
  public static final VariableFactory<String> KOMMUNE = stringVariable(Kommuneprosess.VARIABEL);
  public static final VariableFactory<Number> BUDSJETT = customVariable("budsjett", Number.class);
  public static final VariableFactory<Number> PILOTVARIGHET_MND = customVariable("pilotvarighetMnd", Number.class);
  public static final VariableFactory<Boolean> KREVER_POLITISK_BEHANDLING = booleanVariable("kreverPolitiskBehandling");
  public static final VariableFactory<Boolean> BERORER_FLERE_KOMMUNER = booleanVariable("berorerFlereKommuner");
  public static final VariableFactory<Boolean> TRENGER_EIERFINANSIERING = booleanVariable("trengerEierfinansiering");
  public static final VariableFactory<Boolean> HOR_UNGDOMSPANEL = booleanVariable("horUngdomspanel");

  /** The yes/no questions of the proposal; an unticked box may arrive as no value at all. */
  public static final List<VariableFactory<Boolean>> JA_NEI_SPORSMAL = List.of(
      KREVER_POLITISK_BEHANDLING, BERORER_FLERE_KOMMUNER, TRENGER_EIERFINANSIERING, HOR_UNGDOMSPANEL);

  // Vurdering og vedtak (skjemaene vedtak-*)
  public static final VariableFactory<String> LEDER_BESLUTNING = stringVariable("lederBeslutning");
  public static final VariableFactory<String> LEDER_BEGRUNNELSE = stringVariable("lederBegrunnelse");
  public static final VariableFactory<String> STYREVEDTAK = stringVariable("styrevedtak");
  public static final VariableFactory<String> STYRE_SAK_NR = stringVariable("styreSakNr");
  public static final VariableFactory<String> STYRE_MOTEDATO = stringVariable("styreMotedato");
  public static final VariableFactory<String> STYRE_BEGRUNNELSE = stringVariable("styreBegrunnelse");
  public static final VariableFactory<String> STYRE_BETINGELSER = stringVariable("styreBetingelser");
  public static final VariableFactory<String> EIERSTYREVEDTAK = stringVariable("eierstyrevedtak");
  public static final VariableFactory<String> EIERSTYRE_SAK_NR = stringVariable("eierstyreSakNr");
  public static final VariableFactory<String> EIERSTYRE_MOTEDATO = stringVariable("eierstyreMotedato");
  public static final VariableFactory<String> EIERSTYRE_BEGRUNNELSE = stringVariable("eierstyreBegrunnelse");
  public static final VariableFactory<Number> BEVILGET_BELOP = customVariable("bevilgetBelop", Number.class);
  public static final VariableFactory<String> VIDERE_DRIFT = stringVariable("videreDrift");
  public static final VariableFactory<String> VIDERE_DRIFT_SAK_NR = stringVariable("videreDriftSakNr");
  public static final VariableFactory<String> VIDERE_DRIFT_MOTEDATO = stringVariable("videreDriftMotedato");
  public static final VariableFactory<String> VIDERE_DRIFT_BEGRUNNELSE = stringVariable("videreDriftBegrunnelse");

  // Fremdriftsrapport (skjema fremdriftsrapport)
  public static final VariableFactory<String> PILOTSTATUS = stringVariable("pilotstatus");
  public static final VariableFactory<String> FREMDRIFT = stringVariable("fremdrift");
  public static final VariableFactory<Number> FORBRUKT_BELOP = customVariable("forbruktBelop", Number.class);
  public static final VariableFactory<String> AVVIK = stringVariable("avvik");
  public static final VariableFactory<Boolean> TRENGER_BESLUTNING = booleanVariable("trengerBeslutning");

  // Evaluering (skjema evaluering)
  public static final VariableFactory<String> ANBEFALING = stringVariable("anbefaling");
  public static final VariableFactory<String> MALOPPNAELSE = stringVariable("maloppnaelse");
  public static final VariableFactory<String> REALISERTE_GEVINSTER = stringVariable("realiserteGevinster");
  public static final VariableFactory<String> LAERING = stringVariable("laering");

  // Meldingen AvbrytPilot
  public static final VariableFactory<String> AVBRUDD_BEGRUNNELSE = stringVariable("avbruddBegrunnelse");

  /** Variables the process writes itself (delegates, listeners, the decision table). */
  public static final class Beregnet {
    private Beregnet() {}

    public static final VariableFactory<String> INNSENDER = stringVariable("innsender");
    public static final VariableFactory<String> REFERANSE = stringVariable("referanse");
    public static final VariableFactory<String> FASE = stringVariable("fase");
    public static final VariableFactory<Date> REGISTRERT = dateVariable("registrert");
    public static final VariableFactory<String> BESLUTNINGSNIVA = stringVariable("beslutningsniva");
    public static final VariableFactory<String> UNGDOMSPANEL_UTTALELSE = stringVariable("ungdomspanelUttalelse");
    public static final VariableFactory<Boolean> UTTALELSE_UTEBLITT = booleanVariable("uttalelseUteblitt");
    public static final VariableFactory<String> TIDLIGERE_VEDTAK = stringVariable("tidligereVedtak");
    public static final VariableFactory<String> GODKJENT_NIVA = stringVariable("godkjentNiva");
    public static final VariableFactory<String> VEDTAKSGRUPPE = stringVariable("vedtaksgruppe");
    public static final VariableFactory<Date> GODKJENT_DATO = dateVariable("godkjentDato");
    public static final VariableFactory<Date> PILOT_STARTDATO = dateVariable("pilotStartdato");
    public static final VariableFactory<Date> PILOT_SLUTTDATO = dateVariable("pilotSluttdato");
    public static final VariableFactory<String> RAPPORTLOGG = stringVariable("rapportlogg");
    public static final VariableFactory<Boolean> PILOT_AVBRUTT = booleanVariable("pilotAvbrutt");
    public static final VariableFactory<String> AVBRUTT_AV = stringVariable("avbruttAv");
    /** The evaluations before a pilot was extended, one paragraph each (EvalueringListener). */
    public static final VariableFactory<String> TIDLIGERE_EVALUERINGER = stringVariable("tidligereEvalueringer");
  }

  /** Input parameters of single activities (camunda:inputParameter), local to that activity. */
  public static final class Inndata {
    private Inndata() {}

    public static final VariableFactory<Number> VARIGHET_MND = customVariable("varighetMnd", Number.class);
  }
}
