package no.vareunge.tilgang;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's identity store with {@link Innloggingsbrems} in front of the password check instead
 * of the engine's lock per user. The engine still counts the wrong passwords on the user (reset at
 * the next right one), but never locks the account for it.
 */
final class BremsetIdentitet extends DbIdentityServiceProvider {

  private final Innloggingsbrems brems;

  BremsetIdentitet(Innloggingsbrems brems) {
    this.brems = brems;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (userId == null || password == null) {
      return false;
    }
    if (brems.maVente(userId)) {
      brems.avvistIPause(userId);
      return false;
    }
    boolean riktig = super.checkPassword(userId, password);
    if (riktig) {
      brems.riktig(userId);
    } else {
      brems.feil(userId);
    }
    return riktig;
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    getIdentityInfoManager().updateUserLock(user, user.getAttempts() + 1, null);
  }
}
