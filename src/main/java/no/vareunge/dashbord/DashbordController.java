package no.vareunge.dashbord;

import no.vareunge.arbeidspakke.Pilotstatus;
import no.vareunge.tilgang.Lesetilgang;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.portefolje.ApenOppgave;
import no.vareunge.portefolje.Arbeidspakkerad;
import no.vareunge.portefolje.Fasetelling;
import no.vareunge.portefolje.Kommuneokonomi;
import no.vareunge.tilgang.Kommuneutvalg;
import no.vareunge.portefolje.Oppgaveoversikt;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.portefolje.Portefoljesok;
import no.vareunge.portefolje.Side;
import no.vareunge.rapportering.RapportApi;
import no.vareunge.rapportering.Rapportarkiv;
import no.vareunge.rapportering.Rapportfil;
import no.vareunge.varsling.Varsellogg;
import no.vareunge.varsling.Varselstatus;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The program overview at {@code /}: the portfolio of the kommuner the logged-in user may see
 * ({@link Kommuneutvalg#forInnlogget}), all of them for programleder and eierstyret, one for a
 * kommune's leader and board. Everything is read from the read model and the engine's runtime
 * through {@link Portefolje} and {@link Oppgaveoversikt}; the page only arranges it.
 */
@Controller
class DashbordController {

  static final int PER_SIDE = 25;
  private static final int MAKS_I_LISTE = 10;
  private static final int MAKS_RAPPORTER = 6;

  private final ProcessEngine engine;
  private final Portefolje portefolje;
  private final Oppgaveoversikt oppgaver;
  private final Varsellogg varsler;
  private final Rapportarkiv rapportarkiv;
  private final ObjectMapper json;

  DashbordController(ProcessEngine engine, Portefolje portefolje, Oppgaveoversikt oppgaver, Varsellogg varsler,
      Rapportarkiv rapportarkiv, ObjectMapper json) {
    this.engine = engine;
    this.portefolje = portefolje;
    this.oppgaver = oppgaver;
    this.varsler = varsler;
    this.rapportarkiv = rapportarkiv;
    this.json = json;
  }

  @GetMapping("/")
  String oversikt(@RequestParam(required = false) String kommune, @RequestParam(required = false) String tekst,
      @RequestParam(required = false) String fase, @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int side, HttpServletRequest request, Model model) throws JsonProcessingException {
    Authentication innlogget = engine.getIdentityService().getCurrentAuthentication();
    if (innlogget == null) {
      return "redirect:" + Innlogging.SIDE;
    }
    Kommuneutvalg sine = Kommuneutvalg.forInnlogget(engine);
    List<Kommuneokonomi> alleSine = portefolje.okonomiPerKommune(sine);
    String valgt = tomSomNull(kommune);
    Kommuneutvalg utvalg = valgt != null && sine.ser(valgt) ? Kommuneutvalg.bare(List.of(valgt)) : sine;
    if (utvalg == sine) {
      valgt = null;
    }

    model.addAttribute("bruker", navn(innlogget.getUserId()));
    model.addAttribute("visCockpit", Lesetilgang.webapp(engine, "cockpit"));
    model.addAttribute("kommuner", alleSine);
    model.addAttribute("valgtKommune", valgt);

    List<Kommuneokonomi> okonomi = utvalg == sine ? alleSine : portefolje.okonomiPerKommune(utvalg);
    Map<Fase, Long> perFase = faser(model, okonomi, portefolje.perKommuneOgFase(utvalg));
    okonomi(model, okonomi);
    piloter(model, utvalg, perFase.getOrDefault(Fase.PILOTERING, 0L));
    model.addAttribute("forfalte", oppgaver.forfalte(utvalg, MAKS_I_LISTE));
    model.addAttribute("antallForfalte", oppgaver.antallForfalte(utvalg));
    model.addAttribute("vedtak", portefolje.vedtak(utvalg, null, MAKS_I_LISTE));
    boolean visVarsler = Lesetilgang.heleVarselloggen(innlogget);
    model.addAttribute("visVarsler", visVarsler);
    if (visVarsler) {
      model.addAttribute("feiledeVarsler", varsler.sok(null, Varselstatus.FEILET, MAKS_I_LISTE));
    }

    boolean visRapporter = Lesetilgang.styrerapporter(innlogget);
    model.addAttribute("visRapporter", visRapporter);
    if (visRapporter) {
      model.addAttribute("rapporter", rapportarkiv.sendte().stream().limit(MAKS_RAPPORTER)
          .map(r -> new Rapportrad(r.id(), r.periode(), r.sendt(), RapportApi.lenke(r.id(), Rapportfil.PDF),
              RapportApi.lenke(r.id(), Rapportfil.XLSX)))
          .toList());
    }

    Fase fasefilter = Arrays.stream(Fase.values()).filter(f -> f.name().equals(fase)).findFirst().orElse(null);
    String statusfilter = status != null && Pilotstatus.VERDIER.contains(status) ? status : null;
    Side<Arbeidspakkerad> treff = portefolje.sok(utvalg,
        new Portefoljesok(null, fasefilter, statusfilter, tomSomNull(tekst), Math.max(0, side), PER_SIDE));
    model.addAttribute("sok", new Sok(tomSomNull(tekst), fasefilter, statusfilter));
    model.addAttribute("treff", treff);
    model.addAttribute("antallSider", Math.max(1, (treff.totalt() + PER_SIDE - 1) / PER_SIDE));
    model.addAttribute("forrigeSide", sideLenke(request, treff.side() - 1));
    model.addAttribute("nesteSide", sideLenke(request, treff.side() + 1));
    // The first open task of each package on the page, for the link to it in Tasklist.
    model.addAttribute("apneOppgaver", oppgaver.apne(treff.treff().stream().map(Arbeidspakkerad::prosessinstansId)
        .toList()).stream().collect(Collectors.toMap(ApenOppgave::prosessinstansId, Function.identity(), (a, b) -> a)));
    model.addAttribute("alleFaser", Fase.values());
    return "dashbord/oversikt";
  }

  /** A sent board report with the addresses of its files. */
  record Rapportrad(long id, String periode, Date sendt, String pdf, String xlsx) {}

  /** What the list is searched for; null: not searched for. */
  record Sok(String tekst, Fase fase, String status) {}

  /** One kommune's packages per phase, for the table and the chart. */
  record Faserad(String kommune, String kommunenavn, Map<Fase, Long> antall, long totalt) {}

  /** Puts the phase table and chart in the model; returns the number of packages per phase. */
  private Map<Fase, Long> faser(Model model, List<Kommuneokonomi> kommuner, List<Fasetelling> tellinger)
      throws JsonProcessingException {
    Map<String, Map<Fase, Long>> perKommune = new LinkedHashMap<>();
    kommuner.forEach(k -> perKommune.put(k.kommune(), new EnumMap<>(Fase.class)));
    tellinger.forEach(t -> perKommune.computeIfAbsent(t.kommune(), k -> new EnumMap<>(Fase.class)).put(t.fase(), t.antall()));
    List<Fase> vist = Arrays.stream(Fase.values())
        .filter(f -> tellinger.stream().anyMatch(t -> t.fase() == f)).toList();
    List<Faserad> rader = kommuner.stream().map(k -> {
      Map<Fase, Long> antall = perKommune.get(k.kommune());
      return new Faserad(k.kommune(), k.kommunenavn(), antall, antall.values().stream().mapToLong(Long::longValue).sum());
    }).toList();
    Map<Fase, Long> perFase = new EnumMap<>(Fase.class);
    tellinger.forEach(t -> perFase.merge(t.fase(), t.antall(), Long::sum));

    model.addAttribute("faser", vist);
    model.addAttribute("faserader", rader);
    model.addAttribute("perFase", perFase);
    model.addAttribute("antallPakker", perFase.values().stream().mapToLong(Long::longValue).sum());
    model.addAttribute("antallAktive", perFase.entrySet().stream().filter(e -> !e.getKey().erAvsluttet())
        .mapToLong(Map.Entry::getValue).sum());
    model.addAttribute("fasediagram", json.writeValueAsString(Map.of(
        "kommuner", rader.stream().map(Faserad::kommunenavn).toList(),
        "serier", vist.stream().map(f -> Map.of("fase", f.name(), "navn", f.visningsnavn(),
            "antall", rader.stream().map(r -> r.antall().getOrDefault(f, 0L)).toList())).toList())));
    return perFase;
  }

  private void okonomi(Model model, List<Kommuneokonomi> kommuner) throws JsonProcessingException {
    model.addAttribute("okonomi", kommuner);
    model.addAttribute("sumBevilget", kommuner.stream().map(Kommuneokonomi::bevilget).reduce(BigDecimal.ZERO, BigDecimal::add));
    model.addAttribute("sumForbrukt", kommuner.stream().map(Kommuneokonomi::forbrukt).reduce(BigDecimal.ZERO, BigDecimal::add));
    model.addAttribute("okonomidiagram", json.writeValueAsString(Map.of(
        "kommuner", kommuner.stream().map(Kommuneokonomi::kommunenavn).toList(),
        "bevilget", kommuner.stream().map(Kommuneokonomi::bevilget).toList(),
        "forbrukt", kommuner.stream().map(Kommuneokonomi::forbrukt).toList())));
  }

  private void piloter(Model model, Kommuneutvalg utvalg, long iPilot) {
    List<Arbeidspakkerad> rapporterte = portefolje.piloterMedStatus(utvalg, Pilotstatus.VERDIER);
    Map<String, Long> perStatus = new LinkedHashMap<>();
    Pilotstatus.VERDIER.forEach(s -> perStatus.put(s, rapporterte.stream().filter(p -> s.equals(p.pilotstatus())).count()));
    model.addAttribute("piloterPerStatus", perStatus);
    model.addAttribute("piloterUtenRapport", iPilot - rapporterte.size());
    model.addAttribute("antallPiloter", iPilot);
    model.addAttribute("avvikspiloter", rapporterte.stream().filter(p -> !Pilotstatus.GRONN.verdi().equals(p.pilotstatus())).toList());
  }

  private String navn(String brukerId) {
    User bruker = engine.getIdentityService().createUserQuery().userId(brukerId).singleResult();
    if (bruker == null || bruker.getFirstName() == null) {
      return brukerId;
    }
    return (bruker.getFirstName() + " " + (bruker.getLastName() == null ? "" : bruker.getLastName())).strip();
  }

  /** Whether the login may use one of the web apps (as the web apps decided at login). */
  /** The same search on another page. */
  private static String sideLenke(HttpServletRequest request, int side) {
    return UriComponentsBuilder.fromPath(request.getContextPath() + "/").query(request.getQueryString())
        .replaceQueryParam("side", side).build().toUriString();
  }

  private static String tomSomNull(String verdi) {
    return verdi == null || verdi.isBlank() ? null : verdi.strip();
  }
}
