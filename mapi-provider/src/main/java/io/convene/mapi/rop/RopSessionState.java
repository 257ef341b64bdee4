package io.convene.mapi.rop;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ROP-level state of one EMSMDB session: its logons (by LogonId) and the handle counter they
 * share. Confined to one buffer at a time (the transport's sequence cookie and the session lock
 * guarantee it).
 */
public final class RopSessionState {

  /** 0xFFFFFFFF means "no object" in a handle table (MS-OXCROPS 2.2.1), so it is never issued. */
  static final int NO_HANDLE = 0xFFFFFFFF;

  private final String accountId;
  private final RopSessionLimits limits;
  private final Map<Integer, Logon> logons = new HashMap<>();
  private int nextHandle = 1;
  private long readStretches;

  public RopSessionState(String accountId, RopSessionLimits limits) {
    this.accountId = accountId;
    this.limits = limits;
  }

  void beginExecute() {
    readStretches++;
  }

  /**
   * Numbers the runs of ROPs that cannot change the store, within one Execute: a value read by one
   * ROP may serve a later one only while this number is the same (OpenFolder's count for the
   * GetContentsTable that follows it, but not across a SetSearchCriteria or a save in between).
   */
  public long readStretch() {
    return readStretches;
  }

  /** Called before each ROP runs: any ROP not known to only read ends the current stretch. */
  void beginRop(int ropId) {
    if (!ReadOnlyRops.contains(ropId)) {
      readStretches++;
    }
  }

  /** The authenticated account that owns the session. */
  public String accountId() {
    return accountId;
  }

  RopSessionLimits limits() {
    return limits;
  }

  public Optional<Logon> logon(int logonId) {
    return Optional.ofNullable(logons.get(logonId));
  }

  /**
   * Opens a logon under {@code logonId}, replacing (and releasing every object of) an earlier logon
   * with the same id, as a client reusing the id expects.
   */
  public Logon openLogon(int logonId, Object state) {
    Logon previous = logons.remove(logonId);
    if (previous != null) {
      previous.clear();
    }
    Logon logon = new Logon(logonId, state, limits.maxObjectsPerLogon());
    logons.put(logonId, logon);
    return logon;
  }

  public void closeLogon(int logonId) {
    Logon logon = logons.remove(logonId);
    if (logon != null) {
      logon.clear();
    }
  }

  int allocateHandle() {
    int handle = nextHandle++;
    if (nextHandle == NO_HANDLE) {
      nextHandle = 1;
    }
    return handle;
  }

  /** Releases every logon and object. */
  void clear() {
    logons.values().forEach(Logon::clear);
    logons.clear();
  }
}
