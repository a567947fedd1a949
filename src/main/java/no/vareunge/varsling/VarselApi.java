package no.vareunge.varsling;

import no.vareunge.tilgang.Lesetilgang;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import no.vareunge.api.DomeneApi;
import no.vareunge.api.Parametre;
import no.vareunge.api.Problem;
import no.vareunge.felles.Tidssone;
import no.vareunge.tilgang.Kommuneutvalg;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notification log: {@code GET /api/varsler?referanse=&status=}, newest first, within the
 * same kommune rules as the rest of the API: programleder (and the administrators) read all of
 * it, including the notifications of onboarding; everybody else the notifications of their own
 * kommuner's packages. The sign-in is Spring Security's (no.vareunge.tilgang.Sikkerhetsoppsett: 401 without a valid one).
 */
@DomeneApi
@Tag(name = "Varsler", description = "Varselloggen: hvert varsel og hva som skjedde med hver mottaker")
public class VarselApi {

  static final int MAKS = 500;

  private final Varsellogg logg;
  private final ProcessEngine engine;

  public VarselApi(Varsellogg logg, ProcessEngine engine) {
    this.logg = logg;
    this.engine = engine;
  }

  /** One line of the log as JSON, with Norwegian names. */
  public record VarselVisning(String hendelse, String referanse, String prosessinstansId, String mottaker,
      String epost, String gruppe, String emne, String status, int forsok, OffsetDateTime tidspunkt,
      String melding) {

    static VarselVisning av(Varsel v) {
      return new VarselVisning(v.hendelse().name(), v.referanse(), v.prosessinstansId(), v.mottaker(), v.epost(),
          v.gruppe(), v.emne(), v.status().name(), v.forsok(),
          v.tidspunkt().toInstant().atZone(Tidssone.NORGE).toOffsetDateTime(), v.melding());
    }
  }

  @GetMapping(path = "/api/varsler", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Varselloggen",
      description = "De nyeste " + MAKS + " først. Programleder ser alle varsler; andre varslene om arbeidspakkene "
          + "i sine kommuner.")
  public List<VarselVisning> varsler(
      @Parameter(description = "Arbeidspakkens referanse") @RequestParam(required = false) String referanse,
      @Parameter(description = "SENDT, FEILET, HOPPET_OVER eller REGISTRERT") @RequestParam(required = false)
          String status) {
    Varselstatus filter = null;
    String s = Parametre.tekst("status", status, 20);
    if (s != null) {
      try {
        filter = Varselstatus.valueOf(s.toUpperCase());
      } catch (IllegalArgumentException e) {
        throw Problem.ugyldig("Ukjent status «" + s + "». Gyldige: "
            + String.join(", ", Arrays.stream(Varselstatus.values()).map(Enum::name).toList()) + ".");
      }
    }
    return logg.sok(Parametre.tekst("referanse", referanse, 40), filter, utvalg(), MAKS).stream()
        .map(VarselVisning::av).toList();
  }

  private Kommuneutvalg utvalg() {
    return Lesetilgang.heleVarselloggen(engine.getIdentityService().getCurrentAuthentication())
        ? Kommuneutvalg.ALLE : Kommuneutvalg.forInnlogget(engine);
  }
}
