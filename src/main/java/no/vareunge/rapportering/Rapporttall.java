package no.vareunge.rapportering;

import no.vareunge.arbeidspakke.Pilotstatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.portefolje.Vedtakspost;

/**
 * The figures of one board report, per kommune, as assembled by {@link Sammenstilling} and kept
 * as JSON in the report's row: the approval, the spreadsheet and the PDF show the same figures.
 * The totals are always the sums over the kommuner.
 */
public record Rapporttall(Date periodeFra, Date periodeTil, List<Kommunetall> kommuner) {

  /** The phases in the order of the lifecycle, as the report's columns. */
  public static final List<Fase> FASER = List.of(Fase.values());

  /** One kommune's figures. */
  public record Kommunetall(
      String kommune,
      String kommunenavn,
      Map<Fase, Long> perFase,
      List<Vedtakspost> nyeVedtak,
      List<Pilot> piloter,
      List<ForfaltBeslutning> forfalteBeslutninger,
      BigDecimal budsjett,
      BigDecimal bevilget,
      BigDecimal forbrukt) {

    public long antall(Fase fase) {
      return perFase.getOrDefault(fase, 0L);
    }

    public long antallPakker() {
      return perFase.values().stream().mapToLong(Long::longValue).sum();
    }

    public long antallPiloter(Pilotstatus status) {
      return piloter.stream().filter(p -> status.verdi().equals(p.status())).count();
    }
  }

  /** A running pilot whose latest progress report is red or yellow. */
  public record Pilot(String referanse, String tittel, String status, Date sisteRapport) {}

  /** A decision task past its due date. */
  public record ForfaltBeslutning(String referanse, String tittel, String oppgave, Date frist) {}

  public long sum(ToLongFunction<Kommunetall> tall) {
    return kommuner.stream().mapToLong(tall).sum();
  }

  public BigDecimal sumBelop(Function<Kommunetall, BigDecimal> belop) {
    return kommuner.stream().map(belop).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The key figures in words, as the PDF, the approval form and the e-mail show them. */
  public List<String> nokkeltall() {
    return List.of(
        "Arbeidspakker i alt: " + sum(Kommunetall::antallPakker),
        "Nye vedtak i perioden: " + sum(k -> k.nyeVedtak().size()),
        "Piloter med rød status: " + sum(k -> k.antallPiloter(Pilotstatus.ROD)) + ", med gul status: "
            + sum(k -> k.antallPiloter(Pilotstatus.GUL)),
        "Forfalte beslutninger: " + sum(k -> k.forfalteBeslutninger().size()),
        "Budsjett: " + kroner(sumBelop(Kommunetall::budsjett)) + " kr, bevilget: "
            + kroner(sumBelop(Kommunetall::bevilget)) + " kr, forbrukt: " + kroner(sumBelop(Kommunetall::forbrukt))
            + " kr");
  }

  /** «1 250 000», with a plain space, as in Norwegian print. */
  public static String kroner(BigDecimal belop) {
    DecimalFormatSymbols tegn = DecimalFormatSymbols.getInstance(Locale.ROOT);
    tegn.setGroupingSeparator(' ');
    return new DecimalFormat("#,##0", tegn).format(belop == null ? BigDecimal.ZERO
        : belop.setScale(0, RoundingMode.HALF_UP));
  }

  public String periode() {
    return Styrerapport.periodetekst(periodeFra, periodeTil);
  }
}
