package io.convene.storage.derby.codec;

import io.convene.api.store.FileTimes;
import io.convene.api.store.PropTag;
import io.convene.api.store.PropType;
import io.convene.api.store.PropValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/** Seeded generator of property bags biased toward edge values. */
final class RandomBags {

  static final List<PropType> STORABLE =
      Arrays.stream(PropType.values()).filter(PropType::isStorable).toList();

  private static final String[] STRINGS = {
    "", "a", "Grüße", "日本語", "\uD83D\uDE00 emoji", "\uD800", "x\uDC00y", "\u0000", "\uFFFF",
  };

  private final Random random;

  RandomBags(long seed) {
    this.random = new Random(seed);
  }

  /** A bag of up to {@code maxProperties} values with distinct property ids. */
  List<PropValue> bag(int maxProperties) {
    int n = random.nextInt(maxProperties + 1);
    Set<Integer> ids = new LinkedHashSet<>();
    while (ids.size() < n) {
      ids.add(random.nextBoolean() ? random.nextInt(0x10000) : 0x8000 + random.nextInt(8));
    }
    List<PropValue> bag = new ArrayList<>();
    for (int id : ids) {
      bag.add(value(PropTag.of(id, STORABLE.get(random.nextInt(STORABLE.size())))));
    }
    return bag;
  }

  PropValue value(PropTag tag) {
    PropType type = tag.type();
    if (!type.isMultiValued()) {
      return PropValue.of(tag, single(type));
    }
    int n = random.nextInt(5) == 0 ? 0 : random.nextInt(6);
    List<Object> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(single(type.elementType()));
    }
    return PropValue.of(tag, list);
  }

  Object single(PropType type) {
    boolean edge = random.nextInt(3) == 0;
    return switch (type) {
      case PT_I2 -> edge ? pick(Short.MIN_VALUE, Short.MAX_VALUE, (short) 0, (short) -1)
          : (short) random.nextInt();
      case PT_LONG, PT_ERROR -> edge ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)
          : random.nextInt();
      case PT_FLOAT -> edge
          ? pick(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f,
              Float.MIN_VALUE, Float.MAX_VALUE)
          : random.nextFloat() * random.nextInt();
      case PT_DOUBLE, PT_APPTIME -> edge
          ? pick(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0,
              Double.MIN_VALUE, Double.MAX_VALUE)
          : random.nextGaussian() * 1e6;
      case PT_I8, PT_CURRENCY -> edge ? pick(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L)
          : random.nextLong();
      case PT_BOOLEAN -> random.nextBoolean();
      case PT_STRING8, PT_UNICODE -> edge ? STRINGS[random.nextInt(STRINGS.length)] : string();
      case PT_SYSTIME -> edge
          ? pick(FileTimes.EPOCH, FileTimes.MAX, Instant.EPOCH)
          : FileTimes.toInstant(random.nextLong());
      case PT_CLSID -> new UUID(random.nextLong(), random.nextLong());
      case PT_BINARY, PT_SERVERID, PT_SRESTRICT, PT_ACTIONS -> {
        byte[] bytes = new byte[edge ? random.nextInt(2) * 200 : random.nextInt(20)];
        random.nextBytes(bytes);
        yield bytes;
      }
      default -> throw new IllegalArgumentException(type.toString());
    };
  }

  private String string() {
    char[] chars = new char[random.nextInt(12)];
    for (int i = 0; i < chars.length; i++) {
      // Mostly ASCII, sometimes any UTF-16 code unit (lone surrogates included).
      chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (32 + random.nextInt(95));
    }
    return new String(chars);
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
