package dev.lambdaconsole.simulators.eventbridge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rate(), AWS's six-field cron() and Scheduler's at(): the examples of AWS's schedule expression reference, each
 * special character, years, and time zones (rules in UTC, Scheduler's in its zone with daylight-saving changes).
 */
class ScheduleExpressionTest {
    static List<String> next(String expression, String from, int n) {
        return ScheduleExpression.parse(expression).next(Instant.parse(from), n).stream().map(Instant::toString).toList();
    }

    @Test
    void awsDocumentedCronExamples() {
        // "Run at 10:00 am (UTC) every day" (strictly after the given time)
        assertThat(next("cron(0 10 * * ? *)", "2026-01-01T10:00:00Z", 2))
                .containsExactly("2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z");
        // "Run at 12:15 pm (UTC) every day"
        assertThat(next("cron(15 12 * * ? *)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-01T12:15:00Z");
        // "Run at 6:00 pm (UTC) every Monday through Friday" (2026-01-02 is a Friday)
        assertThat(next("cron(0 18 ? * MON-FRI *)", "2026-01-02T19:00:00Z", 2))
                .containsExactly("2026-01-05T18:00:00Z", "2026-01-06T18:00:00Z");
        // "Run at 8:00 am (UTC) every first day of the month"
        assertThat(next("cron(0 8 1 * ? *)", "2026-01-01T09:00:00Z", 2))
                .containsExactly("2026-02-01T08:00:00Z", "2026-03-01T08:00:00Z");
        // "Run every 15 minutes"
        assertThat(next("cron(0/15 * * * ? *)", "2026-01-01T00:07:00Z", 4)).containsExactly(
                "2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z", "2026-01-01T00:45:00Z", "2026-01-01T01:00:00Z");
        // "Run every 10 minutes Monday through Friday" (Saturday 2026-01-03 is skipped to Monday)
        assertThat(next("cron(0/10 * ? * MON-FRI *)", "2026-01-02T23:55:00Z", 1)).containsExactly("2026-01-05T00:00:00Z");
        // "Run every 5 minutes Monday through Friday between 8:00 am and 5:55 pm (UTC)"
        assertThat(next("cron(0/5 8-17 ? * MON-FRI *)", "2026-01-02T17:52:00Z", 2))
                .containsExactly("2026-01-02T17:55:00Z", "2026-01-05T08:00:00Z");
        // Scheduler: "9:00 AM on the first Monday of each month"
        assertThat(next("cron(0 9 ? * 2#1 *)", "2026-01-01T00:00:00Z", 3))
                .containsExactly("2026-01-05T09:00:00Z", "2026-02-02T09:00:00Z", "2026-03-02T09:00:00Z");
    }

    @Test
    void lastDaysWeekdaysAndNthWeekdays() {
        assertThat(next("cron(0 0 L * ? *)", "2026-01-01T00:00:00Z", 3))
                .containsExactly("2026-01-31T00:00:00Z", "2026-02-28T00:00:00Z", "2026-03-31T00:00:00Z");
        // the last Friday (6 = FRI) of the month
        assertThat(next("cron(0 0 ? * 6L *)", "2026-01-01T00:00:00Z", 2))
                .containsExactly("2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z");
        assertThat(next("cron(0 0 ? * FRIL *)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-30T00:00:00Z");
        // L alone in day-of-week: the last day of the week, Saturday
        assertThat(next("cron(0 0 ? * L *)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-03T00:00:00Z");
        // 15W: the 15th of March 2026 is a Sunday (Monday 16th), of August a Saturday (Friday 14th)
        assertThat(next("cron(0 0 15W * ? *)", "2026-03-01T00:00:00Z", 2))
                .containsExactly("2026-03-16T00:00:00Z", "2026-04-15T00:00:00Z");
        assertThat(next("cron(0 0 15W 8 ? *)", "2026-03-01T00:00:00Z", 1)).containsExactly("2026-08-14T00:00:00Z");
        // 1W on a Saturday does not leave the month: Monday the 3rd
        assertThat(next("cron(0 0 1W 8 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-08-03T00:00:00Z");
        // LW: the last weekday (31 May 2026 is a Sunday)
        assertThat(next("cron(0 0 LW 5 ? 2026)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-05-29T00:00:00Z");
        // the second Tuesday
        assertThat(next("cron(30 6 ? * TUE#2 *)", "2026-01-01T00:00:00Z", 2))
                .containsExactly("2026-01-13T06:30:00Z", "2026-02-10T06:30:00Z");
        // a fifth Monday only in months that have one
        assertThat(next("cron(0 0 ? * 2#5 2026)", "2026-01-01T00:00:00Z", 2))
                .containsExactly("2026-03-30T00:00:00Z", "2026-06-29T00:00:00Z");
    }

    @Test
    void namesNumbersListsRangesAndYears() {
        assertThat(next("cron(0 0 1 JAN,JUL ? *)", "2026-01-01T00:00:00Z", 2))
                .containsExactly("2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z");
        // 1 = Sunday
        assertThat(next("cron(0 0 ? * 1 *)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-04T00:00:00Z");
        assertThat(next("cron(0 0 ? * sun *)", "2026-01-01T00:00:00Z", 1)).containsExactly("2026-01-04T00:00:00Z");
        // an hour range across midnight
        assertThat(next("cron(0 22-2 * * ? *)", "2026-01-01T21:00:00Z", 5)).containsExactly("2026-01-01T22:00:00Z",
                "2026-01-01T23:00:00Z", "2026-01-02T00:00:00Z", "2026-01-02T01:00:00Z", "2026-01-02T02:00:00Z");
        assertThat(next("cron(5,35 */12 ? * * *)", "2026-01-01T00:10:00Z", 3))
                .containsExactly("2026-01-01T00:35:00Z", "2026-01-01T12:05:00Z", "2026-01-01T12:35:00Z");
        assertThat(next("cron(10-20/5 3 * * ? *)", "2026-01-01T00:00:00Z", 4)).containsExactly(
                "2026-01-01T03:10:00Z", "2026-01-01T03:15:00Z", "2026-01-01T03:20:00Z", "2026-01-02T03:10:00Z");
        // a year: 29 February 2028, and nothing after
        assertThat(next("cron(0 12 29 2 ? 2028)", "2026-01-01T00:00:00Z", 5)).containsExactly("2028-02-29T12:00:00Z");
        assertThat(next("cron(0 0 1 1 ? 2030-2032)", "2026-06-01T00:00:00Z", 5))
                .containsExactly("2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z", "2032-01-01T00:00:00Z");
    }

    @Test
    void rulesAreUtcWhateverTheMachinesZone() {
        // the US and EU daylight-saving dates of 2026: UTC times stay where they are
        assertThat(next("cron(0 9 * * ? *)", "2026-03-07T12:00:00Z", 3))
                .containsExactly("2026-03-08T09:00:00Z", "2026-03-09T09:00:00Z", "2026-03-10T09:00:00Z");
        assertThat(next("cron(30 1 * * ? *)", "2026-10-24T12:00:00Z", 2))
                .containsExactly("2026-10-25T01:30:00Z", "2026-10-26T01:30:00Z");
    }

    @Test
    void schedulerTimeZonesAndDaylightSaving() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 9:00 New York: 14:00Z in winter, 13:00Z from 8 March 2026
        assertThat(ScheduleExpression.parse("cron(0 9 * * ? *)", newYork).next(Instant.parse("2026-03-07T00:00:00Z"), 2))
                .containsExactly(Instant.parse("2026-03-07T14:00:00Z"), Instant.parse("2026-03-08T13:00:00Z"));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 02:30 does not exist on 29 March 2026 in Berlin: it fires past the gap, at 03:30 CEST (01:30Z)
        assertThat(ScheduleExpression.parse("at(2026-03-29T02:30:00)", berlin).next(Instant.parse("2026-01-01T00:00:00Z"), 5))
                .containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
        // 02:30 happens twice on 25 October 2026: once, at the first (CEST, 00:30Z)
        assertThat(ScheduleExpression.parse("cron(30 2 25 10 ? 2026)", berlin).next(Instant.parse("2026-10-01T00:00:00Z"), 5))
                .containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
        ScheduleExpression at = ScheduleExpression.parse("at(2026-06-01T09:00:00)", newYork);
        assertThat(at.kind()).isEqualTo(ScheduleExpression.Kind.AT);
        assertThat(at.nextAfter(Instant.parse("2026-05-31T00:00:00Z"))).contains(Instant.parse("2026-06-01T13:00:00Z"));
        assertThat(at.nextAfter(Instant.parse("2026-06-01T13:00:00Z"))).isEmpty();
        assertThat(ScheduleExpression.parse("at(2026-06-01T09:00:00)").nextAfter(Instant.parse("2026-05-31T00:00:00Z")))
                .contains(Instant.parse("2026-06-01T09:00:00Z"));
    }

    @Test
    void ratesCountFromWhenTheyWereSet() {
        ScheduleExpression rate = ScheduleExpression.parse("rate(2 minutes)").anchoredAt(Instant.parse("2026-01-01T10:00:30Z"));
        assertThat(rate.period()).isEqualTo(Duration.ofMinutes(2));
        assertThat(rate.next(Instant.parse("2026-01-01T10:00:30Z"), 2))
                .containsExactly(Instant.parse("2026-01-01T10:02:00Z"), Instant.parse("2026-01-01T10:04:00Z"));
        assertThat(rate.next(Instant.parse("2026-01-01T10:03:10Z"), 2))
                .containsExactly(Instant.parse("2026-01-01T10:04:00Z"), Instant.parse("2026-01-01T10:06:00Z"));
        assertThat(ScheduleExpression.parse("rate(1 day)").anchoredAt(Instant.parse("2026-01-01T10:00:00Z"))
                .nextAfter(Instant.parse("2026-01-03T09:00:00Z"))).contains(Instant.parse("2026-01-03T10:00:00Z"));
        assertThat(ScheduleExpression.parse("rate(1 hour)").period()).isEqualTo(Duration.ofHours(1));
        assertThat(ScheduleExpression.parse("rate(1 minute)").kind()).isEqualTo(ScheduleExpression.Kind.RATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cron(0 10 * * * *)", "cron(0 10 ? * ? *)", "cron(60 * * * ? *)", "cron(0 0 * * ?)",
            "cron(0 0 ? * 8 *)", "cron(0 0 ? * MON#6 *)", "cron(0 0 1 1 ? 2200)", "cron(0 24 * * ? *)",
            "cron(0 0 32 * ? *)", "cron(0 0 1 13 ? *)", "cron(0 0 1 FOO ? *)", "cron(0,,5 0 * * ? *)",
            "rate(1 minutes)", "rate(2 hour)", "rate(0 minutes)", "rate(-1 minutes)", "rate(5 weeks)", "rate(5)",
            "every 5 minutes", "at(2026-13-01T00:00:00)", "at(2026-01-01 00:00:00)", ""})
    void refusedExpressions(String text) {
        assertThatThrownBy(() -> ScheduleExpression.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 10 * * * *)"))
                .hasMessage("exactly one of day-of-month and day-of-week must be '?'");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(61 10 * * ? *)"))
                .hasMessage("the minutes field '61' is not valid: outside 0-59");
        assertThatThrownBy(() -> ScheduleExpression.parse("rate(1 minutes)"))
                .hasMessage("a rate of 1 takes the singular unit (rate(1 minute))");
    }
}
