package io.convene.net.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/** What every connection of one server shares. */
record ServerContext(
    Clock clock,
    Executor workers,
    RequestDispatcher dispatcher,
    int bodyBufferBytes,
    Duration bodyReadTimeout,
    Duration writeTimeout,
    int maxPipelined,
    int maxConnections) {}
