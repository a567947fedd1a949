package no.vareunge.varsling;

import java.util.Date;

/**
 * One entry of the notification log: one notification to one recipient.
 *
 * @param nokkel identifies the notification (see {@link VarslingDelegate}); with {@code mottaker} unique
 * @param mottaker a user id, or {@code gruppe:<id>} for a group nobody could be found in
 * @param gruppe the group the recipient was found through, null if named directly
 * @param melding why it was not sent, or the mail server's error
 */
public record Varsel(
    Varselhendelse hendelse,
    String referanse,
    String prosessinstansId,
    String mottaker,
    String emne,
    Varselstatus status,
    int forsok,
    Date tidspunkt,
    String nokkel,
    String epost,
    String gruppe,
    String melding) {

  /** The entry as it was before e-mail (no key, address, group or message). */
  public Varsel(Varselhendelse hendelse, String referanse, String prosessinstansId, String mottaker, String emne,
      Varselstatus status, int forsok, Date tidspunkt) {
    this(hendelse, referanse, prosessinstansId, mottaker, emne, status, forsok, tidspunkt, null, null, null, null);
  }
}
