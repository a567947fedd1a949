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

  /** The task in Tasklist, e.g. {@code http://localhost:8080/camunda/app/tasklist/default/#/?task=<id>}. */
  public String oppgavelenke(String oppgaveId) {
    return tasklist() + "#/?task=" + oppgaveId;
  }

  public String tasklist() {
    return baseUrl.replaceAll("/+$", "") + "/camunda/app/tasklist/default/";
  }

  public String getBaseUrl() { return baseUrl; }
  public void setBaseUrl(String v) { baseUrl = v; }
  public String getAvsender() { return avsender; }
  public void setAvsender(String v) { avsender = v; }
}
