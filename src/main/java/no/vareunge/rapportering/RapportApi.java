package no.vareunge.rapportering;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.vareunge.arbeidspakke.Tidssone;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board reports for programleder and eierstyret: {@code GET /api/rapporter} lists the sent
 * and archived ones, {@code GET /api/rapporter/{id}/xlsx} and {@code /pdf} download a file.
 * Programleder may also download a draft (to approve it); eierstyret sees a report once it is
 * sent. Everyone else gets 403; errors are RFC 7807 problem details in Norwegian.
 */
@RestController
public class RapportApi {

  public static final String STI = "/api/rapporter";
  private static final Set<String> LESERE = Set.of(Tilgangsoppsett.PROGRAMLEDER, Tilgangsoppsett.EIERSTYRE);

  private final Rapportarkiv arkiv;
  private final IdentityService identitet;

  public RapportApi(Rapportarkiv arkiv, IdentityService identitet) {
    this.arkiv = arkiv;
    this.identitet = identitet;
  }

  /** One report in the list, with Norwegian names and the links to its files. */
  public record RapportVisning(long id, String navn, OffsetDateTime periodeFra, OffsetDateTime periodeTil,
      String status, String godkjentAv, OffsetDateTime godkjent, String kommentar, OffsetDateTime sendt,
      OffsetDateTime arkivert, String xlsx, String pdf) {

    static RapportVisning av(Styrerapport r) {
      return new RapportVisning(r.id(), r.navn(), tid(r.periodeFra()), tid(r.periodeTil()), r.status().name(),
          r.godkjentAv(), tid(r.godkjent()), r.kommentar(), tid(r.sendt()), tid(r.arkivert()),
          lenke(r.id(), Rapportfil.XLSX), lenke(r.id(), Rapportfil.PDF));
    }
  }

  /** The path of a report's file, e.g. {@code /api/rapporter/7/pdf}. */
  public static String lenke(long id, Rapportfil fil) {
    return STI + "/" + id + "/" + fil.endelse();
  }

  @GetMapping(STI)
  public ResponseEntity<?> rapporter() {
    Optional<ResponseEntity<ProblemDetail>> avvist = avvist();
    if (avvist.isPresent()) {
      return avvist.get();
    }
    List<RapportVisning> liste = arkiv.sendte().stream().map(RapportVisning::av).toList();
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(liste);
  }

  @GetMapping(STI + "/{id}/xlsx")
  public ResponseEntity<?> regneark(@PathVariable String id) {
    return fil(id, Rapportfil.XLSX);
  }

  @GetMapping(STI + "/{id}/pdf")
  public ResponseEntity<?> pdf(@PathVariable String id) {
    return fil(id, Rapportfil.PDF);
  }

  private ResponseEntity<?> fil(String id, Rapportfil type) {
    Optional<ResponseEntity<ProblemDetail>> avvist = avvist();
    if (avvist.isPresent()) {
      return avvist.get();
    }
    Optional<Styrerapport> rapport = tall(id).flatMap(arkiv::hent).filter(this::synlig);
    Optional<byte[]> innhold = rapport.flatMap(r -> arkiv.fil(r.id(), type));
    if (innhold.isEmpty()) {
      return problem(HttpStatus.NOT_FOUND, "Fant ikke rapporten",
          "Det finnes ingen styrerapport med id «" + id + "» som har " + type.endelse().toUpperCase() + "-fil.");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type.innholdstype()))
        // The name is ASCII (styrerapport-2026-11.xlsx), so the plain form that every browser reads.
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(rapport.get().filnavn(type)).build().toString())
        .body(innhold.get());
  }

  /** Programleder sees every report, eierstyret those that were sent to it. */
  private boolean synlig(Styrerapport rapport) {
    return grupper().contains(Tilgangsoppsett.PROGRAMLEDER)
        || rapport.status() == Rapportstatus.SENDT || rapport.status() == Rapportstatus.ARKIVERT;
  }

  private Optional<ResponseEntity<ProblemDetail>> avvist() {
    if (identitet.getCurrentAuthentication() == null) {
      return Optional.of(problem(HttpStatus.UNAUTHORIZED, "Ikke innlogget", "Du må logge inn."));
    }
    if (!kanLese(identitet.getCurrentAuthentication())) {
      return Optional.of(problem(HttpStatus.FORBIDDEN, "Ingen tilgang",
          "Bare programleder og eierstyret kan lese styrerapportene."));
    }
    return Optional.empty();
  }

  /** Whether the logged-in user may read the board reports (also the overview's list of them). */
  public static boolean kanLese(Authentication innlogget) {
    return innlogget != null && innlogget.getGroupIds() != null
        && innlogget.getGroupIds().stream().anyMatch(LESERE::contains);
  }

  private List<String> grupper() {
    Authentication innlogget = identitet.getCurrentAuthentication();
    return innlogget == null || innlogget.getGroupIds() == null ? List.of() : innlogget.getGroupIds();
  }

  private static Optional<Long> tall(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String tittel, String detalj) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detalj);
    problem.setTitle(tittel);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static OffsetDateTime tid(Date dato) {
    return dato == null ? null : dato.toInstant().atZone(Tidssone.NORGE).toOffsetDateTime();
  }
}
