/**
 * Extension points for plugin bundles.
 *
 * <p>A plugin registers services of these interfaces (for instance through Declarative Services);
 * Convene picks them up while running (whiteboard pattern) and drops them when the plugin bundle
 * is stopped, updated or removed. A plugin must import only {@code io.convene.api.*} packages of
 * Convene.
 *
 * <p>Thread-safety: every callback may be called concurrently and must be thread-safe.
 */
@Export
@Version("1.0.0")
package io.convene.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
