package io.convene.net.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the HTTP server, PID {@value #PID}; the defaults are the production ones. */
@ObjectClassDefinition(
    name = "Convene HTTP server",
    description = "Listeners, TLS, limits and timeouts of the HTTP/1.1 server all protocols use.")
public @interface HttpServerConfig {

  String PID = "io.convene.net.http";

  @AttributeDefinition(name = "Bind address", description = "Address to listen on; 0.0.0.0 for all interfaces.")
  String bind_address() default "0.0.0.0";

  @AttributeDefinition(name = "HTTPS port", description = "TLS listener port; -1 turns HTTPS off (not recommended).")
  int https_port() default 8443;

  @AttributeDefinition(name = "HTTP port",
      description = "Plain-text listener port; -1 (the default) turns it off. Credentials are refused on it unless basic.over.plain.http is set.")
  int http_port() default -1;

  @AttributeDefinition(name = "Basic authentication over plain HTTP",
      description = "Accept passwords on the plain-text listener. Only for a trusted network or a TLS-terminating proxy in front.")
  boolean basic_over_plain_http() default false;

  @AttributeDefinition(name = "Key store",
      description = "PKCS#12 or JKS file with the server's key and certificate chain. Empty: a self-signed certificate is generated in data/tls on first start.")
  String tls_keystore() default "";

  @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, description = "Password of the key store and its key.")
  String _tls_keystore_password() default "";

  @AttributeDefinition(name = "Host name for the self-signed certificate",
      description = "Empty: the machine's canonical host name.")
  String tls_host_name() default "";

  @AttributeDefinition(name = "Maximum request line", description = "Bytes; longer request lines get 414.")
  int max_request_line() default 8192;

  @AttributeDefinition(name = "Maximum header bytes", description = "Bytes of the header section; more gets 431.")
  int max_header_bytes() default 65536;

  @AttributeDefinition(name = "Maximum header count", description = "Header fields; more gets 431.")
  int max_header_count() default 100;

  @AttributeDefinition(name = "Maximum body size", description = "Bytes of one request body; more gets 413.")
  long max_body_size() default 64L * 1024 * 1024;

  @AttributeDefinition(name = "Body part size",
      description = "Bodies up to this many bytes are delivered whole; larger ones stream to the endpoint in parts of this size.")
  int body_part_size() default 65536;

  @AttributeDefinition(name = "Worker threads", description = "Threads that run endpoints.")
  int worker_threads() default 32;

  @AttributeDefinition(name = "Worker queue", description = "Requests waiting for a worker before new ones get 503.")
  int worker_queue() default 512;

  @AttributeDefinition(name = "Idle timeout", description = "Seconds a keep-alive connection may stay idle.")
  int idle_timeout_seconds() default 120;

  @AttributeDefinition(name = "Header timeout", description = "Seconds a client may take to send a request's header section (slowloris defence).")
  int header_timeout_seconds() default 20;

  @AttributeDefinition(name = "Body read timeout", description = "Seconds an endpoint waits for more request body bytes.")
  int body_read_timeout_seconds() default 60;

  @AttributeDefinition(name = "Write timeout", description = "Seconds a response write may wait for a slow client.")
  int write_timeout_seconds() default 60;

  @AttributeDefinition(name = "Pipelined requests", description = "Requests queued per connection before reading pauses.")
  int max_pipelined() default 16;

  @AttributeDefinition(name = "Maximum connections",
      description = "Open connections per listener; further ones are closed at once. With the other limits this bounds memory.")
  int max_connections() default 10000;

  @AttributeDefinition(name = "Free failed logins", description = "Failed logins per source address before lockouts start.")
  int login_free_failures() default 5;

  @AttributeDefinition(name = "Maximum lockout", description = "Seconds; lockouts double per further failure up to this.")
  int login_max_lockout_seconds() default 300;
}
