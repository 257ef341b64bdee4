package io.convene.storage.derby.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the directory, PID {@value #PID}; the defaults are the production ones. */
@ObjectClassDefinition(
    name = "Convene directory",
    description = "Password hashing of the accounts directory on Derby.")
public @interface DirectoryConfig {

  String PID = "io.convene.storage.directory";

  /** The lowest iteration count accepted; below it a stolen database is cracked too cheaply. */
  int MIN_ITERATIONS = 100_000;

  @AttributeDefinition(name = "PBKDF2 iterations",
      description = "Iterations of PBKDF2-HMAC-SHA256 for new password hashes (OWASP 2023: 600000; at least 100000)."
          + " Existing hashes keep their count and are upgraded at the next successful login.")
  int password_iterations() default 600_000;
}
