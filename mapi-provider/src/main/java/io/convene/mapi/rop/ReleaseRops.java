package io.convene.mapi.rop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** RopRelease (MS-OXCROPS 2.2.15.3): frees a server object; it has no response at all. */
public final class ReleaseRops implements RopFamily {

  private static final Logger LOG = LoggerFactory.getLogger(ReleaseRops.class);

  /** RopRelease has nothing after the common header. */
  public record ReleaseRequest(RopHeader header) implements RopRequest {
    @Override
    public boolean hasResponse() {
      return false;
    }
  }

  @Override
  public void register(RopRegistry.Builder registry) {
    registry.add(
        RopDefinition.of(
            RopIds.RELEASE,
            "RopRelease",
            (header, in) -> new ReleaseRequest(header),
            ReleaseRops::release));
  }

  private static void release(ReleaseRequest request, RopCall call) throws RopException {
    // A release of an unknown handle has no response to carry an error; note it and go on.
    if (!call.release(request.header().inputHandleIndex())) {
      LOG.debug("RopRelease of a handle that is not open (index {})", request.header().inputHandleIndex());
    }
  }
}
