package dev.huddle.contracts.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Choices read one after another from a fuzzer's bytes, so that one input shapes a whole test case
 * (which separator, which key spelling, how the bytes are chunked). The same input always makes the
 * same case, and a case runs on from an exhausted input with zeros. Jazzer's coverage guidance
 * mutates the bytes; the seeded runs on every build draw them from a {@link SplittableRandom}.
 */
public final class FuzzInput {

    /** Characters worth trying more often than chance would: separators, controls, quotes, escapes. */
    private static final char[] SPECIAL = {
        ' ', '\t', '\n', '\r', '\u000b', '\f', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u00a0',
        '\u2007', '\u2028', '\u2029', '\u3000', '\ufeff', '\ud800', '\udc00', '"', '\\', '{', '}', ':', ',', ';',
        '[', ']'};

    private final byte[] data;
    private int next;

    public FuzzInput(byte[] data) {
        this.data = data;
    }

    /** Random bytes from a seeded generator, for the regression runs on every build. */
    public static FuzzInput random(SplittableRandom random, int maxBytes) {
        byte[] data = new byte[random.nextInt(maxBytes + 1)];
        random.nextBytes(data);
        return new FuzzInput(data);
    }

    /** A number from 0 to {@code bound - 1}. */
    public int pick(int bound) {
        if (bound <= 1) {
            return 0;
        }
        int value = nextByte() << 8 | nextByte();
        return value % bound;
    }

    public boolean flag() {
        return (nextByte() & 1) == 1;
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(pick(choices.size()));
    }

    /** A string of up to {@code maxChars}: mostly printable ASCII, often special characters. */
    public String text(int maxChars) {
        int length = pick(maxChars + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(character());
        }
        return text.toString();
    }

    /** A string of up to {@code maxChars} letters and digits (at least {@code minChars}). */
    public String word(int minChars, int maxChars) {
        int length = minChars + pick(maxChars - minChars + 1);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet.charAt(pick(alphabet.length())));
        }
        return word.toString();
    }

    /** Every byte not read yet, as characters: any UTF-16 code unit may come out, lone surrogates too. */
    public String restAsText() {
        StringBuilder text = new StringBuilder();
        while (next < data.length) {
            text.append(character());
        }
        return text.toString();
    }

    /** Every byte not read yet. */
    public byte[] restAsBytes() {
        byte[] rest = java.util.Arrays.copyOfRange(data, Math.min(next, data.length), data.length);
        next = data.length;
        return rest;
    }

    private char character() {
        int kind = nextByte();
        if (kind < 160) {
            return (char) (' ' + kind % 95);
        }
        if (kind < 230) {
            return SPECIAL[nextByte() % SPECIAL.length];
        }
        return (char) (nextByte() << 8 | nextByte());
    }

    private int nextByte() {
        return next < data.length ? data[next++] & 0xff : 0;
    }
}
