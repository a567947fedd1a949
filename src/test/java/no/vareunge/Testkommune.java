package no.vareunge;

import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;

/**
 * A kommune of its own for a test class, set up as onboarding leaves it (register, tenant, groups,
 * authorizations) with an arbeidspakke-leder, a lokal leder and a board member: figures read
 * through the API are then exact, whatever other tests put in the shared database.
 */
public record Testkommune(String id, String ap, String leder, String styre) {

  public static Testkommune opprett(String id, String navn, String kode, KommuneRegister register,
      Tilgangsoppsett tilgang, IdentityService identity) {
    return opprett(new Kommune(id, navn, kode), register, tilgang, identity);
  }

  public static Testkommune opprett(Kommune k, KommuneRegister register, Tilgangsoppsett tilgang,
      IdentityService identity) {
    String id = k.id();
    Testkommune kommune = new Testkommune(id, "ap." + id, "leder." + id, "styre." + id);
    if (register.finn(id).isEmpty()) {
      register.opprett(k);
    }
    tilgang.opprettKommune(k);
    TestBrukere.arbeidspakkeleder(identity, kommune.ap(), id);
    TestBrukere.opprett(identity, kommune.leder(), Tilgangsoppsett.leder(id));
    TestBrukere.opprett(identity, kommune.styre(), Tilgangsoppsett.styre(id));
    return kommune;
  }
}
