package dev.huddle.auth.password;

import dev.huddle.contracts.ErrorCode;
import dev.huddle.contracts.HuddleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * Refuses new passwords that are easy to guess (OWASP ASVS 5.0, V6.2: checked against common and
 * breached-style passwords), using nbvcxz: its dictionaries of the most common passwords, names and
 * words, keyboard walks, sequences, repeats, dates and leetspeak, plus the account's own username and
 * e-mail address. A password passes when nbvcxz's score (0 to 4; 3: "safely unguessable, moderate
 * protection from an offline attack on a slow hash") reaches the configured minimum. Blocking (a
 * few ms to ~100 ms per estimate): call from a worker thread. Thread-safe.
 */
public final class PasswordStrength {

    /** nbvcxz's highest score. */
    public static final int MAX_SCORE = 4;

    private final int minimumScore;

    /**
     * Loads nbvcxz's dictionaries now (seconds on a busy machine), so that the first registration
     * does not pay for it. Blocking.
     *
     * @param minimumScore 0 (length only, no guessability check) to {@value #MAX_SCORE}
     */
    public PasswordStrength(int minimumScore) {
        if (minimumScore < 0 || minimumScore > MAX_SCORE) {
            throw new IllegalArgumentException("minimumScore must be 0 to " + MAX_SCORE);
        }
        this.minimumScore = minimumScore;
        if (minimumScore > 0) {
            estimator().estimate("warm-up");
        }
    }

    /**
     * Refuses {@code password} with WEAK_PASSWORD when its score is below the minimum, saying why.
     *
     * @param userWords the account's username and e-mail address (nulls ignored): a password made of
     *                  them is as weak as a common one
     */
    public void check(String password, String... userWords) {
        if (minimumScore == 0) {
            return;
        }
        Result result = estimator(userWords).estimate(password);
        if (result.getBasicScore() < minimumScore) {
            String warning = result.getFeedback().getWarning();
            throw new HuddleException(ErrorCode.WEAK_PASSWORD, "password is too easy to guess"
                + (warning == null ? "" : ": " + warning.replaceAll("\\.$", ""))
                + "; try a few unrelated words, or a longer phrase");
        }
    }

    // nbvcxz's built-in dictionaries are loaded once per class; the instance itself is cheap, and a
    // fresh one per check carries this account's words without sharing state between threads
    private static Nbvcxz estimator(String... userWords) {
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName("account").setExclusion(true);
        for (String word : userWords) {
            if (word != null && !word.isBlank()) {
                String lower = word.toLowerCase(Locale.ROOT);
                own.addWord(lower, 0);
                int at = lower.indexOf('@');
                if (at > 0) {
                    own.addWord(lower.substring(0, at), 0);
                }
            }
        }
        dictionaries.add(own.createDictionary());
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries).setLocale(Locale.ENGLISH)
            .createConfiguration());
    }
}
