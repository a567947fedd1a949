package no.vareunge.skjema;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;

/** The request again, with its body already read (and possibly rewritten). */
final class LestForesporsel extends HttpServletRequestWrapper {
  private final byte[] kropp;

  LestForesporsel(HttpServletRequest request, byte[] kropp) {
    super(request);
    this.kropp = kropp;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream inn = new ByteArrayInputStream(kropp);
    return new ServletInputStream() {
      @Override
      public boolean isFinished() {
        return inn.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read() {
        return inn.read();
      }
    };
  }

  @Override
  public int getContentLength() {
    return kropp.length;
  }

  @Override
  public long getContentLengthLong() {
    return kropp.length;
  }
}
