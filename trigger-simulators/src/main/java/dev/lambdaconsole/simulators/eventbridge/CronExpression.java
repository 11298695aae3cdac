package dev.lambdaconsole.simulators.eventbridge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * AWS's six-field cron ({@code minutes hours day-of-month month day-of-week year}), as EventBridge rules and
 * EventBridge Scheduler read it: {@code , - * /} in every field, {@code ?} in one of the two day fields (exactly
 * one of them), {@code L} and {@code W} (and {@code LW}) in day-of-month, {@code L}, {@code nL} and {@code n#k} in
 * day-of-week, day-of-week 1-7 with 1 = Sunday or SUN-SAT, months 1-12 or JAN-DEC, years 1970-2199.
 */
final class CronExpression {
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DayRule days;

    private CronExpression(BitSet minutes, BitSet hours, BitSet months, BitSet years, DayRule days) {
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.days = days;
    }

    /** Which days of a month match. */
    private interface DayRule {
        boolean matches(LocalDate date);
    }

    /** Parses the six fields; throws IllegalArgumentException naming the field and what is wrong with it. */
    static CronExpression parse(String fields) {
        String[] f = fields.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("a cron expression has 6 fields (minutes hours day-of-month month "
                    + "day-of-week year), got " + f.length);
        }
        BitSet minutes = field("minutes", f[0], 0, 59, Map.of());
        BitSet hours = field("hours", f[1], 0, 23, Map.of());
        BitSet months = field("month", f[3], 1, 12, MONTHS);
        BitSet years = field("year", f[5], MIN_YEAR, MAX_YEAR, Map.of());
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?'");
        }
        DayRule days = domAny ? dayOfWeek(f[4]) : dayOfMonth(f[2]);
        return new CronExpression(minutes, hours, months, years, days);
    }

    /** The first matching minute strictly after {@code after} (local time), or null when none is left (year 2199). */
    LocalDateTime nextAfter(LocalDateTime after) {
        LocalDateTime start = after.withSecond(0).withNano(0).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (date.getYear() <= MAX_YEAR) {
            if (!years.get(date.getYear())) {
                int y = years.nextSetBit(date.getYear());
                if (y < 0 || y > MAX_YEAR) return null;
                date = LocalDate.of(y, 1, 1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                int m = months.nextSetBit(date.getMonthValue());
                date = m < 0 ? LocalDate.of(date.getYear() + 1, 1, 1) : LocalDate.of(date.getYear(), m, 1);
                from = LocalTime.MIDNIGHT;
                continue;
            }
            if (days.matches(date)) {
                LocalTime t = timeOnOrAfter(from);
                if (t != null) return LocalDateTime.of(date, t);
            }
            date = date.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return null;
    }

    private LocalTime timeOnOrAfter(LocalTime from) {
        for (int h = hours.nextSetBit(from.getHour()); h >= 0 && h < 24; h = hours.nextSetBit(h + 1)) {
            int m = minutes.nextSetBit(h == from.getHour() ? from.getMinute() : 0);
            if (m >= 0 && m < 60) return LocalTime.of(h, m);
        }
        return null;
    }

    private static BitSet field(String name, String text, int min, int max, Map<String, Integer> names) {
        BitSet out = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            if (part.isEmpty()) throw invalid(name, text, "an empty list item");
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(name, part.substring(slash + 1), 1, max - min + 1, Map.of());
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) throw invalid(name, text, "a range is low-high");
                lo = number(name, ends[0], min, max, names);
                hi = number(name, ends[1], min, max, names);
            } else {
                lo = number(name, range, min, max, names);
                hi = slash >= 0 ? max : lo;
            }
            if (lo <= hi) {
                for (int v = lo; v <= hi; v += step) out.set(v);
            } else {
                // a range that wraps around, e.g. hours 22-2 or FRI-MON
                int span = (max - lo + 1) + (hi - min + 1);
                for (int k = 0; k < span; k += step) {
                    int v = lo + k;
                    out.set(v > max ? v - max - 1 + min : v);
                }
            }
        }
        return out;
    }

    private static int number(String name, String text, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(text.toUpperCase(Locale.ROOT));
        if (named != null) return named;
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(name, text, "not a number" + (names.isEmpty() ? "" : " or a name"));
        }
        if (v < min || v > max) throw invalid(name, text, "outside " + min + "-" + max);
        return v;
    }

    private static DayRule dayOfMonth(String text) {
        if (text.equals("L")) return d -> d.getDayOfMonth() == d.lengthOfMonth();
        if (text.equals("LW")) return d -> d.equals(lastWeekday(YearMonth.from(d)));
        if (text.startsWith("L-")) {
            int offset = number("day-of-month", text.substring(2), 0, 30, Map.of());
            return d -> d.getDayOfMonth() == d.lengthOfMonth() - offset;
        }
        if (text.endsWith("W")) {
            int day = number("day-of-month", text.substring(0, text.length() - 1), 1, 31, Map.of());
            return d -> d.equals(nearestWeekday(YearMonth.from(d), day));
        }
        BitSet set = field("day-of-month", text, 1, 31, Map.of());
        return d -> set.get(d.getDayOfMonth());
    }

    private static DayRule dayOfWeek(String text) {
        if (text.equals("L")) return d -> d.getDayOfWeek() == DayOfWeek.SATURDAY;
        if (text.contains("#")) {
            String[] p = text.split("#", -1);
            if (p.length != 2) throw invalid("day-of-week", text, "n#k names the k-th weekday n of the month");
            int dow = number("day-of-week", p[0], 1, 7, DAYS);
            int nth = number("day-of-week", p[1], 1, 5, Map.of());
            return d -> awsDay(d) == dow && (d.getDayOfMonth() - 1) / 7 + 1 == nth;
        }
        if (text.endsWith("L") && text.length() > 1) {
            int dow = number("day-of-week", text.substring(0, text.length() - 1), 1, 7, DAYS);
            return d -> awsDay(d) == dow && d.plusDays(7).getMonthValue() != d.getMonthValue();
        }
        BitSet set = field("day-of-week", text, 1, 7, DAYS);
        return d -> set.get(awsDay(d));
    }

    /** 1 = Sunday … 7 = Saturday. */
    static int awsDay(LocalDate d) { return d.getDayOfWeek().getValue() % 7 + 1; }

    /** The weekday nearest to {@code day} of the month, not leaving the month; null when the month is shorter. */
    static LocalDate nearestWeekday(YearMonth month, int day) {
        if (day > month.lengthOfMonth()) return null;
        LocalDate d = month.atDay(day);
        return switch (d.getDayOfWeek()) {
            case SATURDAY -> d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
            case SUNDAY -> d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
            default -> d;
        };
    }

    static LocalDate lastWeekday(YearMonth month) {
        LocalDate d = month.atEndOfMonth();
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) d = d.minusDays(1);
        return d;
    }

    private static IllegalArgumentException invalid(String field, String text, String why) {
        return new IllegalArgumentException("the " + field + " field '" + text + "' is not valid: " + why);
    }
}
