package no.vareunge.varsling;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A decision as a notification tells it, in the words of its form: the level
 * («Lokalt styre»), the outcome («Godkjent»), the case number, the meeting date, the reasoning,
 * who decided. The one shape of a decision in the notifications, whether the decision is pushed
 * ({@link Varselbestilling}) or asked for ({@link Kilde}).
 */
public record Vedtaksomtale(String niva, String utfall, String sakNr, String motedato, String begrunnelse,
    String besluttetAv) {

  /** Where a model's notification point (a rejection) finds the package's last decision. */
  public interface Kilde {
    Optional<Vedtaksomtale> siste(String referanse);
  }

  public Vedtaksomtale medUtfall(String annet) {
    return new Vedtaksomtale(niva, annet, sakNr, motedato, begrunnelse, besluttetAv);
  }

  /** What the e-mail templates read as {@code vedtak.*}. */
  Map<String, Object> forMalen() {
    Map<String, Object> vedtak = new HashMap<>();
    vedtak.put("niva", niva);
    vedtak.put("utfall", utfall);
    vedtak.put("sakNr", sakNr);
    vedtak.put("motedato", motedato);
    vedtak.put("begrunnelse", begrunnelse);
    vedtak.put("besluttetAv", besluttetAv);
    return vedtak;
  }
}
