package no.vareunge.portefolje;

import no.vareunge.tilgang.Kommuneutvalg;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.vareunge.api.DomeneApi;
import no.vareunge.api.Parametre;
import no.vareunge.felles.Tidssone;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The tasks of the work packages: what is overdue, and completing a task with its form's values. */
@DomeneApi
@RequestMapping(path = "/api/oppgaver", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Oppgaver", description = "Forfalte oppgaver, og å fullføre en oppgave (for eksempel et styrevedtak)")
class OppgaveController {

  private final Oppgaveoversikt oversikt;
  private final Oppgavefullforing fullforing;
  private final Kommunefilter kommunefilter;

  OppgaveController(Oppgaveoversikt oversikt, Oppgavefullforing fullforing, Kommunefilter kommunefilter) {
    this.oversikt = oversikt;
    this.fullforing = fullforing;
    this.kommunefilter = kommunefilter;
  }

  @GetMapping("/forfalte")
  @Operation(summary = "Oppgaver med passert frist",
      description = "Lengst forfalt først, i kommunene brukeren har tilgang til (eller den ene i «kommune»).")
  Forfalteoppgaver forfalte(
      @Parameter(description = "Kommunens id, for eksempel larvik") @RequestParam(required = false) String kommune,
      @Parameter(description = "Høyst så mange treff, 1–500") @RequestParam(defaultValue = "100") int maks) {
    Kommuneutvalg utvalg = kommunefilter.utvalg(kommune);
    Parametre.heltall("maks", maks, 1, 500);
    return new Forfalteoppgaver(oversikt.antallForfalte(utvalg), oversikt.forfalte(utvalg, maks).stream()
        .map(o -> Oppgavevisning.av(o, Tidssone.naa())).toList());
  }

  @PostMapping("/{id}/fullfor")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Fullfør en oppgave",
      description = "Som innlogget bruker, med feltene i oppgavens skjema som vanlige JSON-verdier (lister som "
          + "JSON-lister). Verdiene kontrolleres mot skjemaet (samme regler som i Tasklist); oppgaven tas først "
          + "hvis ingen har den. 400: skjemaet er ikke riktig utfylt (én melding per felt i «feil»); 403: ikke din "
          + "oppgave eller kommune; 404: ingen slik oppgave; 409: en annen har fullført eller tatt oppgaven.")
  @ApiResponse(responseCode = "204", description = "Fullført")
  void fullfor(
      @Parameter(description = "Oppgavens id (oppgaveId)") @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Skjemaets felt og verdier",
          content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(
              name = "Styrevedtak", value = """
                  {"styrevedtak": "godkjent", "styreSakNr": "7/26", "styreMotedato": "2026-03-10",
                   "styreBegrunnelse": "Tiltaket svarer på behovet i kommunen."}""")))
      @RequestBody JsonNode svar) {
    fullforing.fullfor(id, svar, kommunefilter.innlogget());
  }
}
