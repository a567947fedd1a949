package no.vareunge.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of the application's own API under {@code /api}: a {@link RestController} whose
 * errors are answered as Norwegian problem details by {@link ApiFeilhandtering}. Other
 * controllers (web pages) keep Spring's own error handling.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface DomeneApi {}
