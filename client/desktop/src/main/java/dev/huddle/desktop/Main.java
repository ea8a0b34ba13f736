package dev.huddle.desktop;

/** Placeholder while the module is built up. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
    }
}
