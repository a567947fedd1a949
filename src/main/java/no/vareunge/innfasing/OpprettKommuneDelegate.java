package no.vareunge.innfasing;

import no.vareunge.utrulling.Modelldeployering;
import static no.vareunge.innfasing.InnfasingVariabler.LOKAL_LEDER;

import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import java.util.ArrayList;
import java.util.List;
import no.vareunge.innfasing.InnfasingVariabler.Styremedlem;
import no.vareunge.tilgang.Brukersynlighet;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Opprett kommunen (the last step of {@code innfasing-kommune}, run by the job executor without
 * the programleder's login): the kommune goes into the register, gets its tenant, groups and
 * authorizations, the board and the lokal leder join their groups, and the models are deployed
 * again so that the proposal form lists the new kommune. All in one transaction: if any part
 * fails, nothing is created and the job is retried.
 */
@Component
public class OpprettKommuneDelegate implements JavaDelegate {

  private final KommuneRegister kommuner;
  private final Tilgangsoppsett tilgang;
  private final Modelldeployering modeller;
  private final Brukersynlighet synlighet;

  public OpprettKommuneDelegate(KommuneRegister kommuner, Tilgangsoppsett tilgang, Modelldeployering modeller,
      Brukersynlighet synlighet) {
    this.kommuner = kommuner;
    this.tilgang = tilgang;
    this.modeller = modeller;
    this.synlighet = synlighet;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Kommune kommune = InnfasingVariabler.kommune(execution);
    try {
      kommuner.opprett(kommune);
    } catch (DuplicateKeyException e) {
      // Another onboarding of the same kommune finished first; the start form checked it earlier.
      throw new ProcessEngineException("Kommunen «" + kommune.id() + "» eller koden «" + kommune.kode()
          + "» finnes allerede i kommuneregisteret.", e);
    }
    tilgang.opprettKommune(kommune);
    // Distinct: a membership created a moment ago is not yet found in the same transaction.
    List<String> styret = InnfasingVariabler.styremedlemmer(execution).stream().map(Styremedlem::brukernavn)
        .distinct().toList();
    styret.forEach(bruker -> tilgang.leggTilMedlem(bruker, Tilgangsoppsett.styre(kommune.id())));
    String leder = LOKAL_LEDER.from(execution).get();
    tilgang.leggTilMedlem(leder, Tilgangsoppsett.leder(kommune.id()));
    List<String> nye = new ArrayList<>(styret);
    nye.add(leder);
    synlighet.oppdater(kommune, nye);
    modeller.rullUt();
  }
}
