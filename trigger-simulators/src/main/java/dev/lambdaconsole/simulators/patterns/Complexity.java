package dev.lambdaconsole.simulators.patterns;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The size of an SNS filter policy: each {@code $or} expands the policy into AND-branches; a branch has as many
 * keys as pattern arrays (leaf keys) and as many combinations as the product of those arrays' lengths. The policy
 * counts the most keys of any branch and the sum of the branches' combinations.
 */
final class Complexity {
    private Complexity() { }

    /** {max keys, total combinations}. */
    static long[] of(JsonNode policy) {
        long keys = 0;
        long combinations = 0;
        for (long[] branch : branches(policy)) {
            keys = Math.max(keys, branch[0]);
            combinations += branch[1];
        }
        return new long[] {keys, combinations};
    }

    private static List<long[]> branches(JsonNode object) {
        List<long[]> branches = new ArrayList<>(List.of(new long[] {0, 1}));
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<long[]> part;
            if (e.getKey().equals("$or") && e.getValue().isArray()) {
                part = new ArrayList<>();
                for (JsonNode alternative : e.getValue()) part.addAll(branches(alternative));
            } else if (e.getValue().isObject()) {
                part = branches(e.getValue());
            } else {
                part = List.of(new long[] {1, Math.max(1, e.getValue().size())});
            }
            List<long[]> crossed = new ArrayList<>();
            for (long[] b : branches) {
                for (long[] p : part) crossed.add(new long[] {b[0] + p[0], Math.min(b[1] * p[1], 1_000_000)});
            }
            branches = crossed;
            if (branches.size() > 10_000) break;
        }
        return branches;
    }
}
