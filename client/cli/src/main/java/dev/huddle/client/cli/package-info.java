/**
 * huddle-cli: the command-line client of chat-service's line protocol ({@code docs/LINE_PROTOCOL.md}),
 * for scripting and headless use. {@link dev.huddle.client.cli.Main} is the entry point,
 * {@link dev.huddle.client.cli.Cli} the testable whole.
 */
package dev.huddle.client.cli;
