package no.vareunge.ytelse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latencies in milliseconds and their percentiles (nearest rank). */
record Fordeling(List<Double> ms) {

  static Fordeling av(List<Long> nanosekunder) {
    List<Double> ms = new ArrayList<>(nanosekunder.stream().map(n -> n / 1_000_000.0).toList());
    ms.sort(null);
    return new Fordeling(List.copyOf(ms));
  }

  double persentil(double p) {
    int rang = (int) Math.ceil(p / 100.0 * ms.size());
    return ms.get(Math.max(0, Math.min(ms.size() - 1, rang - 1)));
  }

  double median() {
    return persentil(50);
  }

  int antall() {
    return ms.size();
  }

  static String ms(double verdi) {
    return String.format(Locale.ROOT, verdi < 10 ? "%.2f" : verdi < 100 ? "%.1f" : "%.0f", verdi);
  }
}
