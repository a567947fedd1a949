package no.vareunge.varsling;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.vareunge.arbeidspakke.Tidssone;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notification log for programleder: {@code GET /api/varsler?referanse=&status=}, newest
 * first. The login is HTTP Basic against the engine's users (the same filter as the REST API, see
 * RestAutentisering: 401 without a valid login); only programleder and the administrators may
 * read the log (403 for everyone else), since it names people and their e-mail addresses.
 */
@RestController
public class VarselApi {

  static final Set<String> LESERE = Set.of("programleder", "camunda-admin");
  static final int MAKS = 500;

  private final Varsellogg logg;
  private final IdentityService identitet;

  public VarselApi(Varsellogg logg, IdentityService identitet) {
    this.logg = logg;
    this.identitet = identitet;
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

  @GetMapping(path = "/api/varsler", produces = "application/json")
  public ResponseEntity<?> varsler(@RequestParam(required = false) String referanse,
      @RequestParam(required = false) String status) {
    Authentication innlogget = identitet.getCurrentAuthentication();
    if (innlogget == null) {
      return feil(HttpStatus.UNAUTHORIZED, "Du må logge inn.");
    }
    List<String> grupper = innlogget.getGroupIds() == null ? List.of() : innlogget.getGroupIds();
    if (grupper.stream().noneMatch(LESERE::contains)) {
      return feil(HttpStatus.FORBIDDEN, "Bare programleder kan lese varselloggen.");
    }
    Varselstatus filter = null;
    if (status != null && !status.isBlank()) {
      try {
        filter = Varselstatus.valueOf(status.trim().toUpperCase());
      } catch (IllegalArgumentException e) {
        return feil(HttpStatus.BAD_REQUEST, "Ukjent status «" + status + "». Gyldige: "
            + String.join(", ", java.util.Arrays.stream(Varselstatus.values()).map(Enum::name).toList()) + ".");
      }
    }
    String ref = referanse == null || referanse.isBlank() ? null : referanse.trim();
    return ResponseEntity.ok(logg.sok(ref, filter, MAKS).stream().map(VarselVisning::av).toList());
  }

  private static ResponseEntity<Map<String, String>> feil(HttpStatus status, String melding) {
    return ResponseEntity.status(status).body(Map.of("message", melding));
  }
}
