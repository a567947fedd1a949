package no.vareunge.api;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Norwegian messages for the errors Spring MVC itself finds in a request (its own are English). */
final class Feilmeldinger {

  private Feilmeldinger() {}

  static String melding(Exception feil, HttpStatusCode status) {
    if (feil instanceof HttpRequestMethodNotSupportedException e) {
      return "Metoden " + kort(e.getMethod()) + " kan ikke brukes på denne adressen."
          + (e.getSupportedMethods() == null ? "" : " Tillatt: " + String.join(", ", e.getSupportedMethods()) + ".");
    }
    if (feil instanceof HttpMediaTypeNotSupportedException e) {
      return e.getContentType() == null
          ? "Innholdstypen mangler. Send JSON med Content-Type: application/json."
          : "Innholdstypen «" + kort(e.getContentType().toString()) + "» støttes ikke. Send JSON med "
              + "Content-Type: application/json.";
    }
    if (feil instanceof HttpMediaTypeNotAcceptableException) {
      return "Svaret kan bare leveres som JSON (application/json).";
    }
    if (feil instanceof MissingServletRequestParameterException e) {
      return "Parameteren «" + e.getParameterName() + "» mangler.";
    }
    if (feil instanceof TypeMismatchException e) {
      return typefeil(e);
    }
    if (feil instanceof HttpMessageNotReadableException e) {
      return e.getMessage() != null && e.getMessage().startsWith("Required request body")
          ? "Forespørselen mangler innhold. Send et JSON-objekt."
          : "Innholdet er ikke gyldig JSON, eller har feil form.";
    }
    if (feil instanceof NoResourceFoundException e) {
      return "Det finnes ingenting på adressen /" + kort(e.getResourcePath()) + ".";
    }
    if (feil instanceof NoHandlerFoundException e) {
      return "Det finnes ingenting på adressen " + kort(e.getRequestURL()) + ".";
    }
    return status.is5xxServerError()
        ? "Noe gikk galt på serveren. Feilen er logget; prøv igjen senere."
        : "Forespørselen kan ikke behandles (HTTP " + status.value() + ").";
  }

  private static String typefeil(TypeMismatchException e) {
    String navn = e.getPropertyName() == null ? "verdien" : e.getPropertyName();
    String verdi = kort(String.valueOf(e.getValue()));
    Class<?> type = e.getRequiredType();
    if (type != null && type.isEnum()) {
      return "Ugyldig verdi «" + verdi + "» for «" + navn + "». Gyldige verdier: "
          + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")) + ".";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "«" + navn + "» må være et helt tall (var «" + verdi + "»).";
    }
    return "Ugyldig verdi «" + verdi + "» for «" + navn + "».";
  }

  /** A value from the request, shortened: the message repeats it, never a megabyte of it. */
  static String kort(String verdi) {
    return verdi == null || verdi.length() <= 60 ? verdi : verdi.substring(0, 60) + "…";
  }
}
