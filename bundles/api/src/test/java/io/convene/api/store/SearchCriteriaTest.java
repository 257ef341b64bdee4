package io.convene.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.convene.api.store.query.Restriction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchCriteriaTest {

  private static final Restriction ANY = Restriction.exist(PropTag.of(0x0037, PropType.PT_UNICODE));
  private static final List<FolderId> INBOX = List.of(FolderId.of(1, 0x10));

  @Test
  void theStateGetSearchCriteriaReportsFollowsTheFlagsLastSet() {
    assertThat(new SearchCriteria(ANY, INBOX, SearchCriteria.RESTART_SEARCH | SearchCriteria.RECURSIVE_SEARCH).state())
        .isEqualTo(0x1005);
    assertThat(new SearchCriteria(ANY, INBOX, SearchCriteria.STOP_SEARCH | SearchCriteria.SHALLOW_SEARCH).state())
        .isEqualTo(0x1000);
    assertThat(new SearchCriteria(ANY, INBOX, SearchCriteria.RESTART_SEARCH | SearchCriteria.STATIC_SEARCH).state())
        .isEqualTo(0x11001);
  }

  @Test
  void aSearchNeedsAFolder() {
    assertThatThrownBy(() -> new SearchCriteria(ANY, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
