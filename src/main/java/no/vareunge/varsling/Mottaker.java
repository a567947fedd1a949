package no.vareunge.varsling;

/**
 * One person a notification goes to, as the identity service knows them.
 *
 * @param id the user id, or {@code gruppe:<id>} for a group with nobody in it
 * @param epost null when the user has no e-mail address
 * @param gruppe the group the user was found through; null when named directly
 */
public record Mottaker(String id, String navn, String epost, String gruppe) {

  /** A group nobody could be found in: logged, so that the gap is visible. */
  static Mottaker tomGruppe(String gruppe) {
    return new Mottaker("gruppe:" + gruppe, null, null, gruppe);
  }

  boolean erTomGruppe() {
    return id.startsWith("gruppe:");
  }
}
