package io.convene.net.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.convene.net.dispatch.EndpointRegistry.Route;
import io.convene.net.dispatch.EndpointRegistry.State;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointRegistryTest {

  private final EndpointRegistry<String> registry = new EndpointRegistry<>();

  @Test
  void longestPrefixWins() {
    registry.add(1, 0, "/mapi/", false, "mapi");
    registry.add(2, 0, "/mapi/emsmdb/", false, "emsmdb");
    registry.add(3, 0, "/", true, "root");

    assertThat(endpoint("/mapi/emsmdb/")).contains("emsmdb");
    assertThat(endpoint("/mapi/emsmdb")).contains("emsmdb");
    assertThat(endpoint("/mapi/emsmdb/x/y")).contains("emsmdb");
    assertThat(endpoint("/mapi/nspi/")).contains("mapi");
    assertThat(endpoint("/autodiscover/autodiscover.xml")).contains("root");
  }

  @Test
  void prefixesMatchOnlyAtSegmentBoundaries() {
    registry.add(1, 0, "/mapi", false, "mapi");
    assertThat(endpoint("/mapifoo")).isEmpty();
    assertThat(endpoint("/mapi")).contains("mapi");
    assertThat(endpoint("/mapi/")).contains("mapi");
  }

  @Test
  void noMatchWithoutRootEndpoint() {
    registry.add(1, 0, "/dav/", false, "dav");
    assertThat(endpoint("/other")).isEmpty();
  }

  @Test
  void samePathGoesToHigherRankingAndTheOtherIsShadowedUntilItLeaves() {
    assertThat(registry.add(1, 0, "/x", false, "first")).isEqualTo(State.ACTIVE);
    assertThat(registry.add(2, 10, "/x/", false, "ranked")).isEqualTo(State.ACTIVE);
    assertThat(registry.add(3, 0, "/x", false, "later")).isEqualTo(State.SHADOWED);
    assertThat(endpoint("/x/y")).contains("ranked");
    assertThat(registry.registrations())
        .filteredOn(registration -> registration.state() == State.SHADOWED)
        .extracting(EndpointRegistry.Registration::serviceId)
        .containsExactlyInAnyOrder(1L, 3L);

    registry.remove(2);
    assertThat(endpoint("/x/y")).contains("first");
    registry.remove(1);
    assertThat(endpoint("/x/y")).contains("later");
    registry.remove(3);
    assertThat(endpoint("/x/y")).isEmpty();
  }

  @Test
  void invalidPathsAreRecordedWithTheReason() {
    assertThat(registry.add(1, 0, null, false, "none")).isEqualTo(State.INVALID);
    assertThat(registry.add(2, 0, "relative", false, "rel")).isEqualTo(State.INVALID);
    assertThat(registry.add(3, 0, "/a/../b", false, "dots")).isEqualTo(State.INVALID);
    assertThat(registry.registrations())
        .extracting(EndpointRegistry.Registration::reason)
        .anySatisfy(reason -> assertThat(reason).contains("missing"))
        .anySatisfy(reason -> assertThat(reason).contains("does not start with '/'"))
        .anySatisfy(reason -> assertThat(reason).contains("dot segment"));
    registry.remove(2);
    assertThat(registry.registrations()).hasSize(2);
  }

  @Test
  void anonymousFlagTravelsWithTheRoute() {
    registry.add(1, 0, "/autodiscover", true, "ad");
    assertThat(registry.resolve("/autodiscover/autodiscover.xml"))
        .map(Route::anonymous)
        .contains(true);
  }

  private Optional<String> endpoint(String path) {
    return registry.resolve(path).map(Route::endpoint);
  }
}
