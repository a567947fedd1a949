package no.vareunge.frister;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A schedule the engine cannot read stops the application at start-up, with a Norwegian message. */
class FristerTest {

  @Test
  void gyldigeTidsplanerGodtas() {
    for (String cron : new String[] {"0 0 7 1W * ?", "0 0 7 ? * MON#1", "0 30 6 1 1/3 ?"}) {
      Frister frister = new Frister();
      frister.setStyrerapport(cron);
      assertThatCode(frister::kontroller).as(cron).doesNotThrowAnyException();
    }
  }

  @Test
  void ugyldigTidsplanStopperOppstarten() {
    for (String cron : new String[] {"P1M", "hver måned", "0 0 25 1W * ?"}) {
      Frister frister = new Frister();
      frister.setStyrerapport(cron);
      assertThatThrownBy(frister::kontroller).as(cron).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("vareunge.frister.styrerapport må være et cron-uttrykk");
    }
  }
}
