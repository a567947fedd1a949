package no.vareunge.felles;

import java.util.Locale;

/** The program's language: Norwegian bokmål, for sorting, numbers and the e-mail templates. */
public final class Norsk {

  public static final Locale BOKMAL = Locale.forLanguageTag("nb-NO");

  private Norsk() {}
}
