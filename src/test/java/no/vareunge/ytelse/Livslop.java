package no.vareunge.ytelse;

import static no.vareunge.arbeidspakke.Skjemasvar.evaluering;
import static no.vareunge.arbeidspakke.Skjemasvar.fremdriftsrapport;
import static no.vareunge.arbeidspakke.Skjemasvar.gevinstoppfolging;
import static no.vareunge.arbeidspakke.Skjemasvar.overforingTilDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.styrevedtak;
import static no.vareunge.arbeidspakke.Skjemasvar.videreDriftDrift;
import static no.vareunge.arbeidspakke.Skjemasvar.vurdering;

import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * One full lifecycle along the board's path, as the users do it: proposal, assessment, board
 * decision, one progress report, evaluation, decision on drift, hand-over and benefits follow-up
 * (seven user tasks, three timers run when they fall due). The same steps drive {@code arbeidspakke}
 * and the baseline, which has the same task ids.
 */
final class Livslop {

  private Livslop() {}

  /** Runs the lifecycle in {@code kommune}; the engine clock is moved forward and reset afterwards. */
  static ProcessInstance styretsVei(ArbeidspakkeDriver driver, String kommune) {
    Map<String, Object> forslag = Forslag.gyldig();
    forslag.put("kommune", kommune);
    forslag.put("pilotvarighetMnd", 6);
    String innsender = "ap." + kommune;
    String leder = "leder." + kommune;
    String styre = "styre." + kommune;
    try {
      ProcessInstance ap = driver.startForslag(innsender, forslag);
      driver.fullfor(ap, "Task_VurderForslag", leder, vurdering("komplett"));
      driver.fullfor(ap, "Task_Styrebehandling", styre, styrevedtak("godkjent", "7/30", "2030-01-29"));
      driver.utforJobbNarDenForfaller(ap, "StartEvent_Rapportsyklus");
      driver.fullfor(ap, "Task_Fremdriftsrapport", innsender, fremdriftsrapport("gronn", 20000, false));
      driver.utforJobbNarDenForfaller(ap, "Timer_PilotSlutt");
      driver.fullfor(ap, "Task_Evaluering", innsender, evaluering("drift"));
      driver.fullfor(ap, "Task_BeslutningVidereDrift", styre, videreDriftDrift("31/30", "kommune", 350000));
      driver.fullfor(ap, "Task_OverforingTilDrift", leder, overforingTilDrift());
      driver.utforJobbNarDenForfaller(ap, "Timer_Gevinstoppfolging");
      driver.fullfor(ap, "Task_Gevinstoppfolging", leder, gevinstoppfolging());
      return ap;
    } finally {
      ClockUtil.reset();
    }
  }
}
