package dev.huddle.client.http;

import java.util.Objects;

/**
 * A two-factor enrolment that waits for its first code: the shared secret (Base32, as authenticator
 * apps take it typed in) and the {@code otpauth://} URI that carries it with the account's name (what
 * a QR code would show). Given this once; the server keeps it pending until a code confirms it.
 */
public record TotpEnrolment(String secret, String otpauthUri) {

    public TotpEnrolment {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
    }
}
