package no.vareunge.portefolje;

import no.vareunge.tilgang.Kommuneutvalg;
import java.util.List;
import no.vareunge.api.Parametre;
import no.vareunge.api.Problem;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * The kommuner an API request reads: the logged-in user's, narrowed to the {@code kommune}
 * parameter when it is given. An unknown kommune is a 400; a kommune the user may not see is a
 * 403 (rather than an empty answer, so that a mistyped or forbidden filter is never taken for
 * "no packages").
 */
@Component
class Kommunefilter {

  private final ProcessEngine engine;
  private final KommuneRegister kommuner;

  Kommunefilter(ProcessEngine engine, KommuneRegister kommuner) {
    this.engine = engine;
    this.kommuner = kommuner;
  }

  Kommuneutvalg innlogget() {
    return Kommuneutvalg.forInnlogget(engine);
  }

  Kommuneutvalg utvalg(String kommuneparameter) {
    Kommuneutvalg innlogget = innlogget();
    String kommune = Parametre.tekst("kommune", kommuneparameter, 40);
    if (kommune == null) {
      return innlogget;
    }
    if (kommuner.finn(kommune).isEmpty()) {
      throw Problem.ugyldig("Ukjent kommune «" + kommune + "».");
    }
    if (!innlogget.ser(kommune)) {
      throw Problem.ingenTilgang("Du har ikke tilgang til kommunen «" + kommune + "».");
    }
    return Kommuneutvalg.bare(List.of(kommune));
  }
}
