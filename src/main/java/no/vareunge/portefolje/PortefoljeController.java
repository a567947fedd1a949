package no.vareunge.portefolje;

import no.vareunge.arbeidspakke.Pilotstatus;
import no.vareunge.tilgang.Kommuneutvalg;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.vareunge.api.DomeneApi;
import no.vareunge.api.Parametre;
import no.vareunge.api.Problem;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.arbeidspakke.Pilotavbrudd;
import no.vareunge.felles.Tidssone;
import no.vareunge.portefolje.Portefoljeoppsummering.Kommunetall;
import no.vareunge.vedtak.Vedtaksprotokoll;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The portfolio of work packages, read from the read model within the user's kommuner. */
@DomeneApi
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Portefølje", description = "Arbeidspakkene, én pakke med tidslinje, og tallene per kommune og fase")
class PortefoljeController {

  private final Portefolje portefolje;
  private final Oppgaveoversikt oppgaver;
  private final Vedtaksprotokoll vedtak;
  private final Kommunefilter kommunefilter;
  private final Pilotavbrudd pilotavbrudd;

  PortefoljeController(Portefolje portefolje, Oppgaveoversikt oppgaver, Vedtaksprotokoll vedtak,
      Kommunefilter kommunefilter, Pilotavbrudd pilotavbrudd) {
    this.portefolje = portefolje;
    this.oppgaver = oppgaver;
    this.vedtak = vedtak;
    this.kommunefilter = kommunefilter;
    this.pilotavbrudd = pilotavbrudd;
  }

  @GetMapping("/arbeidspakker")
  @Operation(summary = "Søk i arbeidspakkene",
      description = "Nyeste først. Alle filtre er valgfrie og gjelder samtidig. Bare pakker i kommunene brukeren "
          + "har tilgang til; et kommunefilter utenfor dem gir 403, en ukjent kommune 400.")
  Side<Arbeidspakkerad> arbeidspakker(
      @Parameter(description = "Kommunens id, for eksempel larvik") @RequestParam(required = false) String kommune,
      @Parameter(description = "Fasen") @RequestParam(required = false) Fase fase,
      @Parameter(description = "Pilotens siste status: gronn, gul eller rod") @RequestParam(required = false)
          String status,
      @Parameter(description = "Tekst i tittel eller referanse (uten hensyn til store og små bokstaver)")
          @RequestParam(required = false) String tekst,
      @Parameter(description = "Sidenummer, fra 0") @RequestParam(defaultValue = "0") int side,
      @Parameter(description = "Treff per side, 1–200") @RequestParam(defaultValue = "50") int antallPerSide) {
    Kommuneutvalg utvalg = kommunefilter.utvalg(kommune);
    String pilotstatus = Parametre.tekst("status", status, 10);
    if (pilotstatus != null && Pilotstatus.fra(pilotstatus).isEmpty()) {
      throw Problem.ugyldig("Ugyldig verdi «" + pilotstatus + "» for «status». Gyldige verdier: "
          + String.join(", ", Pilotstatus.VERDIER) + ".");
    }
    Parametre.heltall("side", side, 0, 1_000_000);
    Parametre.heltall("antallPerSide", antallPerSide, 1, Portefoljesok.MAKS_PER_SIDE);
    return portefolje.sok(utvalg, new Portefoljesok(null, fase, pilotstatus, Parametre.tekst("tekst", tekst, 200),
        side, antallPerSide));
  }

  @GetMapping("/arbeidspakker/{referanse}")
  @Operation(summary = "Én arbeidspakke med tidslinje",
      description = "Vedtakene (vedtaksprotokollen), fremdriftsrapportene og de åpne oppgavene, med lenker til "
          + "Tasklist og Cockpit. 404 også når pakken finnes i en kommune brukeren ikke har tilgang til.")
  Arbeidspakkedetaljer arbeidspakke(
      @Parameter(description = "Referansen, for eksempel AP-2026-LAR-001") @PathVariable String referanse) {
    Arbeidspakkerad rad = portefolje.hent(kommunefilter.innlogget(), Parametre.tekst("referanse", referanse, 40))
        .orElseThrow(() -> Problem.finnesIkke("Fant ingen arbeidspakke med referansen «" + referanse.strip() + "»."));
    return new Arbeidspakkedetaljer(rad, Oppgavevisning.cockpit(rad.prosessinstansId()),
        vedtak.forReferanse(rad.referanse()), portefolje.rapporter(rad.prosessinstansId()),
        oppgaver.apne(rad.prosessinstansId()).stream().map(o -> Oppgavevisning.av(o, Tidssone.naa())).toList());
  }

  /** The body of a request to stop a pilot. */
  record Avbrudd(String begrunnelse) {}

  @PostMapping(path = "/arbeidspakker/{referanse}/avbryt-pilot", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Avbryt piloten før tiden",
      description = "For lokal leder og det lokale styret i pakkens kommune, med en begrunnelse (høyst 4000 tegn). "
          + "Arbeidspakken går videre til evaluering; hvem som avbrøt og hvorfor lagres. 400: begrunnelsen mangler; "
          + "403: ikke lokal leder eller styremedlem i kommunen; 404: ingen slik pakke i dine kommuner; 409: pakken "
          + "er ikke i pilotering.")
  void avbrytPilot(
      @Parameter(description = "Referansen, for eksempel AP-2026-LAR-001") @PathVariable String referanse,
      @RequestBody Avbrudd avbrudd) {
    Arbeidspakkerad rad = portefolje.hent(kommunefilter.innlogget(), Parametre.tekst("referanse", referanse, 40))
        .orElseThrow(() -> Problem.finnesIkke("Fant ingen arbeidspakke med referansen «" + referanse.strip() + "»."));
    Pilotavbrudd.Resultat resultat;
    try {
      resultat = pilotavbrudd.avbryt(rad.prosessinstansId(), rad.kommune(), avbrudd.begrunnelse());
    } catch (AuthorizationException e) {
      throw Problem.ingenTilgang(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw Problem.ugyldig(e.getMessage());
    }
    if (resultat == Pilotavbrudd.Resultat.IKKE_I_PILOT) {
      throw Problem.konflikt("Arbeidspakken «" + rad.referanse() + "» er ikke i pilotering, så det er ingen pilot å "
          + "avbryte. Oppdater siden for å se hvor den står.");
    }
  }

  @GetMapping("/portefolje/oppsummering")
  @Operation(summary = "Porteføljen i tall",
      description = "Antall arbeidspakker per kommune og fase, budsjett, bevilget og forbrukt per kommune, og summen.")
  Portefoljeoppsummering oppsummering() {
    Kommuneutvalg utvalg = kommunefilter.innlogget();
    Map<String, Map<Fase, Long>> faser = new java.util.HashMap<>();
    for (Fasetelling t : portefolje.perKommuneOgFase(utvalg)) {
      faser.computeIfAbsent(t.kommune(), k -> nullstilt()).put(t.fase(), t.antall());
    }
    List<Kommunetall> kommuner = new ArrayList<>();
    Map<Fase, Long> alleFaser = nullstilt();
    long antall = 0;
    BigDecimal budsjett = BigDecimal.ZERO;
    BigDecimal bevilget = BigDecimal.ZERO;
    BigDecimal forbrukt = BigDecimal.ZERO;
    for (Kommuneokonomi k : portefolje.okonomiPerKommune(utvalg)) {
      Map<Fase, Long> kommunensFaser = faser.getOrDefault(k.kommune(), nullstilt());
      kommuner.add(new Kommunetall(k.kommune(), k.kommunenavn(), k.antall(), kommunensFaser, k.budsjett(),
          k.bevilget(), k.forbrukt()));
      kommunensFaser.forEach((fase, n) -> alleFaser.merge(fase, n, Long::sum));
      antall += k.antall();
      budsjett = budsjett.add(k.budsjett());
      bevilget = bevilget.add(k.bevilget());
      forbrukt = forbrukt.add(k.forbrukt());
    }
    return new Portefoljeoppsummering(kommuner,
        new Kommunetall(null, null, antall, alleFaser, budsjett, bevilget, forbrukt), oppgaver.antallForfalte(utvalg));
  }

  private static Map<Fase, Long> nullstilt() {
    Map<Fase, Long> faser = new EnumMap<>(Fase.class);
    for (Fase f : Fase.values()) {
      faser.put(f, 0L);
    }
    return faser;
  }
}
