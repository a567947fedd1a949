package no.vareunge.varsling;

import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.Beregnet.REFERANSE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.KOMMUNE;
import static no.vareunge.arbeidspakke.ArbeidspakkeVariabler.TITTEL;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A notification ordered where its event happens (a new task, a decision made), for process
 * {@code varsling}: the one typed request, turned into that process's variables here and read
 * back by {@link VarslingDelegate}.
 *
 * @param mottakere user ids
 * @param mottakergrupper candidate groups
 * @param arbeidspakkeId the process instance the notification is about
 * @param oppgave the task it is about, or null
 * @param vedtak the decision it is about, or null
 */
public record Varselbestilling(Varselhendelse hendelse, List<String> mottakere, List<String> mottakergrupper,
    String arbeidspakkeId, String referanse, String tittel, String kommune, Oppgave oppgave, Vedtaksomtale vedtak) {

  public record Oppgave(String id, String navn, Date frist) {}

  Map<String, Object> somVariabler() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(VarslingDelegate.HENDELSE.getName(), hendelse.name());
    v.put(VarslingDelegate.MOTTAKER.getName(), String.join(",", mottakere));
    v.put(VarslingDelegate.MOTTAKERGRUPPER.getName(), String.join(",", mottakergrupper));
    v.put(VarslingDelegate.ARBEIDSPAKKE_ID.getName(), arbeidspakkeId);
    v.put(REFERANSE.getName(), referanse);
    v.put(TITTEL.getName(), tittel);
    v.put(KOMMUNE.getName(), kommune);
    if (oppgave != null) {
      v.put(VarslingDelegate.OPPGAVE_ID.getName(), oppgave.id());
      v.put(VarslingDelegate.OPPGAVENAVN.getName(), oppgave.navn());
      v.put(VarslingDelegate.OPPGAVEFRIST.getName(), oppgave.frist());
    }
    if (vedtak != null) {
      v.put(VarslingDelegate.VEDTAK_NIVA.getName(), vedtak.niva());
      v.put(VarslingDelegate.VEDTAK_UTFALL.getName(), vedtak.utfall());
      v.put(VarslingDelegate.VEDTAK_SAK_NR.getName(), vedtak.sakNr());
      v.put(VarslingDelegate.VEDTAK_MOTEDATO.getName(), vedtak.motedato());
      v.put(VarslingDelegate.VEDTAK_BEGRUNNELSE.getName(), vedtak.begrunnelse());
      v.put(VarslingDelegate.VEDTAK_BESLUTTET_AV.getName(), vedtak.besluttetAv());
    }
    return v;
  }
}
