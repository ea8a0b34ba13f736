/**
 * chat-service's line protocol over TCP: {@link dev.huddle.client.line.LineChannel}, the repository's
 * one line-protocol client (non-blocking), and {@link dev.huddle.client.line.LineConnection}, its
 * blocking form for plain threads.
 */
package dev.huddle.client.line;
