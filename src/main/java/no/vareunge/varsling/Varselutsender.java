package no.vareunge.varsling;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.vareunge.felles.Tidssone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one notification to each of its recipients, exactly once per recipient.
 *
 * <p>Runs in an asynchronous job, after the decision that caused it is committed. What happens to
 * each recipient is logged in a transaction of its own as soon as it has happened, so a retry of
 * the job (after the mail server failed for someone) skips everyone whose entry is final and sends
 * only to those who failed. A failure for one recipient does not stop the others; at the end the
 * job fails if anyone failed, so that the engine retries it and finally raises an incident.
 *
 * <p>Without a mail server ({@code spring.mail.host} unset) there is no {@link JavaMailSender}:
 * the notification is then logged as {@link Varselstatus#REGISTRERT}, and the demo works without
 * a mail server.
 */
@Component
public class Varselutsender {

  static final String IKKE_SATT_OPP = "ikke sendt: e-post er ikke satt opp";

  private static final Logger LOG = LoggerFactory.getLogger(Varselutsender.class);

  private final Varsellogg logg;
  private final Epostmaler maler;
  private final VarslingEgenskaper egenskaper;
  private final ObjectProvider<JavaMailSender> epost;

  public Varselutsender(Varsellogg logg, Epostmaler maler, VarslingEgenskaper egenskaper,
      ObjectProvider<JavaMailSender> epost) {
    this.logg = logg;
    this.maler = maler;
    this.egenskaper = egenskaper;
    this.epost = epost;
  }

  /**
   * One notification: its key (unique per notification), event, template, content and the files
   * attached to every recipient's e-mail.
   */
  public record Utsending(String nokkel, Varselhendelse hendelse, String mal, String referanse,
      String prosessinstansId, Map<String, Object> innhold, List<Vedlegg> vedlegg) {

    public Utsending(String nokkel, Varselhendelse hendelse, String mal, String referanse, String prosessinstansId,
        Map<String, Object> innhold) {
      this(nokkel, hendelse, mal, referanse, prosessinstansId, innhold, List.of());
    }
  }

  /** A file attached to the e-mail. */
  public record Vedlegg(String filnavn, String innholdstype, byte[] innhold) {}

  public void send(Utsending u, List<Mottaker> mottakere) {
    List<String> feilet = new ArrayList<>();
    MailException sisteFeil = null;
    for (Mottaker m : mottakere) {
      Optional<Varsel> tidligere = logg.finn(u.nokkel(), m.id());
      if (tidligere.isPresent() && tidligere.get().status().ferdig()) {
        LOG.debug("Varsel {} til {} er allerede {}; hoppes over", u.nokkel(), m.id(), tidligere.get().status());
        continue;
      }
      int forsok = tidligere.map(Varsel::forsok).orElse(0) + 1;
      if (m.erTomGruppe()) {
        LOG.warn("Varsel {} om {}: gruppen {} har ingen medlemmer", u.hendelse(), u.referanse(), m.gruppe());
        lagre(u, m, "", Varselstatus.HOPPET_OVER, forsok, "gruppen har ingen medlemmer");
        continue;
      }
      Epostmaler.Epost e = maler.lag(u.mal(), innhold(u, m));
      if (m.epost() == null) {
        LOG.warn("Varsel {} om {} til {} hoppes over: brukeren har ingen e-postadresse", u.hendelse(),
            u.referanse(), m.id());
        lagre(u, m, e.emne(), Varselstatus.HOPPET_OVER, forsok, "brukeren har ingen e-postadresse");
        continue;
      }
      JavaMailSender avsender = epost.getIfAvailable();
      if (avsender == null) {
        LOG.info("Varsel registrert ({}): {} til {} <{}>: {}", IKKE_SATT_OPP, u.hendelse(), m.id(), m.epost(),
            e.emne());
        lagre(u, m, e.emne(), Varselstatus.REGISTRERT, forsok, IKKE_SATT_OPP);
        continue;
      }
      try {
        avsender.send(melding(avsender, m, e, u.vedlegg()));
        lagre(u, m, e.emne(), Varselstatus.SENDT, forsok, null);
        LOG.info("Varsel sendt: {} til {} <{}>: {}", u.hendelse(), m.id(), m.epost(), e.emne());
      } catch (MailException feil) {
        LOG.warn("Varsel {} til {} <{}> feilet (forsøk {}): {}", u.hendelse(), m.id(), m.epost(), forsok,
            feil.getMessage());
        lagre(u, m, e.emne(), Varselstatus.FEILET, forsok, feil.getMessage());
        feilet.add(m.id());
        sisteFeil = feil;
      }
    }
    if (!feilet.isEmpty()) {
      throw new VarselFeiletException("E-post om " + u.hendelse() + " (" + u.referanse() + ") kom ikke fram til "
          + String.join(", ", feilet) + ": " + sisteFeil.getMessage(), sisteFeil);
    }
  }

  private Map<String, Object> innhold(Utsending u, Mottaker m) {
    Map<String, Object> innhold = new HashMap<>(u.innhold());
    Map<String, Object> mottaker = new HashMap<>();
    mottaker.put("id", m.id());
    mottaker.put("navn", m.navn());
    mottaker.put("epost", m.epost());
    mottaker.put("gruppe", m.gruppe());
    innhold.put("mottaker", mottaker);
    innhold.put("oppgaveliste", egenskaper.oppgaveliste());
    return innhold;
  }

  private MimeMessage melding(JavaMailSender avsender, Mottaker m, Epostmaler.Epost e, List<Vedlegg> vedlegg) {
    MimeMessage melding = avsender.createMimeMessage();
    try {
      MimeMessageHelper hjelper = new MimeMessageHelper(melding, true, "UTF-8");
      hjelper.setFrom(egenskaper.getAvsender());
      hjelper.setTo(m.epost());
      hjelper.setSubject(e.emne());
      hjelper.setText(e.tekst(), e.html());
      hjelper.setSentDate(Tidssone.naa());
      for (Vedlegg v : vedlegg) {
        hjelper.addAttachment(v.filnavn(), new ByteArrayResource(v.innhold()), v.innholdstype());
      }
    } catch (MessagingException feil) {
      throw new org.springframework.mail.MailPreparationException(
          "Kunne ikke lage e-posten til " + m.epost() + ": " + feil.getMessage(), feil);
    }
    return melding;
  }

  private void lagre(Utsending u, Mottaker m, String emne, Varselstatus status, int forsok, String melding) {
    logg.lagre(new Varsel(u.hendelse(), u.referanse(), u.prosessinstansId(), m.id(), emne, status, forsok,
        Tidssone.naa(), u.nokkel(), m.epost(), m.gruppe(), melding));
  }
}
