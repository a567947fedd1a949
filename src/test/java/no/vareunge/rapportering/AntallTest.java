package no.vareunge.rapportering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AntallTest {

  @Test
  void entallBareForEn() {
    assertThat(Antall.av(1, "forfalt beslutning", "forfalte beslutninger")).isEqualTo("1 forfalt beslutning");
    assertThat(Antall.av(0, "rød pilot", "røde piloter")).isEqualTo("0 røde piloter");
    assertThat(Antall.av(2, "rød pilot", "røde piloter")).isEqualTo("2 røde piloter");
    assertThat(Antall.ord(1, "pilot", "piloter")).isEqualTo("pilot");
    assertThat(Antall.ord(11, "pilot", "piloter")).isEqualTo("piloter");
  }
}
