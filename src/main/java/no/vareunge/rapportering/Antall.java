package no.vareunge.rapportering;

/** A number with its noun in the right form: «1 forfalt beslutning», «2 forfalte beslutninger». */
public final class Antall {

  private Antall() {}

  /** {@code entall} for exactly one, {@code flertall} for every other number (also 0). */
  public static String av(long antall, String entall, String flertall) {
    return antall + " " + (antall == 1 ? entall : flertall);
  }

  /** Only the word, for a page that shows the number itself apart. */
  public static String ord(long antall, String entall, String flertall) {
    return antall == 1 ? entall : flertall;
  }
}
