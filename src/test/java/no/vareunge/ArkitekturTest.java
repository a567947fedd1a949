package no.vareunge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house as built: the feature packages in one order, each using only those before it, and no
 * cycles between them. A step that must tell a later feature does so through the engine's events
 * (the read model) or through an interface or bean of its own that the later feature provides
 * (a kommune's processes, the forms' registers, the decision a notification tells). A new feature
 * package must be placed in {@link #LAG}.
 */
class ArkitekturTest {

  /** Lowest first; see docs/utvikling.md for what each holds. */
  static final List<String> LAG = List.of("felles", "api", "skjema", "kommune", "tilgang", "frister", "utrulling",
      "arbeidspakke", "varsling", "vedtak", "portefolje", "rapportering", "innfasing", "dashbord", "arbeidsflate", "demo", "drift");

  private static final String ROT = "no.vareunge";

  private static JavaClasses klasser;

  @BeforeAll
  static void importer() {
    klasser = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROT);
  }

  @Test
  void hverFunksjonspakkeHarSinPlassIRekkefolgen() {
    Set<String> pakker = new TreeSet<>();
    for (JavaClass klasse : klasser) {
      String navn = klasse.getPackageName();
      if (navn.startsWith(ROT + ".")) {
        pakker.add(navn.substring(ROT.length() + 1).split("\\.")[0]);
      }
    }
    assertThat(LAG).containsAll(pakker);
    assertThat(pakker).as("pakker i rekkefølgen som ikke finnes lenger").containsAll(LAG);
  }

  @Test
  void enPakkeBrukerBareDeForanSeg() {
    for (int i = 0; i < LAG.size() - 1; i++) {
      String[] senere = LAG.subList(i + 1, LAG.size()).stream().map(p -> ROT + "." + p + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage(ROT + "." + LAG.get(i) + "..")
          .should().dependOnClassesThat().resideInAnyPackage(senere)
          .because(LAG.get(i) + " kommer før " + String.join(", ", LAG.subList(i + 1, LAG.size())))
          .check(klasser);
    }
  }

  @Test
  void ingenSyklerMellomFunksjonspakkene() {
    slices().matching(ROT + ".(*)..").should().beFreeOfCycles().check(klasser);
  }

  @Test
  void applikasjonsklassenAvhengerIkkeAvFunksjonene() {
    noClasses().that().resideInAPackage(ROT).should().dependOnClassesThat()
        .resideInAnyPackage(LAG.stream().map(p -> ROT + "." + p + "..").toArray(String[]::new))
        .check(klasser);
  }
}
