package io.convene.mapi.http;

import java.util.Optional;

/** Finds the account of an authenticated caller; the component backs it with the Directory. */
@FunctionalInterface
public interface UserResolver {

  Optional<MapiUser> resolve(String accountId);
}
