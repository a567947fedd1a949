package no.vareunge.api;

/** Checks of the API's query parameters that Spring's type conversion does not cover. */
public final class Parametre {

  private Parametre() {}

  /**
   * A free-text parameter: null or blank is "not given"; otherwise stripped, at most {@code maks}
   * characters and without control characters (which no search needs and PostgreSQL cannot take).
   */
  public static String tekst(String navn, String verdi, int maks) {
    if (verdi == null || verdi.isBlank()) {
      return null;
    }
    String tekst = verdi.strip();
    if (tekst.length() > maks) {
      throw Problem.ugyldig("«" + navn + "» kan ha høyst " + maks + " tegn (har " + tekst.length() + ").");
    }
    if (harKontrolltegn(tekst)) {
      throw Problem.ugyldig("«" + navn + "» inneholder ugyldige tegn (kontrolltegn).");
    }
    return tekst;
  }

  public static int heltall(String navn, int verdi, int min, int maks) {
    if (verdi < min || verdi > maks) {
      throw Problem.ugyldig("«" + navn + "» må være mellom " + min + " og " + maks + " (var " + verdi + ").");
    }
    return verdi;
  }

  public static boolean harKontrolltegn(String tekst) {
    return tekst.chars().anyMatch(Character::isISOControl);
  }
}
