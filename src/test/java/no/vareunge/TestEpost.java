package no.vareunge;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server in the test JVM (GreenMail), one for the whole suite like the Spring context.
 * The application reaches it through {@code spring.mail.host} (application-test.yaml) and the port
 * set by TestKonfigurasjon: a free port chosen at start, since several builds may run on the same
 * machine at once. Tests never assume an empty mailbox: they pick the mails by recipient and
 * subject ({@link #til}).
 */
public final class TestEpost {

  private static final int PORT = ledigPort();
  private static final GreenMail SERVER = new GreenMail(new ServerSetup(PORT, "localhost", ServerSetup.PROTOCOL_SMTP));

  static {
    SERVER.start();
  }

  private TestEpost() {}

  public static int port() {
    return PORT;
  }

  /** Every mail received so far. */
  public static List<MimeMessage> alle() {
    return Arrays.asList(SERVER.getReceivedMessages());
  }

  /** The mails to {@code adresse} whose subject contains {@code emne}. */
  public static List<MimeMessage> til(String adresse, String emne) {
    return alle().stream().filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(adresse))
            && m.getSubject() != null && m.getSubject().contains(emne);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The mail server goes down: the application's connections are refused. */
  public static void stopp() {
    SERVER.stop();
  }

  /** The mail server is back, on the same port. */
  public static void start() {
    if (!SERVER.isRunning()) {
      SERVER.start();
    }
  }

  private static int ledigPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
