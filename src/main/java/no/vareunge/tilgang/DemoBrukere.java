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

  public static final String EIERSTYRET = "eierstyret";
  public static final String PROGRAMLEDER = "programleder";
  public static final String UNGDOM = "ungdom";
  public static final String DRIFT = "drift";

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
      opprett(arbeidspakkeleder(k.id()), "Arbeidspakkeleder", k.navn(), Tilgangsoppsett.ARBEIDSPAKKELEDERE);
      tilgang.knyttBrukerTilKommune(arbeidspakkeleder(k.id()), k.id());
      opprett(lokalLeder(k.id()), "Lokal leder", k.navn(), Tilgangsoppsett.leder(k.id()));
      opprett(styremedlem(k.id()), "Styremedlem", k.navn(), Tilgangsoppsett.styre(k.id()));
    }
    opprett(EIERSTYRET, "Medlem av", "eierstyret", Tilgangsoppsett.EIERSTYRE);
    opprett(PROGRAMLEDER, "Programleder", "Våre unge Vestfold", Tilgangsoppsett.PROGRAMLEDER);
    opprett(UNGDOM, "Medlem av", "ungdomspanelet", Tilgangsoppsett.UNGDOMSPANEL);
    opprett(DRIFT, "Drift", "og overvåking", Tilgangsoppsett.DRIFT);
  }

  /** The demo arbeidspakke-leder of a kommune, e.g. {@code ap.larvik}. */
  public static String arbeidspakkeleder(String kommune) {
    return "ap." + kommune;
  }

  /** The demo lokal leder of a kommune, e.g. {@code leder.larvik}. */
  public static String lokalLeder(String kommune) {
    return "leder." + kommune;
  }

  /** The demo member of a kommune's local board, e.g. {@code styre.larvik}. */
  public static String styremedlem(String kommune) {
    return "styre." + kommune;
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
