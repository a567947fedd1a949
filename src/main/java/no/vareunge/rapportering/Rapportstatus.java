package no.vareunge.rapportering;

/** Where a board report stands (column {@code styrerapport.status}). */
public enum Rapportstatus {
  /** Assembled, waiting for programleder's approval (also after «lag ny»). */
  UTKAST,
  GODKJENT,
  /** Sent to eierstyret by e-mail. */
  SENDT,
  /** Done: downloadable, and the start of the next report's period. */
  ARKIVERT
}
