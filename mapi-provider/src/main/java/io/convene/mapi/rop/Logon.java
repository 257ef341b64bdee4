package io.convene.mapi.rop;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One logon of a session (MS-OXCROPS: the Logon Map entry) and its Server Object Map: the objects
 * the client holds handles to. Handles come from the session, so a handle of another logon is
 * simply not found here. Confined to the thread executing the session's current buffer.
 */
public final class Logon {

  private final int logonId;
  private final Object state;
  private final int maxObjects;
  private final Map<Integer, Object> objects = new HashMap<>();

  Logon(int logonId, Object state, int maxObjects) {
    this.logonId = logonId;
    this.state = Objects.requireNonNull(state, "state");
    this.maxObjects = maxObjects;
  }

  public int logonId() {
    return logonId;
  }

  /** What the logon ROP attached: the opened mailbox and its rights, defined by later work. */
  public Object state() {
    return state;
  }

  public int objectCount() {
    return objects.size();
  }

  Optional<Object> object(int handle) {
    return Optional.ofNullable(objects.get(handle));
  }

  void put(int handle, Object object) throws RopException {
    if (objects.size() >= maxObjects) {
      throw new RopException(
          ErrorCodes.OUT_OF_MEMORY, "logon " + logonId + " holds " + maxObjects + " objects already");
    }
    objects.put(handle, object);
  }

  boolean remove(int handle) {
    return objects.remove(handle) != null;
  }

  void clear() {
    objects.clear();
  }
}
