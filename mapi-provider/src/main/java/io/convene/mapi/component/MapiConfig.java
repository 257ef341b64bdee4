package io.convene.mapi.component;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of Autodiscover and MAPI/HTTP, PID {@value #PID}; the defaults are the production ones. */
@ObjectClassDefinition(
    name = "Convene MAPI provider",
    description = "Autodiscover and MAPI over HTTP (mailbox and address book endpoints) for Outlook.")
public @interface MapiConfig {

  String PID = "io.convene.mapi";

  @AttributeDefinition(
      name = "Public base URL",
      description =
          "Scheme, host and optional port Outlook reaches this server at, e.g. https://mail.example.org."
              + " Autodiscover builds every URL on it. Empty: each request's own Host header, which is only"
              + " right when clients reach the server directly.")
  String public_base_url() default "";

  @AttributeDefinition(
      name = "Deployment id",
      description = "The DeploymentId GUID Autodiscover returns. Empty: a stable id derived from the public base URL.")
  String deployment_id() default "";

  @AttributeDefinition(
      name = "Server application",
      description =
          "X-ServerApplication of MAPI/HTTP responses. Outlook reads the Exchange build from it to choose"
              + " features; change it only to mimic another Exchange build.")
  String server_application() default "Exchange/15.01.2507.000";

  @AttributeDefinition(
      name = "Pending period (seconds)",
      description = "Interval of the PENDING keep-alive parts of a slow MAPI/HTTP response (X-PendingPeriod).")
  int pending_period_seconds() default 15;

  @AttributeDefinition(
      name = "Session idle timeout (minutes)",
      description = "A MAPI/HTTP session unused for this long ends; Outlook then connects again.")
  int session_idle_timeout_minutes() default 15;

  @AttributeDefinition(
      name = "Sessions per user",
      description = "MAPI/HTTP sessions one account may hold; a new one beyond it ends that account's least recently used.")
  int max_sessions_per_user() default 16;

  @AttributeDefinition(
      name = "NotificationWait hold (seconds)",
      description =
          "How long a NotificationWait request is held while nothing happens. Each held request occupies"
              + " an HTTP worker thread, so keep it well below what the worker pool can carry.")
  int notification_wait_seconds() default 60;

  @AttributeDefinition(
      name = "Maximum polling interval (seconds)",
      description = "MaxPollingInterval of the Connect response: how long Outlook may wait between polls.")
  int max_polling_interval_seconds() default 60;

  @AttributeDefinition(name = "Retry count", description = "MaxRetryCount of the Connect response.")
  int retry_count() default 6;

  @AttributeDefinition(name = "Retry delay (seconds)", description = "RetryInterval of the Connect response.")
  int retry_delay_seconds() default 10;

  @AttributeDefinition(
      name = "Maximum Autodiscover request (bytes)",
      description = "Larger POX requests are answered with ErrorCode 600 without being parsed.")
  int autodiscover_max_request_bytes() default 32768;

  @AttributeDefinition(
      name = "Maximum objects per logon",
      description = "Server objects (folders, tables, messages) one logon may hold open; more fail with an out-of-memory ROP error.")
  int max_objects_per_logon() default 4096;

  @AttributeDefinition(
      name = "Concurrent Executes",
      description =
          "How many MAPI/HTTP Execute requests run their ROPs at once; the others wait their turn. More than"
              + " the cores can run only makes each cost more CPU. 0: two per processor.")
  int concurrent_executes() default 0;
}
