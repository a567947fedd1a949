package no.vareunge.tilgang;

import java.util.ArrayList;
import java.util.List;
import no.vareunge.kommune.Kommune;
import no.vareunge.kommune.KommuneRegister;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The groups of DESIGN §2, created at start for every kommune in the register (idempotent). */
@Component
public class Grupper {

  public static final String ARBEIDSPAKKELEDERE = "arbeidspakkeledere";
  public static final String EIERSTYRE = "eierstyre";
  public static final String PROGRAMLEDER = "programleder";
  public static final String UNGDOMSPANEL = "ungdomspanel";

  private final IdentityService identity;
  private final KommuneRegister kommuner;

  public Grupper(IdentityService identity, KommuneRegister kommuner) {
    this.identity = identity;
    this.kommuner = kommuner;
  }

  public static String leder(String kommune) {
    return "leder-" + kommune;
  }

  public static String styre(String kommune) {
    return "styre-" + kommune;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void opprett() {
    List<String[]> grupper = new ArrayList<>(List.of(
        new String[] {ARBEIDSPAKKELEDERE, "Arbeidspakkeledere"},
        new String[] {EIERSTYRE, "Eierstyret"},
        new String[] {PROGRAMLEDER, "Programleder Våre unge Vestfold"},
        new String[] {UNGDOMSPANEL, "Ungdomspanelet"}));
    for (Kommune k : kommuner.alle()) {
      grupper.add(new String[] {leder(k.id()), "Lokal leder Våre unge " + k.navn()});
      grupper.add(new String[] {styre(k.id()), "Lokalt styre " + k.navn()});
    }
    grupper.forEach(g -> opprett(g[0], g[1]));
  }

  private void opprett(String id, String navn) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group gruppe = identity.newGroup(id);
      gruppe.setName(navn);
      gruppe.setType("WORKFLOW");
      identity.saveGroup(gruppe);
    }
  }
}
