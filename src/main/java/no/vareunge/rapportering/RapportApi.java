package no.vareunge.rapportering;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import no.vareunge.api.DomeneApi;
import no.vareunge.api.Problem;
import no.vareunge.felles.Tidssone;
import no.vareunge.tilgang.Lesetilgang;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The board reports for programleder and eierstyret: {@code GET /api/rapporter} lists the sent
 * and archived ones, {@code GET /api/rapporter/{id}/xlsx} and {@code /pdf} download a file.
 * Programleder may also download a draft (to approve it); eierstyret sees a report once it is
 * sent. Everyone else gets 403; errors are RFC 7807 problem details in Norwegian.
 */
@DomeneApi
public class RapportApi {

  public static final String STI = "/api/rapporter";

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
    sjekkTilgang();
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
    sjekkTilgang();
    Optional<Styrerapport> rapport = tall(id).flatMap(arkiv::hent).filter(this::synlig);
    Optional<byte[]> innhold = rapport.flatMap(r -> arkiv.fil(r.id(), type));
    if (innhold.isEmpty()) {
      throw Problem.finnesIkke("Det finnes ingen styrerapport med id «" + id + "» som har " + type.endelse().toUpperCase() + "-fil.");
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
    return Lesetilgang.uferdigeStyrerapporter(identitet.getCurrentAuthentication())
        || rapport.status() == Rapportstatus.SENDT || rapport.status() == Rapportstatus.ARKIVERT;
  }

  private void sjekkTilgang() {
    if (identitet.getCurrentAuthentication() == null) {
      throw new Problem(HttpStatus.UNAUTHORIZED, "Du må logge inn.");
    }
    if (!Lesetilgang.styrerapporter(identitet.getCurrentAuthentication())) {
      throw Problem.ingenTilgang("Bare programleder og eierstyret kan lese styrerapportene.");
    }
  }

  private static Optional<Long> tall(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static OffsetDateTime tid(Date dato) {
    return dato == null ? null : dato.toInstant().atZone(Tidssone.NORGE).toOffsetDateTime();
  }
}
