/**
 * Declarative Services shells registering the converters as {@code io.convene.api.convert}
 * services, configured by {@code etc/io.convene.convert.limits.cfg}.
 */
package io.convene.convert.component;
