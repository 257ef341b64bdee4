package io.convene.net.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The endpoints registered on the whiteboard, resolved by longest path prefix.
 *
 * <p>A prefix matches a path at a segment boundary only ({@code /mapi} matches {@code /mapi} and
 * {@code /mapi/x}, never {@code /mapifoo}), so one endpoint cannot capture another's URLs by
 * accident. When two endpoints claim the same prefix the one with the higher service ranking (then
 * the lower service id) serves it and the other is recorded as shadowed, so an administrator can
 * see why it gets no requests; it takes over when the winner leaves.
 *
 * <p>Reads take an immutable snapshot, so lookups on the request path never block registration.
 *
 * @param <E> the endpoint type
 */
public final class EndpointRegistry<E> {

  /** Why a registration serves or does not serve requests. */
  public enum State {
    ACTIVE,
    SHADOWED,
    INVALID
  }

  /** One registration as an administrator sees it. */
  public record Registration<E>(
      long serviceId,
      int ranking,
      String path,
      boolean anonymous,
      E endpoint,
      State state,
      String reason) {}

  private record Entry<E>(
      long serviceId, int ranking, String path, boolean anonymous, E endpoint) {}

  /** What a request resolves to. */
  public record Route<E>(String prefix, boolean anonymous, E endpoint) {}

  private static final Comparator<Entry<?>> PRECEDENCE =
      Comparator.comparingInt((Entry<?> entry) -> entry.ranking())
          .reversed()
          .thenComparingLong(Entry::serviceId);

  private final List<Entry<E>> entries = new ArrayList<>();
  private final List<Registration<E>> invalid = new ArrayList<>();
  private volatile Map<String, Entry<E>> routes = Map.of();

  /**
   * Adds an endpoint. An invalid path is recorded with its reason and not routed.
   *
   * @return the state the registration ends up in
   */
  public synchronized State add(
      long serviceId, int ranking, Object path, boolean anonymous, E endpoint) {
    Optional<String> problem = PathPrefix.problem(path);
    if (problem.isPresent()) {
      invalid.add(
          new Registration<>(
              serviceId,
              ranking,
              String.valueOf(path),
              anonymous,
              endpoint,
              State.INVALID,
              problem.get()));
      return State.INVALID;
    }
    entries.add(
        new Entry<>(serviceId, ranking, PathPrefix.normalize((String) path), anonymous, endpoint));
    rebuild();
    return routes.get(PathPrefix.normalize((String) path)).serviceId() == serviceId
        ? State.ACTIVE
        : State.SHADOWED;
  }

  /** Removes the registration of a service, whatever its state. */
  public synchronized void remove(long serviceId) {
    entries.removeIf(entry -> entry.serviceId() == serviceId);
    invalid.removeIf(registration -> registration.serviceId() == serviceId);
    rebuild();
  }

  /** The endpoint with the longest prefix matching {@code path}, if any. */
  public Optional<Route<E>> resolve(String path) {
    Map<String, Entry<E>> snapshot = routes;
    for (String candidate = path; candidate != null; candidate = PathPrefix.parent(candidate)) {
      Entry<E> entry = snapshot.get(candidate);
      if (entry != null && PathPrefix.matches(entry.path(), path)) {
        return Optional.of(new Route<>(entry.path(), entry.anonymous(), entry.endpoint()));
      }
    }
    return Optional.empty();
  }

  /** Every registration with its state, for diagnostics. */
  public synchronized List<Registration<E>> registrations() {
    Map<String, Entry<E>> active = routes;
    List<Registration<E>> all = new ArrayList<>();
    for (Entry<E> entry : entries) {
      boolean serving = active.get(entry.path()) == entry;
      all.add(
          new Registration<>(
              entry.serviceId(),
              entry.ranking(),
              entry.path(),
              entry.anonymous(),
              entry.endpoint(),
              serving ? State.ACTIVE : State.SHADOWED,
              serving
                  ? ""
                  : "shadowed by service "
                      + active.get(entry.path()).serviceId()
                      + " with the same path"));
    }
    all.addAll(invalid);
    return all;
  }

  private void rebuild() {
    Map<String, Entry<E>> next = new TreeMap<>();
    entries.stream().sorted(PRECEDENCE).forEach(entry -> next.putIfAbsent(entry.path(), entry));
    routes = Map.copyOf(next);
  }
}
