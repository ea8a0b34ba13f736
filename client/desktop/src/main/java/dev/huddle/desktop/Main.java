package dev.huddle.desktop;

import javafx.application.Application;

/**
 * {@code ./huddle client}: starts the desktop client. A plain class, not the {@code Application}:
 * JavaFX refuses to launch an {@code Application} subclass as the main class from the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Application.launch(HuddleApp.class, args);
    }
}
