package dev.lambdaconsole.runtime.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.metrics.Datapoint;
import dev.lambdaconsole.runtime.metrics.LambdaMetric;
import dev.lambdaconsole.runtime.metrics.LambdaMetrics;
import dev.lambdaconsole.runtime.metrics.MetricSeries;
import dev.lambdaconsole.runtime.metrics.Statistic;
import dev.lambdaconsole.runtime.util.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CloudWatch's ListMetrics, GetMetricStatistics and GetMetricData over the engine's {@link LambdaMetrics} (namespace
 * AWS/Lambda; any other namespace has no metrics here), with the service's validation and errors. Protocol-free: a
 * request tree in (see {@link Params}), a response tree out, timestamps as epoch seconds.
 */
public final class CloudWatchService {
    static final int MAX_STATISTICS_DATAPOINTS = 1440;
    static final int LIST_PAGE = 500;
    private final LambdaMetrics metrics;
    private final Clock clock;

    public CloudWatchService(LambdaMetrics metrics) {
        this(metrics, Clock.systemUTC());
    }

    CloudWatchService(LambdaMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    public JsonNode listMetrics(JsonNode in) {
        String namespace = Params.string(in, "Namespace");
        String name = Params.string(in, "MetricName");
        Map<String, String> filters = Params.dimensions(in, "Dimensions", "", false);
        if (filters.size() > 10) throw CloudWatchErrors.invalid("The collection Dimensions must not have more than 10 members.");
        String recently = Params.string(in, "RecentlyActive");
        if (recently != null && !recently.equals("PT3H")) {
            throw CloudWatchErrors.invalid("The parameter RecentlyActive must be PT3H (got '" + recently + "').");
        }
        int offset = token(Params.string(in, "NextToken"));
        Instant since = clock.instant().minus(recently == null ? Duration.ofDays(14) : Duration.ofHours(3));
        List<MetricSeries> matching = new ArrayList<>();
        if (namespace == null || namespace.equals(LambdaMetric.NAMESPACE)) {
            for (MetricSeries s : metrics.series(since)) {
                if (name != null && !name.equals(s.metric().name())) continue;
                if (matches(s.dimensions(), filters)) matching.add(s);
            }
        }
        matching.sort(Comparator.comparing((MetricSeries s) -> s.metric().name()).thenComparing(MetricSeries::toString));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Metrics");
        for (MetricSeries s : matching.subList(Math.min(offset, matching.size()), Math.min(offset + LIST_PAGE, matching.size()))) {
            ObjectNode m = list.addObject();
            m.put("Namespace", LambdaMetric.NAMESPACE);
            m.put("MetricName", s.metric().name());
            dimensionsOut(m.putArray("Dimensions"), s.dimensions());
        }
        if (offset + LIST_PAGE < matching.size()) out.put("NextToken", Integer.toString(offset + LIST_PAGE));
        return out;
    }

    private static boolean matches(Map<String, String> dims, Map<String, String> filters) {
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (!dims.containsKey(f.getKey())) return false;
            if (f.getValue() != null && !f.getValue().equals(dims.get(f.getKey()))) return false;
        }
        return true;
    }

    private static int token(String token) {
        if (token == null) return 0;
        try {
            int offset = Integer.parseInt(token);
            if (offset >= 0) return offset;
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new dev.lambdaconsole.runtime.gateway.AwsServiceException(400, "InvalidNextToken",
                "The NextToken '" + token + "' was not returned by this endpoint.");
    }

    public JsonNode getMetricStatistics(JsonNode in) {
        String namespace = Params.required(in, "Namespace", "");
        String name = Params.required(in, "MetricName", "");
        Map<String, String> dims = Params.dimensions(in, "Dimensions", "", true);
        Instant start = Params.timestamp(in, "StartTime", "");
        Instant end = Params.timestamp(in, "EndTime", "");
        Integer period = Params.integer(in, "Period", "");
        if (period == null) throw CloudWatchErrors.missing("Period");
        checkPeriod(period, "Period");
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        List<String> statistics = Params.strings(in, "Statistics");
        List<String> extended = Params.strings(in, "ExtendedStatistics");
        if (statistics.isEmpty() && extended.isEmpty()) {
            throw CloudWatchErrors.missing("Statistics or ExtendedStatistics");
        }
        if (!statistics.isEmpty() && !extended.isEmpty()) {
            throw CloudWatchErrors.combination("Statistics and ExtendedStatistics cannot both be given in one request.");
        }
        for (String s : statistics) {
            if (!Statistic.BASIC.contains(s)) {
                throw CloudWatchErrors.invalid("The parameter Statistics contains '" + s
                        + "', which is not one of SampleCount, Average, Sum, Minimum, Maximum.");
            }
        }
        List<Double> percentiles = new ArrayList<>();
        for (String s : extended) {
            Double p = Statistic.percentile(s);
            if (p == null) {
                throw CloudWatchErrors.invalid("The parameter ExtendedStatistics contains '" + s
                        + "', which is not a percentile (p0.0 to p100, e.g. p99 or p99.9).");
            }
            percentiles.add(p);
        }
        long points = (end.toEpochMilli() - start.toEpochMilli() + period * 1000L - 1) / (period * 1000L);
        if (points > MAX_STATISTICS_DATAPOINTS) {
            throw CloudWatchErrors.invalid("You have requested up to " + points + " datapoints, which exceeds the limit of"
                    + " 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.");
        }
        String unit = Params.string(in, "Unit");
        ObjectNode out = Json.object();
        out.put("Label", name);
        ArrayNode list = out.putArray("Datapoints");
        Optional<MetricSeries> series = series(namespace, name, dims);
        if (series.isEmpty() || (unit != null && !unit.equals(series.get().metric().unit()))) return out;
        for (Datapoint d : metrics.statistics(series.get(), start, end, Duration.ofSeconds(period), percentiles)) {
            ObjectNode p = list.addObject();
            p.put("Timestamp", seconds(d.timestampMs()));
            for (String s : statistics) p.put(s, d.statistic(s));
            if (!extended.isEmpty()) {
                ObjectNode ext = p.putObject("ExtendedStatistics");
                for (String s : extended) {
                    Double v = d.statistic(s);
                    if (v != null && !v.isNaN()) ext.put(s, v);
                }
            }
            p.put("Unit", series.get().metric().unit());
        }
        return out;
    }

    /** The series a namespace, metric name and dimensions name, if this endpoint has such metrics. */
    private static Optional<MetricSeries> series(String namespace, String name, Map<String, String> dims) {
        if (!namespace.equals(LambdaMetric.NAMESPACE)) return Optional.empty();
        Optional<LambdaMetric> metric = LambdaMetric.named(name);
        if (metric.isEmpty()) return Optional.empty();
        try {
            return Optional.of(MetricSeries.of(metric.get(), dims));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a dimension set Lambda does not publish: no such metric, as in CloudWatch
        }
    }

    private static void checkPeriod(int period, String path) {
        if (period < 1) throw CloudWatchErrors.invalid("The parameter " + path + " must be greater than 0.");
        if (period >= 60 ? period % 60 != 0 : !List.of(1, 5, 10, 30).contains(period)) {
            throw CloudWatchErrors.invalid("The parameter " + path + " must be 1, 5, 10, 30 or a multiple of 60.");
        }
    }

    public JsonNode getMetricData(JsonNode in) {
        List<JsonNode> queries = Params.list(in, "MetricDataQueries");
        if (queries.isEmpty()) throw CloudWatchErrors.missing("MetricDataQueries");
        if (queries.size() > 500) throw CloudWatchErrors.invalid("The collection MetricDataQueries must not have more than 500 members.");
        Instant start = Params.timestamp(in, "StartTime", "");
        Instant end = Params.timestamp(in, "EndTime", "");
        if (!start.isBefore(end)) {
            throw CloudWatchErrors.invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        String scanBy = Objects.requireNonNullElse(Params.string(in, "ScanBy"), "TimestampDescending");
        if (!scanBy.equals("TimestampDescending") && !scanBy.equals("TimestampAscending")) {
            throw CloudWatchErrors.invalid("The parameter ScanBy must be TimestampDescending or TimestampAscending.");
        }
        Integer max = Params.integer(in, "MaxDatapoints", "");
        if (Params.string(in, "NextToken") != null) token(Params.string(in, "NextToken"));
        List<String> ids = new ArrayList<>();
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("MetricDataResults");
        int left = max == null ? 100_800 : max;
        for (int i = 0; i < queries.size(); i++) {
            JsonNode q = queries.get(i);
            String path = "MetricDataQueries.member." + (i + 1) + ".";
            String id = Params.required(q, "Id", path);
            if (!id.matches("[a-z][a-zA-Z0-9_]*")) {
                throw CloudWatchErrors.invalid("The value " + id + " for parameter " + path + "Id is not valid: it must start"
                        + " with a lowercase letter and contain only letters, numbers and underscores.");
            }
            if (ids.contains(id)) throw CloudWatchErrors.invalid("The value " + id + " for parameter " + path + "Id is not unique.");
            ids.add(id);
            JsonNode stat = q.get("MetricStat");
            if (Params.string(q, "Expression") != null) {
                throw new dev.lambdaconsole.runtime.gateway.AwsServiceException(400, "ValidationError", "Metric math ("
                        + path + "Expression) is not supported by this local endpoint; query each metric with MetricStat.");
            }
            if (stat == null || !stat.isObject()) throw CloudWatchErrors.missing(path + "MetricStat");
            JsonNode metric = stat.path("Metric");
            String statName = Params.required(stat, "Stat", path + "MetricStat.");
            if (!Statistic.valid(statName)) {
                throw CloudWatchErrors.invalid("The value " + statName + " for parameter " + path + "MetricStat.Stat is not"
                        + " supported here (SampleCount, Average, Sum, Minimum, Maximum or a percentile such as p99).");
            }
            Integer period = Params.integer(stat, "Period", path + "MetricStat.");
            if (period == null) throw CloudWatchErrors.missing(path + "MetricStat.Period");
            checkPeriod(period, path + "MetricStat.Period");
            String namespace = Params.required(metric, "Namespace", path + "MetricStat.Metric.");
            String name = Params.required(metric, "MetricName", path + "MetricStat.Metric.");
            Map<String, String> dims = Params.dimensions(metric, "Dimensions", path + "MetricStat.Metric.", true);
            JsonNode returnData = q.get("ReturnData");
            if (returnData != null && !returnData.isNull() && !Boolean.parseBoolean(returnData.asText())) continue;
            ObjectNode r = results.addObject();
            r.put("Id", id);
            r.put("Label", Objects.requireNonNullElse(Params.string(q, "Label"), name));
            ArrayNode timestamps = r.putArray("Timestamps");
            ArrayNode values = r.putArray("Values");
            Optional<MetricSeries> series = series(namespace, name, dims);
            String unit = Params.string(stat, "Unit");
            if (series.isPresent() && (unit == null || unit.equals(series.get().metric().unit()))) {
                Double p = Statistic.percentile(statName);
                List<Datapoint> points = new ArrayList<>(metrics.statistics(series.get(), start, end,
                        Duration.ofSeconds(period), p == null ? List.of() : List.of(p)));
                if (scanBy.equals("TimestampDescending")) java.util.Collections.reverse(points);
                for (Datapoint d : points) {
                    Double v = d.statistic(statName);
                    if (v == null || v.isNaN() || left <= 0) continue;
                    timestamps.add(seconds(d.timestampMs()));
                    values.add(v);
                    left--;
                }
            }
            r.put("StatusCode", "Complete");
        }
        out.putArray("Messages");
        return out;
    }

    /** A timestamp as epoch seconds: whole (datapoints start on minutes) unless it has milliseconds. */
    private static com.fasterxml.jackson.databind.node.ValueNode seconds(long ms) {
        var nodes = Json.MAPPER.getNodeFactory();
        return ms % 1000 == 0 ? nodes.numberNode(ms / 1000) : nodes.numberNode(ms / 1000.0);
    }

    private static void dimensionsOut(ArrayNode out, Map<String, String> dims) {
        dims.forEach((k, v) -> {
            ObjectNode d = out.addObject();
            d.put("Name", k);
            d.put("Value", v);
        });
    }
}
