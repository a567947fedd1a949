package no.vareunge.tilgang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.vareunge.ProgramstyringApplication;
import no.vareunge.VareungeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Demo users only in the demo profile; production refuses to start without a real admin password. */
@VareungeTest
@ExtendWith(OutputCaptureExtension.class)
class ProfilTest {

  @Autowired IdentityService identity;

  @Test
  void utenDemoprofilenFinnesIngenDemobrukere() {
    // The test profile is not the demo profile: none of the README's demo users exist.
    for (String demobruker : new String[] {"demo", "ap.sandefjord", "leder.tonsberg", "styre.faerder"}) {
      assertThat(identity.createUserQuery().userId(demobruker).count()).as(demobruker).isZero();
    }
    // ... but the groups and kommuner do: they are structure, not demo data.
    assertThat(identity.createGroupQuery().groupId("styre-faerder").count()).isEqualTo(1);
    assertThat(identity.createTenantQuery().tenantId("faerder").count()).isEqualTo(1);
  }

  @Test
  void prodStarterIkkeUtenAdministratorpassord() {
    assertThatThrownBy(() -> start("prod"))
        .hasStackTraceContaining("Produksjon krever et administratorpassord: sett VAREUNGE_ADMIN_PASSORD.");
  }

  @Test
  void prodStarterIkkeMedEtKjentStandardpassord(CapturedOutput logg) {
    assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.password=demo"))
        .hasStackTraceContaining("for svakt eller et kjent standardpassord");
    assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.password=Kort123"))
        .hasStackTraceContaining("minst 12 tegn");
    assertThat(logg.getAll()).doesNotContain("Kort123");
  }

  @Test
  void prodOgDemoKanIkkeKombineres() {
    assertThatThrownBy(() -> start("prod,demo", "--camunda.bpm.admin-user.password=et-langt-og-godt-passord"))
        .hasStackTraceContaining("Profilene prod og demo kan ikke brukes sammen");
  }

  @Test
  void prodGodtarEtSterktPassord() {
    MockEnvironment miljo = new MockEnvironment()
        .withProperty(Produksjonskontroll.PASSORD, "Fjordlys-og-brygger-2026");
    miljo.setActiveProfiles("prod");
    new Produksjonskontroll().postProcessEnvironment(miljo, null);
    // Without the prod profile nothing is demanded.
    new Produksjonskontroll().postProcessEnvironment(new MockEnvironment(), null);
  }

  @Test
  void prodMedKommunensKontoerStarterIkkeHalvveisSattOpp() {
    assertThatThrownBy(() -> start("prod,oidc"))
        .hasStackTraceContaining("spring.security.oauth2.client.provider.kommune.issuer-uri mangler (miljøvariabelen "
            + "VAREUNGE_OIDC_UTSTEDER)");
    assertThatThrownBy(() -> start("prod,oidc", "--VAREUNGE_OIDC_UTSTEDER=https://login.microsoftonline.com/t/v2.0",
        "--VAREUNGE_OIDC_KLIENT_ID=klient"))
        .hasStackTraceContaining("VAREUNGE_OIDC_KLIENT_HEMMELIGHET");
    assertThatThrownBy(() -> start("prod,oidc", "--VAREUNGE_OIDC_UTSTEDER=https://login.microsoftonline.com/t/v2.0",
        "--VAREUNGE_OIDC_KLIENT_ID=klient", "--VAREUNGE_OIDC_KLIENT_HEMMELIGHET=hemmelig"))
        .hasStackTraceContaining("ingen kobling fra kravet til programmets grupper");
  }

  @Test
  void prodMedKommunensKontoerHarIngenLokalePassord() {
    MockEnvironment miljo = new MockEnvironment()
        .withProperty("spring.security.oauth2.client.provider.kommune.issuer-uri", "https://idp.test")
        .withProperty("spring.security.oauth2.client.registration.kommune.client-id", "klient")
        .withProperty("spring.security.oauth2.client.registration.kommune.client-secret", "hemmelig")
        .withProperty("spring.security.oauth2.resourceserver.jwt.audiences", "klient")
        .withProperty("vareunge.innlogging.oidc.roller.gruppe-id.grupper[0]", "styre-larvik")
        .withProperty(Produksjonskontroll.LOKALE_BRUKERE, "true");
    miljo.setActiveProfiles("prod", "oidc");
    new Produksjonskontroll().postProcessEnvironment(miljo, null);
    assertThat(miljo.getProperty(Produksjonskontroll.LOKALE_BRUKERE, Boolean.class)).isFalse();
  }

  /** A start that is refused before any bean exists: no second engine, no database. */
  private static void start(String profiler, String... argumenter) {
    new SpringApplicationBuilder(ProgramstyringApplication.class)
        .profiles(profiler.split(","))
        .run(argumenter)
        .close();
  }
}
