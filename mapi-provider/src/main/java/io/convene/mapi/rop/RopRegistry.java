package io.convene.mapi.rop;

import java.util.Optional;

/** RopId to {@link RopDefinition}, built once and then read concurrently. */
public final class RopRegistry {

  private final RopDefinition<?>[] definitions;

  private RopRegistry(RopDefinition<?>[] definitions) {
    this.definitions = definitions.clone();
  }

  public Optional<RopDefinition<?>> find(int ropId) {
    return ropId < 0 || ropId > 0xff ? Optional.empty() : Optional.ofNullable(definitions[ropId]);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects definitions; a RopId may be defined once. */
  public static final class Builder {

    private final RopDefinition<?>[] definitions = new RopDefinition<?>[256];

    private Builder() {}

    public Builder add(RopDefinition<?> definition) {
      if (definition.ropId() == RopIds.BUFFER_TOO_SMALL) {
        throw new IllegalArgumentException("0xFF is RopBufferTooSmall, a response only");
      }
      if (definitions[definition.ropId()] != null) {
        throw new IllegalArgumentException(
            "RopId 0x"
                + Integer.toHexString(definition.ropId())
                + " already defined as "
                + definitions[definition.ropId()].name());
      }
      definitions[definition.ropId()] = definition;
      return this;
    }

    public Builder add(RopFamily family) {
      family.register(this);
      return this;
    }

    public RopRegistry build() {
      return new RopRegistry(definitions);
    }
  }
}
