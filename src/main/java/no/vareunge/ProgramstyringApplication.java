package no.vareunge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProgramstyringApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProgramstyringApplication.class, args);
  }
}
