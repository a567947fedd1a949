package no.vareunge.skjema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks submitted values against the constraints of a Camunda Form, the way the form checks
 * them in the browser, and says in Norwegian what is wrong, naming each field: for the API by
 * label and key, for people by label alone ({@link Feltfeil}).
 */
public class SkjemaValidator {

  /** Evaluates a form-js condition ({@code =<FEEL>}) against the values known at submission. */
  public interface Betingelse {
    boolean sann(String feelUttrykk, Map<String, Object> verdier);
  }

  /**
   * Looks a value up in one of the program's registers, for the form properties {@code unik} (the
   * value must be new there) and {@code finnes} (it must be there), e.g. {@code "kommune.id"},
   * {@code "kommune.kode"}, {@code "bruker"}. An unknown register is an error in the form.
   */
  public interface Oppslag {
    boolean finnes(String register, String verdi);
  }

  /** For validators without registers: a form that asks for a lookup is then an error. */
  private static final Oppslag UTEN_REGISTER = (register, verdi) -> {
    throw new IllegalStateException("Ingen registre for oppslag i «" + register + "»");
  };

  /**
   * What a submission leads to: the errors, as messages for the API and Tasklist that name each
   * field with its key, and the same errors placed in the form for people ({@link Feltfeil}, one
   * for each message, in the same order); and the fields to drop (read-only or hidden).
   */
  public record Resultat(List<String> feil, List<Feltfeil> feltfeil, Set<String> ignorerte) {
    public boolean gyldig() {
      return feil.isEmpty();
    }
  }

  /**
   * Where an error is, named both ways from one place: for the API with keys ({@code «Målparametere»
   * (malparametere) rad 2: «Målverdi» (malverdi)}), for people with labels only ({@code
   * «Målparametere» rad 2: «Målverdi»}).
   */
  private record Sted(String api, String folk, String felt, Integer rad, String underfelt) {

    static Sted felt(Skjemafelt f) {
      return new Sted(f.navn(), "«" + f.etikett() + "»", f.key(), null, null);
    }

    /** A row of a list as a whole; its fields are {@link #celle}. */
    static Sted rad(Skjemafelt liste, int rad) {
      return new Sted(liste.navn() + " rad " + rad + ":", "«" + liste.etikett() + "» rad " + rad, liste.key(), rad,
          null);
    }

    Sted celle(Skjemafelt u) {
      return new Sted(api + " " + u.navn(), folk + ": «" + u.etikett() + "»", felt, rad, u.key());
    }

    Sted medUnderfelt(String key) {
      return new Sted(api, folk, felt, rad, key);
    }
  }

  /** The errors found so far: each message for the API with its Feltfeil beside it. */
  private static final class Feil {
    private final List<String> api = new ArrayList<>();
    private final List<Feltfeil> folk = new ArrayList<>();

    /** The same words after the field's name for both, e.g. «må fylles ut.». */
    void legg(Sted sted, String hva) {
      legg(sted, hva, hva);
    }

    /** Other words for people where those for the API name internal values or the pattern. */
    void legg(Sted sted, String forApi, String forFolk) {
      legg(sted.api() + " " + forApi,
          new Feltfeil(sted.felt(), sted.rad(), sted.underfelt(), sted.folk() + " " + forFolk));
    }

    void legg(String melding, Feltfeil feltfeil) {
      api.add(melding);
      folk.add(feltfeil);
    }
  }

  private static final String UGYLDIG_VALG = "har en ugyldig verdi. Velg et av alternativene.";

  /** Control characters other than tab and line breaks. */
  private static final Pattern KONTROLLTEGN = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private final Betingelse betingelse;
  private final Oppslag oppslag;

  public SkjemaValidator(Betingelse betingelse) {
    this(betingelse, UTEN_REGISTER);
  }

  public SkjemaValidator(Betingelse betingelse, Oppslag oppslag) {
    this.betingelse = betingelse;
    this.oppslag = oppslag;
  }

  /**
   * @param innsendt the submitted values, as Java values (lists and maps for Json)
   * @param kjente the variables the task or process already has, for conditions
   */
  public Resultat valider(Skjema skjema, Map<String, Object> innsendt, Map<String, Object> kjente) {
    Feil feil = new Feil();
    Set<String> ignorerte = new LinkedHashSet<>();
    Map<String, Skjemafelt> felt = skjema.feltEtterKey();
    for (String key : innsendt.keySet()) {
      if (!felt.containsKey(key)) {
        feil.legg("Feltet «" + key + "» finnes ikke i skjemaet.",
            new Feltfeil(key, null, null, "Skjemaet har et felt som ikke finnes: «" + key + "»."));
      }
    }
    Map<String, Object> kontekst = new HashMap<>(kjente);
    kontekst.putAll(innsendt);
    for (Skjemafelt f : felt.values()) {
      if (f.skrivebeskyttet() || skjult(f, kontekst)) {
        if (innsendt.containsKey(f.key())) {
          ignorerte.add(f.key());
        }
        continue;
      }
      sjekk(f, innsendt.get(f.key()), Sted.felt(f), feil);
    }
    return new Resultat(List.copyOf(feil.api), List.copyOf(feil.folk), Set.copyOf(ignorerte));
  }

  private boolean skjult(Skjemafelt f, Map<String, Object> kontekst) {
    if (f.skjulHvis() == null || f.skjulHvis().isBlank()) {
      return false;
    }
    String uttrykk = f.skjulHvis().startsWith("=") ? f.skjulHvis().substring(1) : f.skjulHvis();
    return betingelse.sann(uttrykk, kontekst);
  }

  private void sjekk(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    if (tom(verdi)) {
      if (f.pakrevd() || f.minAntall() > 0) {
        feil.legg(sted, "må fylles ut.");
      }
      return;
    }
    switch (f.type()) {
      case "textfield", "textarea" -> tekst(f, verdi, sted, feil);
      case "number" -> tall(f, verdi, sted, feil);
      case "checkbox" -> {
        if (!(verdi instanceof Boolean ja)) {
          feil.legg(sted, "må være ja eller nei (true/false).", "må være ja eller nei.");
        } else if (f.pakrevd() && !ja) {
          feil.legg(sted, "må krysses av.");
        }
      }
      case "radio", "select" -> {
        if (!(verdi instanceof String s) || (f.harFasteVerdier() && !f.verdier().containsKey(s))) {
          ugyldigValg(f, verdi, sted, feil);
        }
      }
      case "checklist", "taglist" -> {
        if (!(verdi instanceof List<?> valgt)) {
          feil.legg(sted, "må være en liste.");
        } else {
          for (Object v : valgt) {
            if (!(v instanceof String s) || (f.harFasteVerdier() && !f.verdier().containsKey(s))) {
              ugyldigValg(f, v, sted, feil);
            }
          }
        }
      }
      case "datetime" -> dato(f, verdi, sted, feil);
      case "dynamiclist" -> liste(f, verdi, sted, feil);
      default -> { }
    }
  }

  /** The API lists the valid values; people are not shown the internal values, only told to choose. */
  private static void ugyldigValg(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    feil.legg(sted, "har en ugyldig verdi «" + kort(verdi) + "». Gyldige verdier: "
        + String.join(", ", f.verdier().keySet()) + ".", UGYLDIG_VALG);
  }

  private void tekst(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    if (!(verdi instanceof String s)) {
      feil.legg(sted, "må være tekst.");
      return;
    }
    if (f.minLengde() != null && s.length() < f.minLengde()) {
      feil.legg(sted, "må ha minst " + f.minLengde() + " tegn (har " + s.length() + ").");
    }
    if (f.maksLengde() != null && s.length() > f.maksLengde()) {
      feil.legg(sted, "kan ha høyst " + f.maksLengde() + " tegn (har " + s.length() + ").");
    }
    if (KONTROLLTEGN.matcher(s).find()) {
      // A browser cannot type them, and PostgreSQL cannot store NUL: refused, never a server error.
      feil.legg(sted, "inneholder ugyldige tegn (kontrolltegn).");
      return;
    }
    if (f.monster() != null && !f.monster().isBlank() && !passer(f.monster(), s)) {
      // People get the form's own explanation of the pattern, if it has one, not the pattern.
      feil.legg(sted, "har ikke riktig format: «" + kort(s) + "» passer ikke mønsteret " + f.monster() + ".",
          "har ikke riktig format." + (blank(f.monsterfeil()) ? "" : " " + f.monsterfeil()));
      return;
    }
    // Lookups only for a value that is otherwise valid, and never for one that is too long.
    if (f.maksLengde() != null && s.length() > f.maksLengde()) {
      return;
    }
    if (f.unik() != null && !f.unik().isBlank() && oppslag.finnes(f.unik(), s)) {
      feil.legg(sted, "«" + kort(s) + "» er allerede i bruk.");
    }
    if (f.finnes() != null && !f.finnes().isBlank() && !oppslag.finnes(f.finnes(), s)) {
      feil.legg(sted, "«" + kort(s) + "» finnes ikke.");
    }
  }

  /** As form-js checks {@code validate.pattern}: {@code new RegExp(pattern).test(value)}, a search. */
  private static boolean passer(String monster, String verdi) {
    try {
      return Pattern.compile(monster).matcher(verdi).find();
    } catch (PatternSyntaxException e) {
      throw new IllegalStateException("Ugyldig mønster i skjemaet: " + monster, e);
    }
  }

  private void tall(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    if (!(verdi instanceof Number n) || !endelig(n)) {
      feil.legg(sted, "må være et tall.");
      return;
    }
    BigDecimal tall = new BigDecimal(n.toString());
    if (f.heltall() && tall.stripTrailingZeros().scale() > 0) {
      feil.legg(sted, "må være et helt tall.");
    }
    if (f.min() != null && tall.compareTo(f.min()) < 0) {
      feil.legg(sted, "må være minst " + f.min().toPlainString() + ".");
    }
    if (f.maks() != null && tall.compareTo(f.maks()) > 0) {
      feil.legg(sted, "kan være høyst " + f.maks().toPlainString() + ".");
    }
  }

  private void dato(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    Predicate<String> gyldig = switch (f.undertype() == null ? "date" : f.undertype()) {
      case "time" -> s -> parses(() -> LocalTime.parse(s));
      case "datetime" -> s -> parses(() -> OffsetDateTime.parse(s)) || parses(() -> LocalDateTime.parse(s));
      default -> s -> parses(() -> LocalDate.parse(s));
    };
    if (!(verdi instanceof String s) || !gyldig.test(s)) {
      feil.legg(sted, "må være en gyldig dato (ÅÅÅÅ-MM-DD).");
    }
  }

  private void liste(Skjemafelt f, Object verdi, Sted sted, Feil feil) {
    if (!(verdi instanceof List<?> rader)) {
      feil.legg(sted, "må være en liste.");
      return;
    }
    if (rader.size() < f.minAntall()) {
      feil.legg(sted, "må ha minst " + f.minAntall() + " rad(er).");
    }
    Map<String, Skjemafelt> kolonner = new LinkedHashMap<>();
    f.underfelt().forEach(u -> kolonner.put(u.key(), u));
    for (int i = 0; i < rader.size(); i++) {
      Sted rad = Sted.rad(f, i + 1);
      if (!(rader.get(i) instanceof Map<?, ?> celler)) {
        feil.legg(rad, "må være et objekt med feltene " + String.join(", ", kolonner.keySet()) + ".",
            "har feil form; den skal ha feltene " + kolonner.values().stream()
                .map(u -> "«" + u.etikett() + "»").collect(Collectors.joining(", ")) + ".");
        continue;
      }
      for (Object key : celler.keySet()) {
        if (!kolonner.containsKey(String.valueOf(key))) {
          feil.legg(rad.medUnderfelt(String.valueOf(key)), "feltet «" + key + "» finnes ikke i skjemaet.",
              "har et felt som ikke finnes: «" + key + "».");
        }
      }
      for (Skjemafelt u : f.underfelt()) {
        sjekk(u, celler.get(u.key()), rad.celle(u), feil);
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static boolean tom(Object verdi) {
    return verdi == null || (verdi instanceof String s && s.isBlank());
  }

  private static boolean endelig(Number n) {
    return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(n instanceof Float x && (x.isNaN() || x.isInfinite()));
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String kort(Object verdi) {
    String s = String.valueOf(verdi);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
