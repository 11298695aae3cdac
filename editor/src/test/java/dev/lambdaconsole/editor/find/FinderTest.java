package dev.lambdaconsole.editor.find;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.find.Finder.Match;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinderTest {

    private static final String TEXT = "Event event; events = [event]";

    @Test
    void plainSearchIgnoresCaseByDefault() {
        assertThat(Finder.findAll(TEXT, FindQuery.plain("event"))).hasSize(4);
    }

    @Test
    void caseSensitive() {
        assertThat(Finder.findAll(TEXT, new FindQuery("Event", true, false, false))).containsExactly(new Match(0, 5));
    }

    @Test
    void wholeWord() {
        assertThat(Finder.findAll(TEXT, new FindQuery("event", false, true, false)))
                .containsExactly(new Match(0, 5), new Match(6, 11), new Match(23, 28));
    }

    @Test
    void regexAndPlainTextThatLooksLikeRegex() {
        assertThat(Finder.findAll("a1 b22 c", new FindQuery("\\d+", false, false, true))).hasSize(2);
        assertThat(Finder.findAll("[event] a.b", FindQuery.plain("[event]"))).containsExactly(new Match(0, 7));
        assertThat(Finder.findAll("axb a.b", FindQuery.plain("a.b"))).containsExactly(new Match(4, 7));
    }

    @Test
    void invalidRegexFindsNothingAndSaysWhy() {
        FindQuery broken = new FindQuery("(", false, false, true);
        assertThat(Finder.findAll("(", broken)).isEmpty();
        assertThat(Finder.error(broken)).isPresent();
    }

    @Test
    void replaceAllExpandsGroupsForRegexOnly() {
        assertThat(Finder.replaceAll("k1=v1, k2=v2", new FindQuery("(\\w+)=(\\w+)", false, false, true), "$2=$1"))
                .isEqualTo(new Finder.Replaced("v1=k1, v2=k2", 2));
        assertThat(Finder.replaceAll("a a", FindQuery.plain("a"), "$1").text()).isEqualTo("$1 $1");
    }

    @Test
    void replacementsListEveryMatchWithItsText() {
        assertThat(Finder.replacements("x1 y2", new FindQuery("[a-z](\\d)", false, false, true), "<$1>"))
                .containsExactly(new Finder.Replacement(0, 2, "<1>"), new Finder.Replacement(3, 5, "<2>"));
    }

    @Test
    void navigationWrapsAround() {
        List<Match> matches = List.of(new Match(2, 3), new Match(10, 11));
        assertThat(Finder.nextIndex(matches, 5)).isEqualTo(1);
        assertThat(Finder.nextIndex(matches, 11)).isZero();
        assertThat(Finder.previousIndex(matches, 2)).isEqualTo(1);
        assertThat(Finder.nextIndex(List.of(), 0)).isEqualTo(-1);
    }

    @Test
    void statusReadsLikeTheBar() {
        assertThat(Finder.status(2, 12)).isEqualTo("3 of 12");
        assertThat(Finder.status(-1, 0)).isEqualTo("No results");
    }

    @Test
    void lineTargets() {
        assertThat(LineTarget.parse("12")).contains(new LineTarget(12, 1));
        assertThat(LineTarget.parse(" 7:3 ")).contains(new LineTarget(7, 3));
        assertThat(LineTarget.parse("0")).isEmpty();
        assertThat(LineTarget.parse("x")).isEmpty();
        assertThat(LineTarget.parse("99999999999")).isEmpty();
    }
}
