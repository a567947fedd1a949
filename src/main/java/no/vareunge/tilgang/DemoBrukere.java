package no.vareunge.tilgang;

import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role and kommune (README lists them). Only in the demo profile: a
 * production start never creates them.
 */
@Component
@Profile("demo")
public class DemoBrukere {

  private final IdentityService identity;
  private final KommuneRegister kommuner;
  private final Tilgangsoppsett tilgang;
  private final String passord;

  public DemoBrukere(IdentityService identity, KommuneRegister kommuner, Tilgangsoppsett tilgang,
      @Value("${vareunge.demo.passord}") String passord) {
    this.identity = identity;
    this.kommuner = kommuner;
    this.tilgang = tilgang;
    this.passord = passord;
  }

  public void opprett() {
    for (Kommune k : kommuner.alle()) {
      opprett("ap." + k.id(), "Arbeidspakkeleder", k.navn(), Tilgangsoppsett.ARBEIDSPAKKELEDERE);
      tilgang.knyttBrukerTilKommune("ap." + k.id(), k.id());
      opprett("leder." + k.id(), "Lokal leder", k.navn(), Tilgangsoppsett.leder(k.id()));
      opprett("styre." + k.id(), "Styremedlem", k.navn(), Tilgangsoppsett.styre(k.id()));
    }
    opprett("eierstyret", "Medlem av", "eierstyret", Tilgangsoppsett.EIERSTYRE);
    opprett("programleder", "Programleder", "Våre unge Vestfold", Tilgangsoppsett.PROGRAMLEDER);
    opprett("ungdom", "Medlem av", "ungdomspanelet", Tilgangsoppsett.UNGDOMSPANEL);
  }

  private void opprett(String id, String fornavn, String etternavn, String gruppe) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User bruker = identity.newUser(id);
      bruker.setFirstName(fornavn);
      bruker.setLastName(etternavn);
      bruker.setPassword(passord);
      bruker.setEmail(id + "@demo.vareunge.no");
      identity.saveUser(bruker);
    }
    tilgang.leggTilMedlem(id, gruppe);
  }
}
