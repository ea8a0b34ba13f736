package dev.huddle.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The side bar's "how long ago", against a fixed clock: Wednesday 2 December 2026, 14:30 in Berlin. */
class RelativeTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 12, 2, 14, 30, 0, 0, BERLIN);
    private static final Clock CLOCK = Clock.fixed(NOW.toInstant(), ZoneId.of("UTC"));

    static Stream<Arguments> britishEnglish() {
        return Stream.of(
            Arguments.of("just sent", NOW, "now"),
            Arguments.of("59 seconds ago", NOW.minusSeconds(59), "now"),
            Arguments.of("a little in the future (the server's clock runs ahead)", NOW.plusSeconds(20), "now"),
            Arguments.of("one minute ago", NOW.minusSeconds(60), "1 min"),
            Arguments.of("five and a half minutes ago", NOW.minusSeconds(330), "5 min"),
            Arguments.of("59 minutes ago", NOW.minusMinutes(59).minusSeconds(59), "59 min"),
            Arguments.of("an hour ago, today", NOW.minusHours(1), "13:30"),
            Arguments.of("just after midnight today", NOW.withHour(0).withMinute(2), "00:02"),
            Arguments.of("just before midnight, yesterday", NOW.minusDays(1).withHour(23).withMinute(59), "Tue"),
            Arguments.of("six days ago", NOW.minusDays(6), "Thu"),
            Arguments.of("a week ago: the weekday would be today's", NOW.minusDays(7), "25 Nov"),
            Arguments.of("earlier this year", ZonedDateTime.of(2026, 1, 3, 9, 0, 0, 0, BERLIN), "3 Jan"),
            Arguments.of("last year", ZonedDateTime.of(2025, 12, 3, 9, 0, 0, 0, BERLIN), "3 Dec 2025"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("britishEnglish")
    void saysHowLongAgoTheShorterTheMoreRecent(String when, ZonedDateTime at, String shown) {
        assertThat(new RelativeTime(CLOCK, BERLIN, Locale.UK).format(at.toInstant())).isEqualTo(shown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zones")
    void daysAreCountedInTheUsersTimeZone(String zone, String shown) {
        // 23:30 UTC on 1 December: yesterday in London, already today (00:30) in Berlin
        Clock justAfter = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneId.of("UTC"));
        Instant at = Instant.parse("2026-12-01T23:30:00Z");
        assertThat(new RelativeTime(justAfter, ZoneId.of(zone), Locale.UK).format(at)).isEqualTo(shown);
    }

    static Stream<Arguments> zones() {
        return Stream.of(Arguments.of("Europe/London", "Tue"), Arguments.of("Europe/Berlin", "00:30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locales")
    void datesAndTimesAreWrittenTheWayTheLocaleWritesThem(Locale locale, ZonedDateTime at, String shown) {
        assertThat(new RelativeTime(CLOCK, BERLIN, locale).format(at.toInstant()).replace('\u202f', ' '))
            .isEqualTo(shown);
    }

    static Stream<Arguments> locales() {
        return Stream.of(
            Arguments.of(Locale.US, NOW.minusHours(1), "1:30 PM"),
            Arguments.of(Locale.US, ZonedDateTime.of(2026, 1, 3, 9, 0, 0, 0, BERLIN), "Jan 3"),
            Arguments.of(Locale.GERMANY, NOW.minusHours(1), "13:30"),
            Arguments.of(Locale.GERMANY, NOW.minusDays(2), "Mo."));
    }

    static Stream<Arguments> stamps() {
        return Stream.of(
            Arguments.of("just sent", NOW, "14:30"),
            Arguments.of("a little in the future", NOW.plusSeconds(20), "14:30"),
            Arguments.of("just after midnight today", NOW.withHour(0).withMinute(2), "00:02"),
            Arguments.of("yesterday evening", NOW.minusDays(1).withHour(23).withMinute(59), "Tue 23:59"),
            Arguments.of("a week ago", NOW.minusDays(7), "25 Nov 14:30"),
            Arguments.of("last year", ZonedDateTime.of(2025, 12, 3, 9, 5, 0, 0, BERLIN), "3 Dec 2025 09:05"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("stamps")
    void aConversationLineShowsTheTimeOfDayAfterTheDayWhenNotToday(String when, ZonedDateTime at, String shown) {
        assertThat(new RelativeTime(CLOCK, BERLIN, Locale.UK).stamp(at.toInstant())).isEqualTo(shown);
    }
}
