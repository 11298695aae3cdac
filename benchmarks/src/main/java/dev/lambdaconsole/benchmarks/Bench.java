package dev.lambdaconsole.benchmarks;

import java.util.Arrays;

/** {@code ./lambda-console bench NAME [options]}: one command per benchmark; figures go to BENCHMARKS.md. */
public final class Bench {
    private Bench() { }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (name) {
            case "invoke" -> InvokeBenchmark.main(rest);
            case "logs" -> LogsBenchmark.main(rest);
            case "logs-filter" -> FilterLogsBenchmark.main(rest);
            case "startup" -> StartupBenchmark.main(rest);
            case "sqs-mapping" -> SqsMappingBenchmark.main(rest);
            case "apigateway" -> ApiGatewayBenchmark.main(rest);
            case "metrics" -> MetricsBenchmark.main(rest);
            case "chart" -> ChartBenchmark.main(rest);
            case "editor" -> Class.forName("dev.lambdaconsole.benchmarks.editor.EditorBenchmark")
                    .getMethod("main", String[].class).invoke(null, (Object) rest);
            default -> {
                System.err.println("""
                        usage: lambda-console bench NAME [options]
                          invoke [--runtime python|node] [--backend process|docker] [--memory MB] [--invokes N] [--seconds S]
                                 warm latency p50/p99, invokes/s with 1 and 4 callers, cold start
                          logs [EVENTS]  ingest rate and query times of the log store (default 1,000,000 events)
                          logs-filter [EVENTS]  FilterLogEvents with term and JSON patterns over the log store
                          sqs-mapping [--samples N] [--messages N] [--backend process|docker]
                                 send-message to the function's first line (p50), messages/s through a mapping
                          apigateway [--samples N] [--seconds S] [--backend process|docker]
                                 HTTP API request → response through a warm function beside a direct invoke
                          metrics [RECORDS]  the AWS/Lambda metrics over a day of 1,000,000 invocation records: roll-up and queries
                          chart [POINTS]  a Metrics chart redrawn with 100,000 points per line (run under xvfb-run)
                          editor   open and typing latency of the code editor on a 20,000-line file
                          startup [--runs N] [--backend docker|process] [--cds FILE]
                                 start to first window and to engine ready, against a bare JavaFX window""");
                System.exit(2);
            }
        }
    }
}
