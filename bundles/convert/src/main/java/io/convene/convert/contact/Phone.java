package io.convene.convert.contact;

import io.convene.convert.props.PropDef;
import io.convene.convert.props.TaggedProps;
import java.util.List;

/**
 * The telephone properties of a contact and the vCard TEL types each is written with (MS-OXVCARD
 * 2.1.3.2.1); on import a TEL goes to the first free slot its types match, in this order.
 */
enum Phone {
  BUSINESS_FAX(TaggedProps.BUSINESS_FAX, List.of("work", "fax")),
  HOME_FAX(TaggedProps.HOME_FAX, List.of("home", "fax")),
  MOBILE(TaggedProps.MOBILE_TELEPHONE, List.of("cell", "voice")),
  PAGER(TaggedProps.PAGER_TELEPHONE, List.of("pager")),
  CAR(TaggedProps.CAR_TELEPHONE, List.of("car", "voice")),
  ASSISTANT(TaggedProps.ASSISTANT_TELEPHONE, List.of("x-assistant", "voice")),
  COMPANY_MAIN(TaggedProps.COMPANY_MAIN_TELEPHONE, List.of("x-company-main", "voice")),
  BUSINESS(TaggedProps.BUSINESS_TELEPHONE, List.of("work", "voice")),
  BUSINESS2(TaggedProps.BUSINESS2_TELEPHONE, List.of("work", "voice")),
  HOME(TaggedProps.HOME_TELEPHONE, List.of("home", "voice")),
  HOME2(TaggedProps.HOME2_TELEPHONE, List.of("home", "voice")),
  PRIMARY(TaggedProps.PRIMARY_TELEPHONE, List.of("pref", "voice")),
  OTHER(TaggedProps.OTHER_TELEPHONE, List.of("voice"));

  final PropDef def;
  final List<String> types;

  Phone(PropDef def, List<String> types) {
    this.def = def;
    this.types = types;
  }

  /** Whether a TEL with these (lower-case) types belongs in this slot. */
  boolean matches(List<String> telTypes) {
    return switch (this) {
      case BUSINESS_FAX -> telTypes.contains("fax") && !telTypes.contains("home");
      case HOME_FAX -> telTypes.contains("fax") && telTypes.contains("home");
      case MOBILE -> telTypes.contains("cell");
      case PAGER -> telTypes.contains("pager");
      case CAR -> telTypes.contains("car");
      case ASSISTANT -> telTypes.contains("x-assistant");
      case COMPANY_MAIN -> telTypes.contains("x-company-main");
      case BUSINESS, BUSINESS2 -> telTypes.contains("work") && !telTypes.contains("fax");
      case HOME, HOME2 -> telTypes.contains("home") && !telTypes.contains("fax");
      case PRIMARY -> telTypes.contains("pref");
      case OTHER -> true;
    };
  }
}
