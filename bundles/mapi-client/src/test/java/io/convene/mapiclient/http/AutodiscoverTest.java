package io.convene.mapiclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.mapiclient.SpecFixtures;
import io.convene.mapiclient.wire.MapiWireException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AutodiscoverTest {

  @Test
  void readsTheMapiHttpResponseOfTheSpec() throws Exception {
    Autodiscover.Settings settings = Autodiscover.parse(SpecFixtures.bytes("ms-oxdscli/4.4-mapihttp-response.xml"));
    assertThat(settings.displayName()).isEqualTo("User Display Name");
    assertThat(settings.legacyDn()).isEqualTo("/o=microsoft/ou=Contoso/cn=Recipients/cn=486021");
    assertThat(settings.mailStoreUrl()).startsWith("https://mail.Contoso.com/mapi/emsmdb/?MailboxId=");
    assertThat(settings.addressBookUrl()).startsWith("https://mail.Contoso.com/mapi/nspi/?MailboxId=");
    assertThat(settings.errorCode()).isNull();
  }

  @Test
  void theRequestNamesTheAddressAndTheResponseSchema() {
    String request = new String(Autodiscover.request("a&b@example.com"), StandardCharsets.UTF_8);
    assertThat(request).contains("<EMailAddress>a&amp;b@example.com</EMailAddress>")
        .contains("<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a<");
  }

  @Test
  void refusesDoctypes() {
    byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Autodiscover.parse(xxe)).isInstanceOf(MapiWireException.class);
  }
}
