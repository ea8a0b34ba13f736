package dev.huddle.desktop.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How long ago a message was, as a side-bar line shows it, the shorter the more recent: {@code now}
 * under a minute (or a little in the future: the server's clock may run ahead), {@code 5 min} under
 * an hour, the time of day ({@code 14:02}) for the rest of today, the weekday ({@code Mon}) for the
 * six days before, the day ({@code 3 Dec}) earlier this year and with the year before that. Days
 * are counted in {@code zone}; dates and times are written as {@code locale} writes them.
 * {@link #stamp} is a conversation line's time: always the time of day, after the day when not today.
 */
public final class RelativeTime {

    private final Clock clock;
    private final ZoneId zone;
    private final DateTimeFormatter timeOfDay;
    private final DateTimeFormatter weekday;
    private final DateTimeFormatter dayThisYear;
    private final DateTimeFormatter dayWithYear;

    public RelativeTime(Clock clock, ZoneId zone, Locale locale) {
        this.clock = clock;
        this.zone = zone;
        this.timeOfDay = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        this.weekday = DateTimeFormatter.ofPattern("EEE", locale);
        this.dayThisYear = DateTimeFormatter.ofLocalizedPattern("MMMd").withLocale(locale);
        this.dayWithYear = DateTimeFormatter.ofLocalizedPattern("yMMMd").withLocale(locale);
    }

    /** This computer's clock, time zone and formatting locale. */
    public static RelativeTime here() {
        return new RelativeTime(Clock.systemUTC(), ZoneId.systemDefault(), Locale.getDefault(Locale.Category.FORMAT));
    }

    public String format(Instant at) {
        Instant now = clock.instant();
        Duration ago = Duration.between(at, now);
        if (ago.toMinutes() < 1) {
            return "now";
        }
        if (ago.toMinutes() < 60) {
            return ago.toMinutes() + " min";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!day.isBefore(today)) {
            return timeOfDay.format(at.atZone(zone));
        }
        if (day.isAfter(today.minusDays(7))) {
            return weekday.format(day);
        }
        return (day.getYear() == today.getYear() ? dayThisYear : dayWithYear).format(day);
    }

    /**
     * A message's time in a conversation: {@code 14:02} today, {@code Mon 14:02} in the six days
     * before, {@code 3 Dec 14:02} earlier this year, {@code 3 Dec 2025 14:02} before that.
     */
    public String stamp(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        String time = timeOfDay.format(at.atZone(zone));
        if (!day.isBefore(today)) {
            return time;
        }
        if (day.isAfter(today.minusDays(7))) {
            return weekday.format(day) + " " + time;
        }
        return (day.getYear() == today.getYear() ? dayThisYear : dayWithYear).format(day) + " " + time;
    }
}
