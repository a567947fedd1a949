package no.vareunge.rapportering;

import no.vareunge.arbeidspakke.Pilotstatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.vareunge.arbeidspakke.Fase;
import no.vareunge.portefolje.ApenOppgave;
import no.vareunge.portefolje.Arbeidspakkerad;
import no.vareunge.portefolje.Fasetelling;
import no.vareunge.tilgang.Kommuneutvalg;
import no.vareunge.portefolje.Oppgaveoversikt;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.portefolje.Vedtakspost;
import no.vareunge.vedtak.Beslutningspunkt;
import org.springframework.stereotype.Component;

/**
 * Assembles the figures of a board report from the portfolio's read model (never the engine's
 * history), for every kommune in the register, also those without packages. The report is the
 * system's, so it reads all kommuner ({@link Kommuneutvalg#ALLE}).
 */
@Component
public class Sammenstilling {

  /** Far more than a month brings; the report lists them all. */
  static final int MAKS = 10_000;
  private static final Set<String> BESLUTNINGSOPPGAVER = Arrays.stream(Beslutningspunkt.values())
      .map(Beslutningspunkt::oppgave).collect(Collectors.toSet());

  private final Portefolje portefolje;
  private final Oppgaveoversikt oppgaver;

  public Sammenstilling(Portefolje portefolje, Oppgaveoversikt oppgaver) {
    this.portefolje = portefolje;
    this.oppgaver = oppgaver;
  }

  /**
   * The figures now; decisions of the period [{@code fra}, {@code til}), so that each decision is
   * in exactly one report ({@code fra} null: since the start).
   */
  public Rapporttall sammenstill(Date fra, Date til) {
    Kommuneutvalg alle = Kommuneutvalg.ALLE;
    Map<String, List<Fasetelling>> faser = portefolje.perKommuneOgFase(alle).stream()
        .collect(Collectors.groupingBy(Fasetelling::kommune));
    Map<String, List<Vedtakspost>> vedtak = portefolje.vedtak(alle, fra, MAKS).stream()
        .filter(v -> v.tidspunkt().before(til))
        .collect(Collectors.groupingBy(Vedtakspost::kommune));
    Map<String, List<Rapporttall.Pilot>> piloter = portefolje.piloterMedStatus(alle, Pilotstatus.AVVIK).stream()
        .collect(Collectors.groupingBy(Arbeidspakkerad::kommune, Collectors.mapping(
            p -> new Rapporttall.Pilot(p.referanse(), p.tittel(), p.pilotstatus(), p.sisteRapport()),
            Collectors.toList())));
    Map<String, List<Rapporttall.ForfaltBeslutning>> forfalte = oppgaver.forfalte(alle, MAKS).stream()
        .filter(o -> BESLUTNINGSOPPGAVER.contains(o.aktivitet()) && o.kommune() != null)
        .collect(Collectors.groupingBy(ApenOppgave::kommune, Collectors.mapping(
            o -> new Rapporttall.ForfaltBeslutning(o.referanse(), o.tittel(), o.navn(), o.frist()),
            Collectors.toList())));
    List<Rapporttall.Kommunetall> kommuner = portefolje.okonomiPerKommune(alle).stream()
        .map(k -> new Rapporttall.Kommunetall(k.kommune(), k.kommunenavn(),
            perFase(faser.getOrDefault(k.kommune(), List.of())),
            vedtak.getOrDefault(k.kommune(), List.of()).stream()
                .sorted(Comparator.comparing(Vedtakspost::tidspunkt)).toList(),
            piloter.getOrDefault(k.kommune(), List.of()),
            forfalte.getOrDefault(k.kommune(), List.of()),
            k.budsjett(), k.bevilget(), k.forbrukt()))
        .toList();
    return new Rapporttall(fra, til, kommuner);
  }

  private static Map<Fase, Long> perFase(List<Fasetelling> tellinger) {
    Map<Fase, Long> perFase = new EnumMap<>(Fase.class);
    tellinger.forEach(t -> perFase.put(t.fase(), t.antall()));
    return perFase;
  }
}
