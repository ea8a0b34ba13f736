/**
 * A Java client of chat-service's line protocol over a plain TCP socket, built on the wire contracts
 * of {@code dev.huddle.contracts.chat}.
 */
package dev.huddle.client.line;
