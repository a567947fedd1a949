package no.vareunge.arbeidsflate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.vareunge.dashbord.Visning;
import no.vareunge.felles.Tidssone;
import no.vareunge.portefolje.ApenOppgave;
import no.vareunge.portefolje.Arbeidspakkerad;
import no.vareunge.portefolje.Fremdriftsrapport;
import no.vareunge.portefolje.Oppgaveoversikt;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.skjema.Skjema;
import no.vareunge.skjema.SkjemaLeser;
import no.vareunge.skjema.Skjemafelt;
import no.vareunge.vedtak.Vedtak;
import no.vareunge.vedtak.Vedtaksprotokoll;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * A work package's whole story, for its page: the forms' answers in the words of the forms, every
 * vedtak, the progress reports, the open tasks, who did what when, and where the instance is in
 * the model. The caller has found the package in the reader's kommuner; from there the engine's
 * history is read as the system (a kommune's board may not read every user or definition).
 */
@Component
class Pakkehistorie {

  /** The forms whose answers tell the story, in the order they are given, with a heading each. */
  private static final List<String[]> KAPITLER = List.of(
      new String[] {"arbeidspakke-forslag", "Forslaget"},
      new String[] {"arbeidspakke-vurdering", "Lokal leders vurdering"},
      new String[] {"ungdomspanel-uttalelse", "Ungdomspanelets uttalelse"},
      new String[] {"evaluering", "Evalueringen"},
      new String[] {"overforing-til-drift", "Overføring til drift"},
      new String[] {"gevinstoppfolging", "Gevinstoppfølging"});

  /** Steps of the model that are not something anyone did or waited for. */
  private static final Set<String> UTEN_HISTORIE = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
      "eventBasedGateway", "multiInstanceBody", "subProcess", "noneEndEvent");

  /** {@code kanApnes}: the open tasks the reader may open (others are named, not linked). */
  record Historie(Arbeidspakkerad pakke, List<Kapittel> kapitler, List<Vedtak> vedtak,
      List<Fremdriftsrapport> rapporter, String rapportdiagram, List<ApenOppgave> apne, Set<String> kanApnes,
      List<Hendelse> hendelser, String prosessdiagram, Map<String, String> navn) {}

  /** The answers of one form. */
  record Kapittel(String tittel, List<Svar> svar) {}

  /** One answer: a text, or a table (a list of rows). */
  record Svar(String etikett, String tekst, List<String> kolonner, List<List<String>> rader) {}

  /** One step taken, by whom (null: the system), from when to when (null: still going on). */
  record Hendelse(String steg, String type, String utfortAv, Date start, Date slutt) {
    private static final Set<String> VENTESTEG = Set.of("intermediateTimer", "intermediateMessageCatch",
        "intermediateSignalCatch", "intermediateConditional", "receiveTask");

    /** A step that waits for time or a message is not something anyone is working on. */
    public boolean venter() {
      return slutt == null && VENTESTEG.contains(type);
    }
  }

  private final ProcessEngine engine;
  private final Oppgaveoversikt oppgaver;
  private final Portefolje portefolje;
  private final Vedtaksprotokoll vedtaksprotokoll;
  private final ObjectMapper json;
  private final Visning visning;
  private final SkjemaLeser leser = new SkjemaLeser();

  Pakkehistorie(ProcessEngine engine, Oppgaveoversikt oppgaver, Portefolje portefolje,
      Vedtaksprotokoll vedtaksprotokoll, Visning visning, ObjectMapper json) {
    this.visning = visning;
    this.engine = engine;
    this.oppgaver = oppgaver;
    this.portefolje = portefolje;
    this.vedtaksprotokoll = vedtaksprotokoll;
    this.json = json;
  }

  Historie fortell(Arbeidspakkerad pakke) {
    Set<String> kanApnes = oppgaver.synlige(pakke.prosessinstansId());
    return oppgaver.utenTilgangssjekk(() -> {
      String instans = pakke.prosessinstansId();
      HistoricProcessInstance historikk = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processInstanceId(instans).singleResult();
      List<HistoricActivityInstance> steg = engine.getHistoryService().createHistoricActivityInstanceQuery()
          .processInstanceId(instans).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list();
      List<Vedtak> vedtak = vedtaksprotokoll.forReferanse(pakke.referanse());
      List<Fremdriftsrapport> rapporter = portefolje.rapporter(instans);
      List<Hendelse> hendelser = steg.stream()
          .filter(s -> s.getActivityName() != null && !UTEN_HISTORIE.contains(s.getActivityType()))
          .map(s -> new Hendelse(s.getActivityName(), s.getActivityType(),
              "startEvent".equals(s.getActivityType()) && historikk != null ? historikk.getStartUserId() : s.getAssignee(),
              s.getStartTime(), s.getEndTime()))
          .toList();
      Set<String> personer = new HashSet<>();
      hendelser.forEach(h -> personer.add(h.utfortAv()));
      vedtak.forEach(v -> personer.add(v.besluttetAv()));
      rapporter.forEach(r -> personer.add(r.rapportertAv()));
      personer.add(pakke.avbruttAv());
      personer.remove(null);
      return new Historie(pakke, historikk == null ? List.of() : kapitler(historikk), vedtak, rapporter,
          rapportdiagram(pakke, rapporter), oppgaver.apne(instans), kanApnes, hendelser, prosessdiagram(steg),
          navn(personer));
    });
  }

  /** The model of the package's process, for the diagram. */
  Optional<InputStream> modell(Arbeidspakkerad pakke) {
    return oppgaver.utenTilgangssjekk(() -> Optional.ofNullable(engine.getHistoryService()
            .createHistoricProcessInstanceQuery().processInstanceId(pakke.prosessinstansId()).singleResult())
        .map(h -> engine.getRepositoryService().getProcessModel(h.getProcessDefinitionId())));
  }

  private List<Kapittel> kapitler(HistoricProcessInstance instans) {
    String utrulling = engine.getRepositoryService().getProcessDefinition(instans.getProcessDefinitionId())
        .getDeploymentId();
    List<String> filer = engine.getRepositoryService().getDeploymentResourceNames(utrulling);
    Map<String, Object> verdier = verdier(instans.getId());
    Set<String> vist = new HashSet<>();
    List<Kapittel> kapitler = new ArrayList<>();
    for (String[] kapittel : KAPITLER) {
      Optional<String> fil = filer.stream()
          .filter(f -> f.equals(kapittel[0] + ".form") || f.endsWith("/" + kapittel[0] + ".form")).findFirst();
      if (fil.isEmpty()) {
        continue;
      }
      Skjema skjema = leser.les(engine.getRepositoryService().getResourceAsStream(utrulling, fil.get()));
      List<Svar> svar = new ArrayList<>();
      for (Skjemafelt felt : skjema.felt()) {
        Object verdi = verdier.get(felt.key());
        // An optional text left empty is sent as "": no answer, not a heading without text on the page.
        boolean tom = verdi == null || verdi instanceof String tekst && tekst.isBlank();
        if (felt.skrivebeskyttet() || tom || ubesvart(felt, verdi) || !vist.add(felt.key())) {
          continue;
        }
        svar.add(svar(skjema, felt, verdi));
      }
      if (!svar.isEmpty()) {
        kapitler.add(new Kapittel(kapittel[1], svar));
      }
    }
    return kapitler;
  }

  /**
   * A list whose rows were given to the form (the evaluation's rows are the målparametere) and not
   * yet answered: nothing anyone has said yet.
   */
  private static boolean ubesvart(Skjemafelt felt, Object verdi) {
    if (!"dynamiclist".equals(felt.type()) || !(verdi instanceof List<?> rader)) {
      return false;
    }
    return rader.stream().allMatch(rad -> !(rad instanceof Map<?, ?> celler) || felt.underfelt().stream()
        .filter(u -> !u.skrivebeskyttet())
        .allMatch(u -> celler.get(u.key()) == null || String.valueOf(celler.get(u.key())).isBlank()));
  }

  private Svar svar(Skjema skjema, Skjemafelt felt, Object verdi) {
    if ("dynamiclist".equals(felt.type()) && verdi instanceof List<?> rader) {
      List<List<String>> tabell = new ArrayList<>();
      for (Object rad : rader) {
        Map<?, ?> celler = rad instanceof Map<?, ?> m ? m : Map.of();
        tabell.add(felt.underfelt().stream().map(u -> tekst(null, u, celler.get(u.key()))).toList());
      }
      return new Svar(felt.etikett(), null, felt.underfelt().stream().map(Skjemafelt::etikett).toList(), tabell);
    }
    return new Svar(felt.etikett(), tekst(skjema, felt, verdi), List.of(), List.of());
  }

  /** A value in the words the form shows: the label of a choice, «Ja»/«Nei», a Norwegian date. */
  private String tekst(Skjema skjema, Skjemafelt felt, Object verdi) {
    if (verdi == null) {
      return "";
    }
    if (verdi instanceof Boolean ja) {
      return ja ? "Ja" : "Nei";
    }
    if (verdi instanceof List<?> liste) {
      return String.join(", ", liste.stream().map(v -> valg(felt, String.valueOf(v))).toList());
    }
    if (verdi instanceof Number tall) {
      return visning.tall(tall);
    }
    String s = String.valueOf(verdi);
    if ("datetime".equals(felt.type())) {
      return visning.isoDato(s);
    }
    return valg(felt, s);
  }

  private static String valg(Skjemafelt felt, String verdi) {
    return felt.harFasteVerdier() ? felt.verdier().getOrDefault(verdi, verdi) : verdi;
  }

  /** The latest value of each of the instance's variables, lists and objects as Java. */
  private Map<String, Object> verdier(String instans) {
    Map<String, Object> verdier = new HashMap<>();
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instans).disableBinaryFetching().list()) {
      if (!instans.equals(v.getActivityInstanceId()) && verdier.containsKey(v.getName())) {
        continue; // a process variable wins over a local one of the same name
      }
      Object verdi = v.getValue();
      if (verdi instanceof SpinJsonNode spin) {
        try {
          verdi = json.readValue(spin.toString(), Object.class);
        } catch (JsonProcessingException e) {
          continue;
        }
      }
      if (verdi instanceof String || verdi instanceof Number || verdi instanceof Boolean || verdi instanceof List<?>) {
        verdier.put(v.getName(), verdi);
      }
    }
    return verdier;
  }

  private String rapportdiagram(Arbeidspakkerad pakke, List<Fremdriftsrapport> rapporter) {
    BigDecimal ramme = pakke.bevilgetBelop() != null ? pakke.bevilgetBelop() : pakke.budsjett();
    Map<String, Object> diagram = new LinkedHashMap<>();
    diagram.put("datoer", rapporter.stream().map(r -> Tidssone.norskDato(r.tidspunkt())).toList());
    diagram.put("forbrukt", rapporter.stream().map(Fremdriftsrapport::forbruktBelop).toList());
    diagram.put("status", rapporter.stream().map(Fremdriftsrapport::pilotstatus).toList());
    diagram.put("ramme", ramme);
    return skriv(diagram);
  }

  /** Which steps are going on and which are done, and so which of the model's paths were taken. */
  private String prosessdiagram(List<HistoricActivityInstance> steg) {
    Set<String> aktive = new java.util.LinkedHashSet<>();
    Set<String> ferdige = new java.util.LinkedHashSet<>();
    for (HistoricActivityInstance s : steg) {
      (s.getEndTime() == null ? aktive : ferdige).add(s.getActivityId());
    }
    return skriv(Map.of("aktive", aktive, "ferdige", ferdige));
  }

  private Map<String, String> navn(Set<String> ider) {
    Map<String, String> navn = new HashMap<>();
    if (ider.isEmpty()) {
      return navn;
    }
    for (User bruker : engine.getIdentityService().createUserQuery().userIdIn(ider.toArray(String[]::new)).list()) {
      String fullt = ((bruker.getFirstName() == null ? "" : bruker.getFirstName()) + " "
          + (bruker.getLastName() == null ? "" : bruker.getLastName())).strip();
      navn.put(bruker.getId(), fullt.isEmpty() ? bruker.getId() : fullt);
    }
    ider.forEach(id -> navn.putIfAbsent(id, id));
    return navn;
  }

  private String skriv(Object verdi) {
    try {
      return json.writeValueAsString(verdi);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
