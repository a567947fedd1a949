package no.vareunge;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test context of the suite: the whole application on a random port, an
 * in-memory database (or PostgreSQL, see {@link Testprofiler}), metrics exported as in
 * production, and no job executor (tests run jobs and move the engine clock themselves).
 * Every Spring test uses exactly this annotation and nothing that would change the context
 * (no @MockBean, no extra properties): a second context would start a second engine under the
 * same name, which the REST API could then pick by mistake.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ActiveProfiles(resolver = Testprofiler.class)
@Import({TestKonfigurasjon.class, PostgresTestdatabase.class})
public @interface VareungeTest {}
