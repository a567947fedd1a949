package no.vareunge;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The profiles of the test context: {@code test}, plus {@code postgres-test} when the suite runs
 * against PostgreSQL ({@code -Dvareunge.testdatabase=postgres}, as the failsafe run of
 * {@code ./mvnw verify} does), so the same tests prove the same behaviour on both databases.
 */
public class Testprofiler implements ActiveProfilesResolver {

  public static final String DATABASE = "vareunge.testdatabase";

  @Override
  public String[] resolve(Class<?> testClass) {
    return "postgres".equals(System.getProperty(DATABASE))
        ? new String[] {"test", "postgres-test"}
        : new String[] {"test"};
  }
}
