package io.convene.net.http;

/**
 * What {@link HttpResponseEncoder} accepts. A response is sent either as one {@link HttpResponse}
 * (the body known up front, framed by {@code Content-Length}), or streamed as an {@link
 * HttpResponseHead} built with {@link HttpResponseHead#chunked}, any number of {@link HttpChunk}s
 * and one {@link HttpLastChunk}, consecutive ones of which may travel together as {@link
 * HttpResponseParts}. Interim responses such as {@link HttpResponseHead#CONTINUE} are a bare head.
 */
public sealed interface HttpResponseMessage
    permits HttpResponse, HttpResponseHead, HttpChunk, HttpLastChunk, HttpResponseParts {}
