package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PutRule, DescribeRule, ListRules, Enable/DisableRule, DeleteRule and the target operations. */
final class EventBridgeRules {
    static final int MAX_TARGETS = 5;
    static final Set<String> STATES = Set.of("ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
    private static final String NAME = "[\\.\\-_A-Za-z0-9]+";

    private final EventBridgeService s;

    EventBridgeRules(EventBridgeService service) { this.s = service; }

    private static AwsServiceException validation(String message) {
        return AwsServiceException.badRequest("ValidationException", message);
    }

    static String name(JsonNode input, String member, String wire) {
        String name = EventBridgeService.requiredString(input, member, wire);
        if (name.isEmpty() || name.length() > 64 || !name.matches(NAME)) {
            throw validation("1 validation error detected: Value '" + name + "' at '" + wire + "' failed to satisfy "
                    + "constraint: Member must satisfy regular expression pattern: " + NAME);
        }
        return name;
    }

    private String ruleArn(String bus, String name) {
        return "arn:aws:events:" + s.region() + ":" + s.accountId() + ":rule/"
                + (bus.equals(EventBridgeService.DEFAULT_BUS) ? "" : bus + "/") + name;
    }

    private Rule rule(JsonNode input, String member) {
        String bus = s.busName(input);
        String name = name(input, member, member.equals("Rule") ? "rule" : "name");
        s.bus(bus);
        Rule r = s.rules().get(bus + "/" + name);
        if (r == null) throw AwsServiceException.notFound("Rule " + name + " does not exist on EventBus " + bus + ".");
        return r;
    }

    JsonNode putRule(JsonNode input) {
        synchronized (s) {
            String name = name(input, "Name", "name");
            String bus = s.busName(input);
            s.bus(bus);
            String pattern = input.path("EventPattern").asText(null);
            String schedule = input.path("ScheduleExpression").asText(null);
            if ((pattern == null || pattern.isEmpty()) && (schedule == null || schedule.isEmpty())) {
                throw validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
            }
            if (pattern != null && pattern.isEmpty()) pattern = null;
            if (schedule != null && schedule.isEmpty()) schedule = null;
            if (pattern != null) s.pattern(pattern);
            if (schedule != null) {
                if (!bus.equals(EventBridgeService.DEFAULT_BUS)) {
                    throw validation("ScheduleExpression is supported only on the default event bus.");
                }
                ScheduleExpression parsed;
                try {
                    parsed = ScheduleExpression.parse(schedule);
                } catch (IllegalArgumentException e) {
                    throw validation("Parameter ScheduleExpression is not valid.");
                }
                if (parsed.kind() == ScheduleExpression.Kind.AT) {
                    throw validation("Parameter ScheduleExpression is not valid.");
                }
            }
            String state = input.path("State").asText("ENABLED");
            if (!STATES.contains(state)) {
                throw validation("1 validation error detected: Value '" + state + "' at 'state' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [ENABLED, DISABLED, "
                        + "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS]");
            }
            String description = input.path("Description").asText(null);
            if (description != null && description.length() > 512) {
                throw validation("1 validation error detected: Value at 'description' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 512");
            }
            String key = bus + "/" + name;
            Rule before = s.rules().get(key);
            long since = before != null && before.scheduleExpression() != null && before.scheduleExpression().equals(schedule)
                    ? before.scheduledSince() : s.clock().millis();
            Rule rule = new Rule(name, bus, ruleArn(bus, name), pattern, schedule, state, description,
                    input.path("RoleArn").asText(null), since, before == null ? List.of() : before.targets());
            s.rules().put(key, rule);
            s.save();
            return Json.object().put("RuleArn", rule.arn());
        }
    }

    JsonNode describeRule(JsonNode input) {
        synchronized (s) {
            ObjectNode o = ruleJson(rule(input, "Name"));
            o.put("CreatedBy", s.accountId());
            return o;
        }
    }

    private static ObjectNode ruleJson(Rule r) {
        ObjectNode o = Json.object().put("Name", r.name()).put("Arn", r.arn());
        if (r.eventPattern() != null) o.put("EventPattern", r.eventPattern());
        if (r.scheduleExpression() != null) o.put("ScheduleExpression", r.scheduleExpression());
        o.put("State", r.state());
        if (r.description() != null) o.put("Description", r.description());
        if (r.roleArn() != null) o.put("RoleArn", r.roleArn());
        o.put("EventBusName", r.eventBusName());
        return o;
    }

    JsonNode listRules(JsonNode input) {
        synchronized (s) {
            String bus = s.busName(input);
            s.bus(bus);
            String prefix = input.path("NamePrefix").asText("");
            List<String> keys = s.rules().values().stream()
                    .filter(r -> r.eventBusName().equals(bus) && r.name().startsWith(prefix))
                    .map(r -> bus + "/" + r.name()).toList();
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray("Rules");
            Paging.page(keys, input, out, k -> list.add(ruleJson(s.rules().get(k))));
            return out;
        }
    }

    JsonNode setState(JsonNode input, String state) {
        synchronized (s) {
            Rule r = rule(input, "Name");
            s.rules().put(r.eventBusName() + "/" + r.name(), r.withState(state));
            s.save();
            return Json.object();
        }
    }

    JsonNode deleteRule(JsonNode input) {
        synchronized (s) {
            String bus = s.busName(input);
            String name = name(input, "Name", "name");
            s.bus(bus);
            Rule r = s.rules().get(bus + "/" + name);
            if (r == null) return Json.object();
            if (!r.targets().isEmpty() && !input.path("Force").asBoolean(false)) {
                throw validation("Rule can't be deleted since it has targets.");
            }
            s.rules().remove(bus + "/" + name);
            s.scheduler().forget(r.arn());
            s.save();
            return Json.object();
        }
    }

    JsonNode putTargets(JsonNode input) {
        synchronized (s) {
            Rule r = rule(input, "Rule");
            JsonNode targets = input.get("Targets");
            if (targets == null || !targets.isArray()) {
                throw validation("1 validation error detected: Value null at 'targets' failed to satisfy constraint: "
                        + "Member must not be null");
            }
            if (targets.isEmpty() || targets.size() > 10) {
                throw validation("1 validation error detected: Value '" + targets + "' at 'targets' failed to satisfy "
                        + "constraint: Member must have length " + (targets.isEmpty() ? "greater than or equal to 1"
                        : "less than or equal to 10"));
            }
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            for (ObjectNode t : r.targets()) byId.put(t.path("Id").asText(), t);
            ObjectNode out = Json.object();
            ArrayNode failed = Json.MAPPER.createArrayNode();
            int index = 0;
            for (JsonNode t : targets) {
                index++;
                String id = t.path("Id").asText(null);
                String arn = t.path("Arn").asText(null);
                if (id == null || id.isEmpty() || id.length() > 64 || !id.matches(NAME)) {
                    throw validation("1 validation error detected: Value '" + id + "' at 'targets." + index
                            + ".member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: " + NAME);
                }
                if (arn == null || arn.isEmpty()) {
                    throw validation("1 validation error detected: Value null at 'targets." + index
                            + ".member.arn' failed to satisfy constraint: Member must not be null");
                }
                if (!arn.matches("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\\d{0,12}:.+")) {
                    throw validation("Parameter " + arn + " is not valid. Reason: Provided Arn is not in correct format.");
                }
                TargetInput.check(t);
                if (!TargetDelivery.deliverable(arn)) {
                    failed.addObject().put("TargetId", id).put("ErrorCode", "ValidationException")
                            .put("ErrorMessage", "The local EventBridge delivers to Lambda functions and SQS queues "
                                    + "(arn:aws:lambda:…:function:name, arn:aws:sqs:…:name); " + arn + " is neither.");
                    continue;
                }
                byId.put(id, ((ObjectNode) t).deepCopy());
            }
            if (byId.size() > MAX_TARGETS) {
                throw AwsServiceException.badRequest("LimitExceededException",
                        "The requested resource exceeds the maximum number allowed.");
            }
            s.rules().put(r.eventBusName() + "/" + r.name(), r.withTargets(new ArrayList<>(byId.values())));
            s.save();
            out.put("FailedEntryCount", failed.size());
            out.set("FailedEntries", failed);
            return out;
        }
    }

    JsonNode listTargetsByRule(JsonNode input) {
        synchronized (s) {
            Rule r = rule(input, "Rule");
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            for (ObjectNode t : r.targets()) byId.put(t.path("Id").asText(), t);
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray("Targets");
            Paging.page(new ArrayList<>(byId.keySet()), input, out, id -> list.add(byId.get(id)));
            return out;
        }
    }

    JsonNode removeTargets(JsonNode input) {
        synchronized (s) {
            Rule r = rule(input, "Rule");
            JsonNode ids = input.get("Ids");
            if (ids == null || !ids.isArray() || ids.isEmpty()) {
                throw validation("1 validation error detected: Value " + (ids == null ? "null" : "'[]'") + " at 'ids' "
                        + "failed to satisfy constraint: " + (ids == null ? "Member must not be null"
                        : "Member must have length greater than or equal to 1"));
            }
            List<ObjectNode> kept = new ArrayList<>();
            Set<String> remove = new java.util.HashSet<>();
            ids.forEach(id -> remove.add(id.asText()));
            for (ObjectNode t : r.targets()) if (!remove.contains(t.path("Id").asText())) kept.add(t);
            s.rules().put(r.eventBusName() + "/" + r.name(), r.withTargets(kept));
            s.save();
            ObjectNode out = Json.object().put("FailedEntryCount", 0);
            out.putArray("FailedEntries");
            return out;
        }
    }

    JsonNode listRuleNamesByTarget(JsonNode input) {
        synchronized (s) {
            String arn = EventBridgeService.requiredString(input, "TargetArn", "targetArn");
            String bus = s.busName(input);
            s.bus(bus);
            List<String> names = s.rules().values().stream()
                    .filter(r -> r.eventBusName().equals(bus))
                    .filter(r -> r.targets().stream().anyMatch(t -> arn.equals(t.path("Arn").asText())))
                    .map(Rule::name).toList();
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray("RuleNames");
            Paging.page(names, input, out, list::add);
            return out;
        }
    }
}
