package io.convene.net.http;

/**
 * What {@link HttpRequestDecoder} passes up the MINA filter chain. Every request arrives as one
 * {@link HttpRequestHead}, then zero or more {@link HttpBodyPart}s, then exactly one {@link
 * HttpBodyEnd}; requests on a connection never interleave.
 */
public sealed interface HttpRequestMessage permits HttpRequestHead, HttpBodyPart, HttpBodyEnd {}
