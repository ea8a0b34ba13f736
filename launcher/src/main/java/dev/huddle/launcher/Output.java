package dev.huddle.launcher;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the launcher prints: plain lines for tables and answers, time-stamped lines for events. */
final class Output {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Output() {
    }

    static void line(String text) {
        System.out.println(text);
    }

    static void event(String text) {
        System.out.println(LocalTime.now().format(TIME) + " " + text);
    }

    static void error(String text) {
        System.err.println("huddle: " + text);
    }
}
