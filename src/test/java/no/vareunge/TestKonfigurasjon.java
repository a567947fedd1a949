package no.vareunge;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Flow-node coverage for the process tests (report under target/process-test-coverage). */
@TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
class TestKonfigurasjon {

  /**
   * The coverage listener is registered for every Spring test class; only the scenario tests of
   * the lifecycle, of the onboarding of a kommune and of the board report are measured, and each
   * must cover every flow node and every sequence flow of the processes it runs.
   *
   * <p>The pattern is a Spring {@code PatternMatchUtils.simpleMatch} pattern (only {@code *} is
   * special), not a regular expression. {@code @Primary} because the imported configuration
   * registers its own default properties as well (its {@code @ConditionalOnMissingBean} is
   * evaluated before this bean exists), and the listener would otherwise fall back to the
   * defaults: every class measured, nothing asserted.
   */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .addInclusionPatternForTestClasses("no.vareunge.arbeidspakke.ArbeidspakkeProsessTest")
        .addInclusionPatternForTestClasses("no.vareunge.innfasing.InnfasingKommuneProsessTest")
        .addInclusionPatternForTestClasses("no.vareunge.rapportering.StyrerapportProsessTest")
        .assertClassCoverageAtLeast(1.0)
        // Notifications (process varsling) are started by every task; they have tests of their own.
        .excludeProcessDefinitionKeys("varsling")
        .build();
  }

  /**
   * The engine's coverage listener gets a collector only when a measured class starts; until
   * then it would fail every process step of the other test classes ("Coverage state must be
   * initialized"). Give it one that ignores the events.
   */
  @Bean
  InitializingBean dekningUtenforScenariotestene(ProcessEngine engine) {
    return () -> new ProcessEngineAdapter(engine, hendelse -> { }).initializeListeners();
  }

  /** The application sends its e-mail to the suite's GreenMail server ({@link TestEpost}). */
  @Bean
  DynamicPropertyRegistrar epostTilTestserveren() {
    return egenskaper -> egenskaper.add("spring.mail.port", TestEpost::port);
  }

  /** The kommune's accounts sign in at the suite's identity provider ({@link TestIdp}). */
  @Bean
  DynamicPropertyRegistrar innloggingHosTestleverandoren() {
    return egenskaper -> {
      egenskaper.add("spring.security.oauth2.client.provider.kommune.issuer-uri", TestIdp::utsteder);
      egenskaper.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIdp::utsteder);
    };
  }
}
