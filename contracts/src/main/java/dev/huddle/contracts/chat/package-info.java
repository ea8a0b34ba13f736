/**
 * The chat protocol shared by chat-service and its clients: the closed set of {@link
 * dev.huddle.contracts.chat.Command commands}, their line form ({@link dev.huddle.contracts.chat.LineCodec},
 * seed 004, TCP port 7000) and WebSocket JSON form ({@link dev.huddle.contracts.chat.JsonCommandCodec}),
 * the server's reply and event lines ({@link dev.huddle.contracts.chat.LineReply}) and how a message is
 * shown ({@link dev.huddle.contracts.chat.ChatLine}). Pure functions over strings and JSON objects;
 * no I/O. The full protocol, with examples, is {@code docs/LINE_PROTOCOL.md}.
 */
package dev.huddle.contracts.chat;
