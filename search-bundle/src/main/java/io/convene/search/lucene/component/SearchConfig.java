package io.convene.search.lucene.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the contact search, PID {@value #PID}; the defaults are the production ones. */
@ObjectClassDefinition(
    name = "Convene contact search",
    description = "The Lucene index of GAL entries and personal contacts under <data>/index/contacts.")
public @interface SearchConfig {

  String PID = "io.convene.search";

  @AttributeDefinition(name = "Refresh interval (ms)",
      description = "Longest time a saved contact or changed account stays unfindable (near-real-time refresh),"
          + " 10 to 1000. Takes effect when the bundle restarts.")
  int refresh_millis() default 100;

  @AttributeDefinition(name = "Commit interval (s)",
      description = "How often index changes are made durable, 1 to 3600. Changes not yet committed when the"
          + " server dies are re-indexed from the store at the next start. Takes effect when the bundle restarts.")
  int commit_seconds() default 5;

  @AttributeDefinition(name = "Permission cache (s)",
      description = "How long the answer to 'may account A read contacts folder F of account B' is reused,"
          + " 0 to 60; 0 asks the store at every search. A grant or revocation reaches search at most this late.")
  int permission_cache_seconds() default 5;

  @AttributeDefinition(name = "Shared folders per search",
      description = "Most contacts folders of other mailboxes whose permissions one search checks, 1 to 1000;"
          + " matches in further folders are not shown.")
  int max_foreign_folders() default 200;
}
