package io.convene.search.lucene.component;

import java.time.Duration;

/**
 * {@link SearchConfig} validated: every range checked in one place, errors naming the PID and the
 * property.
 */
record SearchSettings(Duration refresh, Duration commit, Duration permissionCache, int maxForeignFolders) {

  static SearchSettings from(SearchConfig config) {
    return new SearchSettings(
        Duration.ofMillis(check("refresh.millis", config.refresh_millis(), 10, 1000)),
        Duration.ofSeconds(check("commit.seconds", config.commit_seconds(), 1, 3600)),
        Duration.ofSeconds(check("permission.cache.seconds", config.permission_cache_seconds(), 0, 60)),
        check("max.foreign.folders", config.max_foreign_folders(), 1, 1000));
  }

  private static int check(String property, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          SearchConfig.PID + ": " + property + " must be " + min + " to " + max + ", not " + value);
    }
    return value;
  }
}
