package no.vareunge;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Flow-node coverage for the process tests (report under target/process-test-coverage). */
@TestConfiguration
@Import(ProcessEngineCoverageConfiguration.class)
class TestKonfigurasjon {

  /**
   * The coverage listener is registered for every Spring test class; only the scenario tests of
   * the lifecycle are measured, and they must cover every flow node and every sequence flow.
   */
  @Bean
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .addInclusionPatternForTestClasses("no\\.vareunge\\.arbeidspakke\\.ArbeidspakkeProsessTest")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
