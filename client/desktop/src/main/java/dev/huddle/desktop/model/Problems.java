package dev.huddle.desktop.model;

import dev.huddle.contracts.HuddleException;

/** What a refusal or failure means to the person at the screen: one sentence, never a trace. */
final class Problems {

    private Problems() {
    }

    static String say(HuddleException e) {
        return switch (e.code()) {
            case INVALID_CREDENTIALS -> "Wrong username or password.";
            case RATE_LIMITED -> "Too many attempts. Wait a minute, then try again.";
            case UNAVAILABLE -> "The server cannot be reached right now. " + sentence(e.getMessage());
            case USERNAME_TAKEN -> "That username is taken. Pick another one.";
            case EMAIL_TAKEN -> "An account with that e-mail address exists already.";
            case INVALID_TOKEN -> "Your session has ended. Log in again.";
            case NOT_OWNER -> "Only the project's owner can do that.";
            case NOT_MEMBER -> "You are not a member of that project any more.";
            case UNKNOWN_USER -> "There is no user by that name.";
            case INTERNAL -> "Something went wrong on the server. Try again.";
            default -> sentence(e.getMessage());
        };
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String text = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
