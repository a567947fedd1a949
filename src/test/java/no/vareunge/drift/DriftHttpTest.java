package no.vareunge.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import no.vareunge.Forslag;
import no.vareunge.RestKlient;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health is open for the load balancer; the metrics need a login and count per kommune. */
@VareungeTest
class DriftHttpTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void helsesjekkenErApenOgSierIkkeMerEnnStatus() throws Exception {
    HttpResponse<String> svar = hent("/actuator/health", null);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(svar.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void metrikkeneErForDriftOgTellerApneOppgaverPerKommune() throws Exception {
    assertThat(hent("/actuator/prometheus", null).statusCode()).isEqualTo(401);

    TestBrukere.opprett(identity);
    // Every kommune's figures and the pool's internals: not for the program's roles.
    for (String bruker : List.of(TestBrukere.PROGRAMLEDER, TestBrukere.EIERSTYRET, TestBrukere.LEDER_LARVIK,
        TestBrukere.STYRE_HORTEN, TestBrukere.AP_LARVIK, TestBrukere.UNGDOM)) {
      HttpResponse<String> avvist = hent("/actuator/prometheus", bruker);
      assertThat(avvist.statusCode()).as(bruker).isEqualTo(403);
      assertThat(avvist.body()).as(bruker).contains("bare for drift").doesNotContain("vareunge_oppgaver_apne")
          .doesNotContain("hikaricp");
    }
    assertThat(hent("/actuator/prometheus", TestBrukere.ADMIN).statusCode()).isEqualTo(200);
    long forHorten = apneOppgaver("horten");
    identity.setAuthentication(TestBrukere.AP_HORTEN, List.of("arbeidspakkeledere"), List.of("horten"));
    try {
      var forslag = Forslag.gyldig();
      forslag.put("kommune", "horten");
      runtime.startProcessInstanceByKey("arbeidspakke", forslag);
    } finally {
      identity.clearAuthentication();
    }

    HttpResponse<String> svar = hent("/actuator/prometheus", TestBrukere.DRIFT);
    assertThat(svar.statusCode()).isEqualTo(200);
    assertThat(svar.body())
        .contains("vareunge_oppgaver_apne{kommune=\"horten\"} " + (double) (forHorten + 1))
        .contains("vareunge_hendelser_apne ")
        .contains("vareunge_jobber_feilet ")
        .contains("vareunge_varsler_feilet ");
  }

  private long apneOppgaver(String kommune) {
    return tasks.createTaskQuery().tenantIdIn(kommune).count();
  }

  private HttpResponse<String> hent(String sti, String bruker) throws Exception {
    HttpRequest.Builder foresporsel = HttpRequest.newBuilder(URI.create("http://localhost:" + port + sti));
    if (bruker != null) {
      foresporsel.header("Authorization", RestKlient.basic(bruker, TestBrukere.PASSORD));
    }
    return http.send(foresporsel.build(), HttpResponse.BodyHandlers.ofString());
  }
}
