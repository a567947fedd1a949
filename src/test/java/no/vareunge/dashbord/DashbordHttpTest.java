package no.vareunge.dashbord;

import static no.vareunge.Testklokke.tidspunkt;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import no.vareunge.Forslag;
import no.vareunge.Nettokt;
import no.vareunge.TestBrukere;
import no.vareunge.VareungeTest;
import no.vareunge.arbeidspakke.ArbeidspakkeDriver;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import no.vareunge.portefolje.Fasetelling;
import no.vareunge.tilgang.Kommuneutvalg;
import no.vareunge.portefolje.Portefolje;
import no.vareunge.rapportering.StyrerapportDriver;
import no.vareunge.tilgang.Tilgangsoppsett;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The program overview over HTTP, as a browser uses it: its own login page (shared with the web
 * apps), and figures limited to the kommuner of whoever is logged in.
 */
@VareungeTest
class DashbordHttpTest {

  private static final Kommune SKIEN = new Kommune("skien", "Skien", "SKI");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired KommuneRegister register;
  @Autowired Tilgangsoppsett tilgang;
  @Autowired Portefolje portefolje;

  @BeforeEach
  void forbered() {
    TestBrukere.opprett(identity);
  }

  @AfterEach
  void rydd() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  @Test
  void utenInnloggingSendesManTilInnloggingssiden() throws Exception {
    HttpResponse<String> svar = new Nettokt(port).hent("/");

    assertThat(svar.statusCode()).isEqualTo(302);
    assertThat(svar.headers().firstValue("Location")).hasValueSatisfying(s -> assertThat(s).endsWith("/logginn"));
    HttpResponse<String> side = new Nettokt(port).hent("/logginn");
    assertThat(side.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(side.body()).select("label").eachText()).containsExactly("Brukernavn", "Passord");
  }

  @Test
  void feilPassordGirNorskMeldingOgIngenInnlogging() throws Exception {
    // A user of its own: the engine holds back the next login of a user after a wrong password.
    String bruker = bruker("feil.passord.dashbord");
    Nettokt okt = new Nettokt(port);

    HttpResponse<String> svar = okt.loggInn(bruker, "ikke-passordet");

    assertThat(svar.statusCode()).isEqualTo(401);
    assertThat(Jsoup.parse(svar.body()).select("[role=alert]").text()).startsWith("Feil brukernavn eller passord.");
    assertThat(okt.hent("/").statusCode()).isEqualTo(302);
  }

  @Test
  void innloggingUtenSkjemaetsTokenAvvises() throws Exception {
    Nettokt okt = new Nettokt(port);
    okt.hent("/logginn");

    HttpResponse<String> svar = okt.send("/logginn",
        Map.of("brukernavn", TestBrukere.PROGRAMLEDER, "passord", TestBrukere.PASSORD, "_csrf", "0".repeat(64)));

    // Spring Security's CSRF check: refused, and the login page says why.
    assertThat(svar.statusCode()).isEqualTo(302);
    assertThat(svar.headers().firstValue("Location")).hasValueSatisfying(s -> assertThat(s).endsWith("/logginn?utlopt"));
    assertThat(Jsoup.parse(okt.hent("/logginn?utlopt").body()).select("[role=alert]").text())
        .contains("Prøv å logge inn igjen");
    assertThat(okt.hent("/").statusCode()).isEqualTo(302);
  }

  @Test
  void programlederSerTalleneForEnKommuneOgHeleProgrammet() throws Exception {
    Dashbordscenario s = Dashbordscenario.opprett(engine, register, tilgang, SKIEN, tidspunkt(2032, 5, 3));
    Nettokt okt = new Nettokt(port);
    assertThat(okt.loggInn(TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD).headers().firstValue("Location"))
        .hasValueSatisfying(s2 -> assertThat(s2).endsWith("/"));

    Document skien = side(okt, "/?kommune=skien");

    Element rad = skien.selectFirst("#fasetabell tr[data-kommune=skien]");
    assertThat(rad).isNotNull();
    assertThat(tall(rad, "VURDERING")).isEqualTo("1");
    assertThat(tall(rad, "BESLUTNING")).isEqualTo("1");
    assertThat(tall(rad, "PILOTERING")).isEqualTo("1");
    assertThat(tall(rad, "AVVIST")).isEqualTo("1");
    assertThat(tall(rad, "TOTALT")).isEqualTo("4");
    assertThat(skien.select("#fasetabell tbody tr")).hasSize(1);
    assertThat(skien.selectFirst("#tall-pakker .tall").text()).isEqualTo("4");
    assertThat(skien.selectFirst("#tall-pakker .detalj").text()).isEqualTo("3 i arbeid");
    assertThat(skien.selectFirst("#piloter [data-status=rod] strong").text()).isEqualTo("1");
    assertThat(skien.selectFirst("#piloter [data-status=gronn] strong").text()).isEqualTo("0");
    assertThat(skien.select("#piloter table tbody tr").text()).contains(s.pilot(), "Rød");
    assertThat(skien.selectFirst("#tall-forfalte .tall").text()).isEqualTo("2");
    assertThat(skien.select("#forfalte tbody tr").eachText())
        .anySatisfy(t -> assertThat(t).contains("Vurder forslag", s.tilVurdering(), "29 dager over"))
        .anySatisfy(t -> assertThat(t).contains("Styrebehandling", s.styresak(), "1 dag over"));
    assertThat(skien.select("#vedtak tbody tr").text()).contains(s.pilot(), "Godkjent", "Lokal leder");
    assertThat(skien.selectFirst("#okonomitabell tr[data-kommune=skien] [data-felt=bevilget]").wholeText())
        .isEqualTo("40\u00a0000\u00a0kr");
    assertThat(skien.selectFirst("#okonomitabell tr[data-kommune=skien] [data-felt=forbrukt]").wholeText())
        .isEqualTo("15\u00a0000\u00a0kr");
    assertThat(skien.select("#pakkeliste tbody tr").eachAttr("data-referanse"))
        .containsExactlyInAnyOrder(s.tilVurdering(), s.styresak(), s.pilot(), s.avvist());
    assertThat(skien.selectFirst("#antall-treff").text()).isEqualTo("4 arbeidspakker");
    // Links: the package's page, its open task's page, the running instance in Cockpit (programleder may use it).
    Element vurdering = skien.selectFirst("#pakkeliste tr[data-referanse=" + s.tilVurdering() + "]");
    assertThat(vurdering.select("a").eachAttr("href"))
        .anySatisfy(h -> assertThat(h).matches("/oppgaver/[0-9a-f-]+"))
        .anySatisfy(h -> assertThat(h).startsWith("/camunda/app/cockpit/default/#/process-instance/"))
        .contains("/arbeidspakker/" + s.tilVurdering());
    assertThat(skien.select("header nav a").eachText()).contains("Mine oppgaver", "Cockpit");
    assertThat(skien.select("#varsler")).isNotEmpty();

    // Search: text within the kommune, and phase.
    assertThat(side(okt, "/?kommune=skien&tekst=UNGDOMSLOS").select("#pakkeliste tbody tr").eachAttr("data-referanse"))
        .containsExactly(s.styresak());
    assertThat(side(okt, "/?kommune=skien&fase=AVVIST").select("#pakkeliste tbody tr").eachAttr("data-referanse"))
        .containsExactly(s.avvist());

    // The whole program: the same row for Skien, and the totals of the read model.
    Document alle = side(okt, "/");
    // The whole program has more phase columns (those of other kommuner); Skien's cells are the same.
    Element iHeleProgrammet = alle.selectFirst("#fasetabell tr[data-kommune=skien]");
    for (String fase : List.of("VURDERING", "BESLUTNING", "PILOTERING", "AVVIST", "TOTALT")) {
      assertThat(tall(iHeleProgrammet, fase)).as(fase).isEqualTo(tall(rad, fase));
    }
    long iAlt = portefolje.perKommuneOgFase(Kommuneutvalg.ALLE).stream().mapToLong(Fasetelling::antall).sum();
    assertThat(alle.selectFirst("#tall-pakker .tall").text()).isEqualTo(new Visning().tall(iAlt));
    assertThat(alle.select("#fasetabell tbody tr").eachAttr("data-kommune")).contains("larvik", "horten", "skien");
  }

  @Test
  void styremedlemILarvikSerBareLarviksArbeidspakker() throws Exception {
    ArbeidspakkeDriver driver = new ArbeidspakkeDriver(engine);
    Map<String, Object> larvik = Forslag.gyldig();
    larvik.put("tittel", "Dashbord: fritidsjobb i Larvik");
    String larviks = Dashbordscenario.referanse(engine, driver.startForslag(TestBrukere.AP_LARVIK, larvik));
    Map<String, Object> horten = Forslag.gyldig();
    horten.put("kommune", "horten");
    horten.put("tittel", "Dashbord: fritidsjobb i Horten");
    String hortens = Dashbordscenario.referanse(engine, driver.startForslag(TestBrukere.AP_HORTEN, horten));
    Nettokt okt = new Nettokt(port);
    okt.loggInn(TestBrukere.STYRE_LARVIK, TestBrukere.PASSORD);

    Document side = side(okt, "/?tekst=fritidsjobb");

    assertThat(side.select("#pakkeliste tbody tr").eachAttr("data-referanse")).contains(larviks).doesNotContain(hortens);
    assertThat(side.select("#pakkeliste tbody tr").eachAttr("data-kommune")).containsOnly("larvik");
    assertThat(side.body().text()).doesNotContain(hortens, "Horten");
    assertThat(side.select("#fasetabell tbody tr").eachAttr("data-kommune")).containsExactly("larvik");
    assertThat(side.select("#okonomitabell tbody tr").eachAttr("data-kommune")).containsExactly("larvik");
    // Another kommune in the address is not a way in.
    Document forsok = side(okt, "/?kommune=horten&tekst=fritidsjobb");
    assertThat(forsok.select("#pakkeliste tbody tr").eachAttr("data-kommune")).containsOnly("larvik");
    // Neither the notification log nor Cockpit for a local board.
    assertThat(side.select("#varsler")).isEmpty();
    assertThat(side.select("header nav a").eachText()).contains("Mine oppgaver").doesNotContain("Cockpit");
  }

  @Test
  void styrerapportenKanLastesNedFraOversikten() throws Exception {
    long id = new StyrerapportDriver(engine).helVeien(tidspunkt(2032, 9, 1));
    ClockUtil.reset();
    Nettokt eierstyret = new Nettokt(port);
    eierstyret.loggInn(TestBrukere.EIERSTYRET, TestBrukere.PASSORD);

    Element rad = side(eierstyret, "/").selectFirst("#rapporter tr[data-rapport=" + id + "]");

    assertThat(rad).isNotNull();
    assertThat(rad.select("a").eachAttr("href")).containsExactly("/api/rapporter/" + id + "/pdf",
        "/api/rapporter/" + id + "/xlsx");
    // The link works with the overview's login (no second login in the browser).
    HttpResponse<String> pdf = eierstyret.hent("/api/rapporter/" + id + "/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    Nettokt styre = new Nettokt(port);
    styre.loggInn(TestBrukere.STYRE_LARVIK, TestBrukere.PASSORD);
    assertThat(side(styre, "/").select("#rapporter")).isEmpty();
    assertThat(styre.hent("/api/rapporter/" + id + "/pdf").statusCode()).isEqualTo(403);
  }

  @Test
  void innloggingenGjelderOgsaWebappeneOgApietsLesing() throws Exception {
    Nettokt okt = new Nettokt(port);
    okt.loggInn(TestBrukere.PROGRAMLEDER, TestBrukere.PASSORD);

    HttpResponse<String> webapp = okt.hent("/camunda/api/admin/auth/user/default");
    assertThat(webapp.statusCode()).isEqualTo(200);
    assertThat(webapp.body()).contains("\"userId\":\"programleder\"").contains("cockpit");
    assertThat(okt.hent("/api/varsler?status=FEILET").statusCode()).isEqualTo(200);
    // Changing something with the session needs the page's CSRF token (or the request's own credentials).
    assertThat(okt.send("/api/varsler", Map.of()).statusCode()).isEqualTo(403);

    HttpResponse<String> ut = okt.send("/loggut", Map.of("_csrf", Nettokt.token(okt.hent("/").body())));

    assertThat(ut.headers().firstValue("Location")).hasValueSatisfying(s -> assertThat(s).endsWith("/logginn?utlogget"));
    assertThat(okt.hent("/").statusCode()).isEqualTo(302);
    assertThat(okt.hent("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
  }

  private static Document side(Nettokt okt, String sti) throws Exception {
    HttpResponse<String> svar = okt.hent(sti);
    assertThat(svar.statusCode()).as(sti).isEqualTo(200);
    return Jsoup.parse(svar.body());
  }

  private static String tall(Element rad, String fase) {
    Element celle = rad.selectFirst("[data-fase=" + fase + "]");
    assertThat(celle).as("kolonne %s", fase).isNotNull();
    return celle.text();
  }

  private String bruker(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword(TestBrukere.PASSORD);
      identity.saveUser(u);
    }
    return id;
  }
}
