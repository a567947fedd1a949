package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.vareunge.TestIdp;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole authorization matrix again, with the APIs called with bearer tokens of the kommune's
 * identity provider instead of HTTP Basic: each user of the matrix is a token user whose groups and
 * kommuner come only from the token's claim (app roles named as the groups, {@code kommune.<id>}),
 * mapped by the application; the same cells must be allowed and refused. The one difference is by
 * design: a token that gives none of the program's groups is refused at the door (403) wherever it
 * is used, where a local user without groups gets in and sees nothing.
 */
class TilgangsmatriseMedTokenHttpTest extends TilgangsmatriseHttpTest {

  /** The matrix's tests of passwords and of the session (web apps, work pages), which tokens do not change. */
  private static final Set<String> UTEN_TOKEN = Set.of("loggeInnIWebapp", "arbeidsside", "feilPassordTilCockpit", "webappApiUtenOkt",
      "fullfortOppgaveIAnnenKommune", "helseErApen", "feilPassordOverRest", "innloggingBremsesPerKilde");

  @RegisterExtension
  static final ExecutionCondition BARE_TOKENCELLENE = kontekst -> {
    if (kontekst.getTestMethod().map(m -> UTEN_TOKEN.contains(m.getName())).orElse(false)) {
      return ConditionEvaluationResult.disabled("uten token: kjøres i TilgangsmatriseHttpTest");
    }
    return kontekst.getDisplayName().startsWith(INGEN_GRUPPE + " ·")
        ? ConditionEvaluationResult.disabled("et token uten gruppe avvises i døren (tokenUtenGruppeAvvisesOveralt)")
        : ConditionEvaluationResult.enabled("");
  };

  @Autowired IdentityService identitet;
  @LocalServerPort int port;

  @Override
  String innlogging(String bruker) {
    List<String> roller = new ArrayList<>();
    identitet.createGroupQuery().groupMember(bruker).list().stream().map(Group::getId).forEach(roller::add);
    identitet.createTenantQuery().userMember(bruker).list().stream().map(Tenant::getId)
        .forEach(k -> roller.add("kommune." + k));
    return "Bearer " + TestIdp.token(bruker, Map.of(TestIdp.GRUPPER, roller));
  }

  @Test
  void tokenUtenGruppeAvvisesOveralt() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String token = innlogging(INGEN_GRUPPE);
    for (String[] kall : List.of(new String[] {"GET", "/api/arbeidspakker"}, new String[] {"GET", "/api/oppgaver/forfalte"},
        new String[] {"GET", "/engine-rest/task"}, new String[] {"GET", "/engine-rest/process-instance"},
        new String[] {"POST", "/engine-rest/process-definition/key/arbeidspakke/submit-form"})) {
      HttpResponse<String> svar = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + kall[1]))
          .header("Authorization", token).header("Content-Type", "application/json")
          .method(kall[0], HttpRequest.BodyPublishers.ofString(kall[0].equals("GET") ? "" : "{}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(svar.statusCode()).as(kall[1]).isEqualTo(403);
      assertThat(svar.body()).contains("Du har ikke tilgang");
    }
  }
}
