package no.vareunge.tilgang;

/**
 * A process whose instances belong to a kommune: the tenant is the start variable
 * {@value #VARIABEL}. Declared as a bean by the feature that owns the process, so that access
 * knows the processes without knowing the features.
 *
 * @param prosess the process definition key
 * @param bareMedlemmer whether a user who starts it must belong to the kommune (a proposal); a
 *     process the system starts on a package's behalf (a notification) takes the kommune as given,
 *     and is shared when it has none
 */
public record Kommuneprosess(String prosess, boolean bareMedlemmer) {

  /** The start variable that names the kommune, the tenant's id. */
  public static final String VARIABEL = "kommune";
}
