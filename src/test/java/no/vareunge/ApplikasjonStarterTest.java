package no.vareunge;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@VareungeTest
class ApplikasjonStarterTest {

  @Autowired RepositoryService repository;
  @Autowired FormService forms;

  @Test
  void prosessBeslutningstabellOgSkjemaerErDeployert() {
    var prosess = repository.createProcessDefinitionQuery().processDefinitionKey("arbeidspakke").latestVersion()
        .singleResult();
    assertThat(prosess).isNotNull();
    // latest: every new kommune deploys all models again (Modelldeployering)
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("beslutningsniva").latestVersion()
        .count())
        .isEqualTo(1);
    assertThat(forms.getDeployedStartForm(prosess.getId())).isNotNull();
  }
}
