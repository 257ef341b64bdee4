package io.convene.convert.timezone;

import io.convene.convert.binary.BlobFormatException;
import io.convene.convert.binary.LittleEndianReader;
import io.convene.convert.binary.LittleEndianWriter;
import io.convene.convert.binary.OpaqueBytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes PidLidTimeZoneStruct (MS-OXOCAL 2.2.1.39) and TimeZoneDefinition (2.2.1.41)
 * blobs. Strict and bounded: fixed fields must hold their specified values, cbHeader must agree
 * with the key name, counts are limited before anything is allocated, and a truncated blob or
 * bytes after the end give a {@link BlobFormatException}. Encoding a decoded value gives back
 * its bytes. Thread-safe.
 */
public final class TimeZoneBlobCodec {

  /** More rules than any Windows zone has had (Windows keeps a handful per zone). */
  public static final int MAX_RULES = 1024;

  private static final int TZRULE_RESERVED = 0x003E;
  private static final int DEFINITION_RESERVED = 0x0002;

  public TimeZoneStruct decodeStruct(byte[] blob) throws BlobFormatException {
    LittleEndianReader r = new LittleEndianReader(blob);
    int bias = r.i32("lBias");
    int standardBias = r.i32("lStandardBias");
    int daylightBias = r.i32("lDaylightBias");
    int standardYear = r.u16("wStandardYear");
    SystemTime standardDate = systemTime(r, "stStandardDate");
    int daylightYear = r.u16("wDaylightYear");
    SystemTime daylightDate = systemTime(r, "stDaylightDate");
    r.expectEnd("PidLidTimeZoneStruct");
    return new TimeZoneStruct(bias, standardBias, daylightBias, standardYear, standardDate, daylightYear, daylightDate);
  }

  public byte[] encode(TimeZoneStruct s) {
    LittleEndianWriter w = new LittleEndianWriter(TimeZoneStruct.SIZE);
    w.i32(s.bias()).i32(s.standardBias()).i32(s.daylightBias());
    w.u16(s.standardYear());
    write(w, s.standardDate());
    w.u16(s.daylightYear());
    write(w, s.daylightDate());
    return w.toByteArray();
  }

  public TimeZoneDefinition decodeDefinition(byte[] blob) throws BlobFormatException {
    LittleEndianReader r = new LittleEndianReader(blob);
    expect8(r, 0x02, "MajorVersion");
    expect8(r, 0x01, "MinorVersion");
    int cbHeader = r.u16("cbHeader");
    r.expect16(DEFINITION_RESERVED, "Reserved");
    int cch = r.count16(260, "cchKeyName");
    if (cbHeader != 6 + 2 * cch) {
      throw r.error("cbHeader " + cbHeader + " does not match cchKeyName " + cch);
    }
    String keyName = r.utf16(cch, "KeyName");
    int count = r.count16(MAX_RULES, "cRules");
    if (count == 0) {
      throw r.error("a TimeZoneDefinition without rules");
    }
    List<TzRule> rules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String at = "TZRule[" + i + "].";
      expect8(r, 0x02, at + "MajorVersion");
      expect8(r, 0x01, at + "MinorVersion");
      r.expect16(TZRULE_RESERVED, at + "Reserved");
      int flags = r.u16(at + "Flags");
      int year = r.u16(at + "wYear");
      OpaqueBytes x = OpaqueBytes.of(r.bytes(TzRule.X_SIZE, at + "X"));
      int bias = r.i32(at + "lBias");
      int standardBias = r.i32(at + "lStandardBias");
      int daylightBias = r.i32(at + "lDaylightBias");
      SystemTime standardDate = systemTime(r, at + "stStandardDate");
      SystemTime daylightDate = systemTime(r, at + "stDaylightDate");
      rules.add(new TzRule(flags, year, x, new YearRule(bias, standardBias, daylightBias, standardDate, daylightDate)));
    }
    r.expectEnd("the TimeZoneDefinition");
    return new TimeZoneDefinition(keyName, rules);
  }

  public byte[] encode(TimeZoneDefinition d) {
    LittleEndianWriter w = new LittleEndianWriter(12 + 2 * d.keyName().length() + 66 * d.rules().size());
    w.u8(0x02).u8(0x01).u16(6 + 2 * d.keyName().length()).u16(DEFINITION_RESERVED);
    w.u16(d.keyName().length()).utf16(d.keyName());
    w.u16(d.rules().size());
    for (TzRule t : d.rules()) {
      w.u8(0x02).u8(0x01).u16(TZRULE_RESERVED).u16(t.flags()).u16(t.year()).bytes(t.x().toByteArray());
      YearRule y = t.rule();
      w.i32(y.bias()).i32(y.standardBias()).i32(y.daylightBias());
      write(w, y.standardDate());
      write(w, y.daylightDate());
    }
    return w.toByteArray();
  }

  private static void expect8(LittleEndianReader r, int expected, String what) throws BlobFormatException {
    int v = r.u8(what);
    if (v != expected) {
      throw r.error(what + " is " + v + ", not " + expected);
    }
  }

  private static SystemTime systemTime(LittleEndianReader r, String what) throws BlobFormatException {
    return new SystemTime(r.u16(what + ".wYear"), r.u16(what + ".wMonth"), r.u16(what + ".wDayOfWeek"),
        r.u16(what + ".wDay"), r.u16(what + ".wHour"), r.u16(what + ".wMinute"), r.u16(what + ".wSecond"),
        r.u16(what + ".wMilliseconds"));
  }

  private static void write(LittleEndianWriter w, SystemTime t) {
    w.u16(t.year()).u16(t.month()).u16(t.dayOfWeek()).u16(t.day());
    w.u16(t.hour()).u16(t.minute()).u16(t.second()).u16(t.milliseconds());
  }
}
