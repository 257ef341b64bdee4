package io.convene.mapi.rop.property;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.mapi.codec.LittleEndianReader;
import io.convene.mapi.codec.LittleEndianWriter;
import io.convene.mapi.rop.RopHeader;
import io.convene.mapi.rop.data.TaggedPropertyValue;
import io.convene.mapi.rop.property.PropertyRequests.SetPropertiesRequest;
import io.convene.mapi.testing.SpecFixtures;
import io.convene.api.store.NamedProperty;
import io.convene.mapi.rop.data.PropertyName;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertiesSpecificRequest;
import io.convene.mapi.rop.property.PropertyRequests.GetPropertyIdsFromNamesRequest;
import org.junit.jupiter.api.Test;

class MsOxcprptExamplesTest {

  @Test
  void setPropertiesRequestDecodesToItsFieldsAndEncodesBack() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcprpt/4-setproperties-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    SetPropertiesRequest request = SetPropertiesRequest.decode(header, in);

    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0x0A, 0, 0));
    assertThat(request.values()).containsExactly(
        new TaggedPropertyValue(0x003D001F, ""),
        new TaggedPropertyValue(0x0E1D001F, "Hello World"));

    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getPropertiesSpecificRequestBuiltFromTheTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcprpt/2.2.2.1-ropgetpropertiesspecific-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    GetPropertiesSpecificRequest request = GetPropertiesSpecificRequest.decode(header, in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.header()).isEqualTo(new RopHeader(0x07, 0, 1));
    assertThat(request.propertySizeLimit()).isZero();
    assertThat(request.wantUnicode()).isTrue();
    assertThat(request.tags()).containsExactly(0x3001001F, 0x36020003, 0x3004001F);
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void getPropertyIdsFromNamesRequestBuiltFromTheTable() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcprpt/2.2.12.1-ropgetpropertyidsfromnames-request.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    GetPropertyIdsFromNamesRequest request = GetPropertyIdsFromNamesRequest.decode(header, in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(request.flags()).isEqualTo(2);
    assertThat(request.names()).containsExactly(
        PropertyName.of(NamedProperty.ofLid(NamedProperty.PSETID_APPOINTMENT, 0x820D)),
        PropertyName.of(NamedProperty.ofName(NamedProperty.PS_PUBLIC_STRINGS, "Keywords")));
    LittleEndianWriter out = new LittleEndianWriter();
    request.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void queryNamedPropertiesRequestAndResponseBuiltFromTheTables() throws Exception {
    byte[] bytes = SpecFixtures.hex("ms-oxcprpt/2.2.6-ropquerynamedproperties.hex");
    LittleEndianReader in = new LittleEndianReader(bytes);
    RopHeader header = new RopHeader(in.u8("RopId"), in.u8("LogonId"), in.u8("InputHandleIndex"));
    PropertyRequests.QueryNamedPropertiesRequest request = PropertyRequests.QueryNamedPropertiesRequest.decode(header, in);
    assertThat(request.queryFlags()).isEqualTo(QueryNamedProperties.NO_IDS);
    assertThat(request.propertyGuid()).isEqualTo(io.convene.api.store.NamedProperty.PS_PUBLIC_STRINGS);
    assertThat(in.u8("RopId")).isEqualTo(0x5F);
    assertThat(in.u8("InputHandleIndex")).isZero();
    assertThat(in.u32("ReturnValue")).isZero();
    QueryNamedProperties.Response response = QueryNamedProperties.Response.read(in);
    assertThat(in.hasRemaining()).isFalse();
    assertThat(response.ids()).containsExactly(0x8000);
    assertThat(response.names()).containsExactly(io.convene.mapi.rop.data.PropertyName.of(
        io.convene.api.store.NamedProperty.ofName(io.convene.api.store.NamedProperty.PS_PUBLIC_STRINGS, "Keywords")));

    LittleEndianWriter out = new LittleEndianWriter();
    out.u8(0x5F).u8(0).u8(0).u8(request.queryFlags()).u8(1)
        .bytes(io.convene.api.store.Guids.toBytes(request.propertyGuid()));
    out.u8(0x5F).u8(0).u32(0);
    response.write(out);
    assertThat(out.toByteArray()).isEqualTo(bytes);
  }
}
