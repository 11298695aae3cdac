package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.workspace.Alias;

import java.util.Map;

/**
 * One line of the Aliases table: the alias, the version it points at, its additional version with that version's
 * share ("2 at 10 %", empty without one) and its description.
 */
public record AliasRow(Alias alias, String name, String version, String additional, String description) {

    static AliasRow of(Alias a) {
        Map.Entry<String, Double> extra = a.weights().entrySet().stream().findFirst().orElse(null);
        return new AliasRow(a, a.name(), a.functionVersion(),
                extra == null ? "" : extra.getKey() + " at " + Qualifier.percent(extra.getValue()) + " %",
                a.descriptionOrEmpty());
    }
}
