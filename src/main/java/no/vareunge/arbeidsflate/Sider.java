package no.vareunge.arbeidsflate;

import org.springframework.web.util.UriComponentsBuilder;

/** The addresses of the work pages, in one place (the templates build the same with {@code @{…}}). */
final class Sider {

  private Sider() {}

  static String pakke(String referanse) {
    return UriComponentsBuilder.fromPath("/arbeidspakker/{ref}").buildAndExpand(referanse).encode().toUriString();
  }
}
