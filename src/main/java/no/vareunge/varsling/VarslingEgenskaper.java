package no.vareunge.varsling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code vareunge.varsling.*} in application.yaml; the mail server itself is {@code spring.mail.*}. */
@Component
@ConfigurationProperties(prefix = "vareunge.varsling")
public class VarslingEgenskaper {

  /** Where people reach the application; the links in the e-mails start with it. */
  private String baseUrl = "http://localhost:8080";
  /** The sender of every e-mail. */
  private String avsender = "Våre unge <ikke-svar@vareunge.no>";

  /** The task's page, e.g. {@code http://localhost:8080/oppgaver/<id>}. */
  public String oppgavelenke(String oppgaveId) {
    return oppgaveliste() + "/" + oppgaveId;
  }

  /** «Mine oppgaver», e.g. {@code http://localhost:8080/oppgaver}. */
  public String oppgaveliste() {
    return baseUrl.replaceAll("/+$", "") + "/oppgaver";
  }

  public String getBaseUrl() { return baseUrl; }
  public void setBaseUrl(String v) { baseUrl = v; }
  public String getAvsender() { return avsender; }
  public void setAvsender(String v) { avsender = v; }
}
