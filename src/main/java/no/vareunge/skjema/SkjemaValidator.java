package no.vareunge.skjema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks submitted values against the constraints of a Camunda Form, the way the form checks
 * them in the browser, and says in Norwegian what is wrong, naming each field.
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

  /** What a submission leads to: the errors, and the fields to drop (read-only or hidden). */
  public record Resultat(List<String> feil, Set<String> ignorerte) {
    public boolean gyldig() {
      return feil.isEmpty();
    }
  }

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
    List<String> feil = new ArrayList<>();
    Set<String> ignorerte = new LinkedHashSet<>();
    Map<String, Skjemafelt> felt = skjema.feltEtterKey();
    for (String key : innsendt.keySet()) {
      if (!felt.containsKey(key)) {
        feil.add("Feltet «" + key + "» finnes ikke i skjemaet.");
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
      sjekk(f, innsendt.get(f.key()), "", feil);
    }
    return new Resultat(List.copyOf(feil), Set.copyOf(ignorerte));
  }

  private boolean skjult(Skjemafelt f, Map<String, Object> kontekst) {
    if (f.skjulHvis() == null || f.skjulHvis().isBlank()) {
      return false;
    }
    String uttrykk = f.skjulHvis().startsWith("=") ? f.skjulHvis().substring(1) : f.skjulHvis();
    return betingelse.sann(uttrykk, kontekst);
  }

  private void sjekk(Skjemafelt f, Object verdi, String rad, List<String> feil) {
    String navn = rad + f.navn();
    if (tom(verdi)) {
      if (f.pakrevd() || f.minAntall() > 0) {
        feil.add(navn + " må fylles ut.");
      }
      return;
    }
    switch (f.type()) {
      case "textfield", "textarea" -> tekst(f, verdi, navn, feil);
      case "number" -> tall(f, verdi, navn, feil);
      case "checkbox" -> {
        if (!(verdi instanceof Boolean ja)) {
          feil.add(navn + " må være ja eller nei (true/false).");
        } else if (f.pakrevd() && !ja) {
          feil.add(navn + " må krysses av.");
        }
      }
      case "radio", "select" -> {
        if (!(verdi instanceof String s) || (f.harFasteVerdier() && !f.verdier().containsKey(s))) {
          feil.add(navn + " har en ugyldig verdi «" + kort(verdi) + "». Gyldige verdier: "
              + String.join(", ", f.verdier().keySet()) + ".");
        }
      }
      case "checklist", "taglist" -> {
        if (!(verdi instanceof List<?> valgt)) {
          feil.add(navn + " må være en liste.");
        } else {
          for (Object v : valgt) {
            if (!(v instanceof String s) || (f.harFasteVerdier() && !f.verdier().containsKey(s))) {
              feil.add(navn + " har en ugyldig verdi «" + kort(v) + "». Gyldige verdier: "
                  + String.join(", ", f.verdier().keySet()) + ".");
            }
          }
        }
      }
      case "datetime" -> dato(f, verdi, navn, feil);
      case "dynamiclist" -> liste(f, verdi, navn, feil);
      default -> { }
    }
  }

  private void tekst(Skjemafelt f, Object verdi, String navn, List<String> feil) {
    if (!(verdi instanceof String s)) {
      feil.add(navn + " må være tekst.");
      return;
    }
    if (f.minLengde() != null && s.length() < f.minLengde()) {
      feil.add(navn + " må ha minst " + f.minLengde() + " tegn (har " + s.length() + ").");
    }
    if (f.maksLengde() != null && s.length() > f.maksLengde()) {
      feil.add(navn + " kan ha høyst " + f.maksLengde() + " tegn (har " + s.length() + ").");
    }
    if (KONTROLLTEGN.matcher(s).find()) {
      // A browser cannot type them, and PostgreSQL cannot store NUL: refused, never a server error.
      feil.add(navn + " inneholder ugyldige tegn (kontrolltegn).");
      return;
    }
    if (f.monster() != null && !f.monster().isBlank() && !passer(f.monster(), s)) {
      feil.add(navn + " har ikke riktig format: «" + kort(s) + "» passer ikke mønsteret " + f.monster() + ".");
      return;
    }
    // Lookups only for a value that is otherwise valid, and never for one that is too long.
    if (f.maksLengde() != null && s.length() > f.maksLengde()) {
      return;
    }
    if (f.unik() != null && !f.unik().isBlank() && oppslag.finnes(f.unik(), s)) {
      feil.add(navn + " «" + kort(s) + "» er allerede i bruk.");
    }
    if (f.finnes() != null && !f.finnes().isBlank() && !oppslag.finnes(f.finnes(), s)) {
      feil.add(navn + " «" + kort(s) + "» finnes ikke.");
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

  private void tall(Skjemafelt f, Object verdi, String navn, List<String> feil) {
    if (!(verdi instanceof Number n) || !endelig(n)) {
      feil.add(navn + " må være et tall.");
      return;
    }
    BigDecimal tall = new BigDecimal(n.toString());
    if (f.heltall() && tall.stripTrailingZeros().scale() > 0) {
      feil.add(navn + " må være et helt tall.");
    }
    if (f.min() != null && tall.compareTo(f.min()) < 0) {
      feil.add(navn + " må være minst " + f.min().toPlainString() + ".");
    }
    if (f.maks() != null && tall.compareTo(f.maks()) > 0) {
      feil.add(navn + " kan være høyst " + f.maks().toPlainString() + ".");
    }
  }

  private void dato(Skjemafelt f, Object verdi, String navn, List<String> feil) {
    Predicate<String> gyldig = switch (f.undertype() == null ? "date" : f.undertype()) {
      case "time" -> s -> parses(() -> LocalTime.parse(s));
      case "datetime" -> s -> parses(() -> OffsetDateTime.parse(s)) || parses(() -> LocalDateTime.parse(s));
      default -> s -> parses(() -> LocalDate.parse(s));
    };
    if (!(verdi instanceof String s) || !gyldig.test(s)) {
      feil.add(navn + " må være en gyldig dato (ÅÅÅÅ-MM-DD).");
    }
  }

  private void liste(Skjemafelt f, Object verdi, String navn, List<String> feil) {
    if (!(verdi instanceof List<?> rader)) {
      feil.add(navn + " må være en liste.");
      return;
    }
    if (rader.size() < f.minAntall()) {
      feil.add(navn + " må ha minst " + f.minAntall() + " rad(er).");
    }
    Map<String, Skjemafelt> kolonner = new HashMap<>();
    f.underfelt().forEach(u -> kolonner.put(u.key(), u));
    for (int i = 0; i < rader.size(); i++) {
      String rad = navn + " rad " + (i + 1) + ": ";
      if (!(rader.get(i) instanceof Map<?, ?> celler)) {
        feil.add(rad + "må være et objekt med feltene " + String.join(", ", kolonner.keySet()) + ".");
        continue;
      }
      for (Object key : celler.keySet()) {
        if (!kolonner.containsKey(String.valueOf(key))) {
          feil.add(rad + "feltet «" + key + "» finnes ikke i skjemaet.");
        }
      }
      for (Skjemafelt u : f.underfelt()) {
        sjekk(u, celler.get(u.key()), rad, feil);
      }
    }
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
