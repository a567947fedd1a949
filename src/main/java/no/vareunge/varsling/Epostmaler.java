package no.vareunge.varsling;

import no.vareunge.felles.Norsk;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The e-mails from the Thymeleaf templates in {@code templates/epost/}: one per event, all in the
 * shared layout ({@code layout.html}). The subject is the template's {@code <title>}; the plain
 * text alternative is made from the HTML, so a template is written once.
 */
@Component
public class Epostmaler {

  /** The one language of the program. */

  private static final Pattern TITTEL = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.DOTALL);

  /** A rendered e-mail. */
  public record Epost(String emne, String html, String tekst) {}

  private final ITemplateEngine maler;

  public Epostmaler(ITemplateEngine maler) {
    this.maler = maler;
  }

  public Epost lag(String mal, Map<String, Object> innhold) {
    String html = maler.process("epost/" + mal, new Context(Norsk.BOKMAL, innhold));
    Matcher tittel = TITTEL.matcher(html);
    String emne = tittel.find() ? enLinje(HtmlUtils.htmlUnescape(tittel.group(1))) : "Våre unge";
    return new Epost(emne, html, tekst(html));
  }

  /** A readable text version: paragraphs and list items on lines of their own, links as «text (url)». */
  static String tekst(String html) {
    // Whitespace in HTML is not significant; the lines come from the block elements.
    String t = html.replaceAll("(?is)<head.*?</head>", "").replaceAll("\\s+", " ")
        .replaceAll("(?is)<a\\s[^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", "$2 ($1)")
        .replaceAll("(?i)<br\\s*/?>", "\n")
        .replaceAll("(?i)<li[^>]*>", "\n- ")
        .replaceAll("(?i)</(p|div|h[1-6]|ul|ol|table|tr|dl|dd)>", "\n\n")
        .replaceAll("(?i)</(td|th|dt)>", " ")
        .replaceAll("(?i)<hr[^>]*>", "\n----\n")
        .replaceAll("(?s)<[^>]+>", "");
    t = HtmlUtils.htmlUnescape(t).replace('\u00a0', ' ');
    return t.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
        .replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  private static String enLinje(String tekst) {
    return tekst.replaceAll("\\s+", " ").strip();
  }
}
