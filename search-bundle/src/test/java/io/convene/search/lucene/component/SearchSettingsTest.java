package io.convene.search.lucene.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchSettingsTest {

  private static SearchConfig config(int refreshMillis, int commitSeconds, int cacheSeconds, int folders) {
    return new SearchConfig() {
      @Override public Class<? extends Annotation> annotationType() { return SearchConfig.class; }
      @Override public int refresh_millis() { return refreshMillis; }
      @Override public int commit_seconds() { return commitSeconds; }
      @Override public int permission_cache_seconds() { return cacheSeconds; }
      @Override public int max_foreign_folders() { return folders; }
    };
  }

  @Test
  void acceptsTheDefaults() {
    SearchSettings settings = SearchSettings.from(config(100, 5, 5, 200));
    assertThat(settings.refresh()).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.commit()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.permissionCache()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.maxForeignFolders()).isEqualTo(200);
  }

  @Test
  void rejectsOutOfRangeValuesNamingThePidAndTheProperty() {
    assertThatThrownBy(() -> SearchSettings.from(config(5000, 5, 5, 200)))
        .hasMessage("io.convene.search: refresh.millis must be 10 to 1000, not 5000");
    assertThatThrownBy(() -> SearchSettings.from(config(100, 0, 5, 200))).hasMessageContaining("commit.seconds");
    assertThatThrownBy(() -> SearchSettings.from(config(100, 5, -1, 200))).hasMessageContaining("permission.cache.seconds");
    assertThatThrownBy(() -> SearchSettings.from(config(100, 5, 5, 5000))).hasMessageContaining("max.foreign.folders");
  }
}
