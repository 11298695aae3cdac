package dev.lambdaconsole.simulators.eventbridge;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule as EventBridge rules and EventBridge Scheduler write it: {@code rate(5 minutes)}, AWS's six-field
 * {@code cron(0 12 ? * MON-FRI *)} and Scheduler's one-time {@code at(2025-03-01T09:30:00)}. Rules evaluate in UTC;
 * Scheduler evaluates cron and at() in its {@code ScheduleExpressionTimezone} ({@link #parse(String, ZoneId)}).
 * A local time that a daylight-saving change skips fires at the same instant shifted past the gap; a repeated local
 * time fires once, at its first occurrence.
 */
public final class ScheduleExpression {
    public enum Kind { RATE, CRON, AT }

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern AT = Pattern.compile("at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)");

    private final String text;
    private final Kind kind;
    private final ZoneId zone;
    private final Duration period;
    private final Instant anchor;
    private final CronExpression cron;
    private final LocalDateTime at;

    private ScheduleExpression(String text, Kind kind, ZoneId zone, Duration period, Instant anchor, CronExpression cron,
                               LocalDateTime at) {
        this.text = text;
        this.kind = kind;
        this.zone = zone;
        this.period = period;
        this.anchor = anchor;
        this.cron = cron;
        this.at = at;
    }

    /** An expression evaluated in UTC, as EventBridge rules do. */
    public static ScheduleExpression parse(String text) { return parse(text, ZoneOffset.UTC); }

    /**
     * An expression evaluated in {@code zone} (Scheduler's ScheduleExpressionTimezone); throws
     * IllegalArgumentException saying what is wrong.
     */
    public static ScheduleExpression parse(String text, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (text == null) throw new IllegalArgumentException("no schedule expression");
        String t = text.trim();
        Matcher m = RATE.matcher(t);
        if (m.matches()) {
            long value;
            try {
                value = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the rate's value is too large: " + m.group(1));
            }
            String unit = m.group(2);
            if (value <= 0) throw new IllegalArgumentException("the rate's value must be a positive whole number");
            boolean plural = unit.endsWith("s");
            if (value == 1 && plural) {
                throw new IllegalArgumentException("a rate of 1 takes the singular unit (rate(1 " + unit.substring(0, unit.length() - 1) + "))");
            }
            if (value > 1 && !plural) {
                throw new IllegalArgumentException("a rate above 1 takes the plural unit (rate(" + value + " " + unit + "s))");
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new ScheduleExpression(t, Kind.RATE, zone, period, null, null, null);
        }
        m = CRON.matcher(t);
        if (m.matches()) return new ScheduleExpression(t, Kind.CRON, zone, null, null, CronExpression.parse(m.group(1)), null);
        m = AT.matcher(t);
        if (m.matches()) {
            try {
                return new ScheduleExpression(t, Kind.AT, zone, null, null, null, LocalDateTime.parse(m.group(1)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("at() names no valid date and time: " + m.group(1));
            }
        }
        throw new IllegalArgumentException("a schedule is rate(value unit), cron(minutes hours day-of-month month "
                + "day-of-week year) or at(yyyy-mm-ddThh:mm:ss)");
    }

    /** A rate that counts from {@code start} (a rule's creation): it fires at start + k × period, k ≥ 1. */
    public ScheduleExpression anchoredAt(Instant start) {
        return new ScheduleExpression(text, kind, zone, period, start.truncatedTo(ChronoUnit.MINUTES), cron, at);
    }

    /** The next {@code n} fire times strictly after {@code from} (fewer when the schedule ends). */
    public List<Instant> next(Instant from, int n) {
        List<Instant> out = new ArrayList<>(n);
        Instant cursor = from;
        while (out.size() < n) {
            Optional<Instant> next = nextAfter(cursor);
            if (next.isEmpty()) break;
            out.add(next.get());
            cursor = next.get();
        }
        return out;
    }

    /** The first fire time strictly after {@code from}. */
    public Optional<Instant> nextAfter(Instant from) {
        return switch (kind) {
            case RATE -> {
                Instant start = anchor != null ? anchor : from.truncatedTo(ChronoUnit.MINUTES);
                if (from.isBefore(start)) yield Optional.of(start.plus(period));
                long k = Duration.between(start, from).toMillis() / period.toMillis() + 1;
                yield Optional.of(start.plus(period.multipliedBy(k)));
            }
            case AT -> {
                Instant when = ZonedDateTime.ofLocal(at, zone, null).toInstant();
                yield when.isAfter(from) ? Optional.of(when) : Optional.empty();
            }
            case CRON -> {
                LocalDateTime local = LocalDateTime.ofInstant(from, zone);
                while (true) {
                    LocalDateTime next = cron.nextAfter(local);
                    if (next == null) yield Optional.empty();
                    Instant when = ZonedDateTime.ofLocal(next, zone, null).toInstant();
                    if (when.isAfter(from)) yield Optional.of(when);
                    local = next;
                }
            }
        };
    }

    public Kind kind() { return kind; }

    public ZoneId zone() { return zone; }

    /** A rate's period (null for cron and at()). */
    public Duration period() { return period; }

    /** The expression as written. */
    public String text() { return text; }

    @Override
    public String toString() { return text + (zone.equals(ZoneOffset.UTC) ? "" : " " + zone); }
}
