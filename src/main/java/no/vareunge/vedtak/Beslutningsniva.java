package no.vareunge.vedtak;

import no.vareunge.tilgang.Tilgangsoppsett;

/** Who decides a work package; the values of DMN {@code beslutningsniva}. */
public enum Beslutningsniva {
  LOKAL_LEDER("Lokal leder"),
  LOKALT_STYRE("Lokalt styre"),
  EIERSTYRE("Eierstyret");

  private final String visningsnavn;

  Beslutningsniva(String visningsnavn) {
    this.visningsnavn = visningsnavn;
  }

  public String visningsnavn() {
    return visningsnavn;
  }

  /** The candidate group that decides at this level for a package of {@code kommune}. */
  public String gruppe(String kommune) {
    return switch (this) {
      case LOKAL_LEDER -> Tilgangsoppsett.leder(kommune);
      case LOKALT_STYRE -> Tilgangsoppsett.styre(kommune);
      case EIERSTYRE -> Tilgangsoppsett.EIERSTYRE;
    };
  }
}
