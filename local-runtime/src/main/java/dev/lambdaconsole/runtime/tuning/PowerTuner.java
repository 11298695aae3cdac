package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Local power tuning: runs a saved test event N times at each memory size and architecture of a plan, each size
 * in environments of its own started with that memory (on Docker a real limit, with the CPU share Lambda gives
 * it), never changing the function's configuration; then averages without the outliers, prices and recommends as
 * AWS Lambda Power Tuning does, and saves the run in the workspace. Invocations are recorded with invocation type
 * {@value #INVOCATION_TYPE}, so metrics leave them out. Blocking: call from a background thread.
 */
public final class PowerTuner {
    public static final String INVOCATION_TYPE = "PowerTuning";
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final LambdaEngine engine;
    private final TuningStore store;
    private final LambdaPricing pricing;

    public PowerTuner(LambdaEngine engine, TuningStore store, LambdaPricing pricing) {
        this.engine = engine;
        this.store = store;
        this.pricing = pricing;
    }

    public PowerTuner(LambdaEngine engine) {
        this(engine, new TuningStore(engine.workspace()), LambdaPricing.US_EAST_1);
    }

    public TuningStore store() { return store; }

    /** The backend runs are made on: {@code docker} or {@code process}. */
    public String backendName() { return engine.backend().name(); }

    /** Whether sizes are real memory limits here (Docker), not only labels (processes). */
    public boolean limitsMemory() { return engine.backend().limitsMemory(); }

    /** Why {@code architecture} cannot run on this backend, or empty when it can. May ask the Docker engine. */
    public java.util.Optional<String> cannotRun(String architecture) { return engine.backend().cannotRun(architecture); }

    /**
     * What this engine's backend can do for a plan: a note when it cannot limit memory, and for each architecture
     * it cannot run, why. Empty when every size and architecture runs for real.
     */
    public List<String> notes(List<String> architectures) {
        ExecutionBackend backend = engine.backend();
        List<String> notes = new ArrayList<>();
        if (!backend.limitsMemory()) {
            notes.add("The " + backend.name() + " backend cannot limit memory: every size ran with this machine's "
                    + "memory and CPU, so durations hardly change with the size and only the cost estimates do. "
                    + "Use the Docker backend for Lambda's limits.");
        }
        notes.addAll(skipped(architectures));
        return notes;
    }

    /** For each of {@code architectures} this backend cannot run: "arm64 skipped: why." */
    private List<String> skipped(List<String> architectures) {
        List<String> notes = new ArrayList<>();
        for (String a : architectures) {
            engine.backend().cannotRun(a).ifPresent(why -> notes.add(a + " skipped: " + why + "."));
        }
        return notes;
    }

    /** The plan's architectures this backend can run. */
    public List<String> runnable(List<String> architectures) {
        return architectures.stream().filter(a -> engine.backend().cannotRun(a).isEmpty()).toList();
    }

    /**
     * Runs {@code plan} and saves it; returns the run, completed or (after {@code cancel}) cancelled with the
     * variants finished before. {@code progress} hears after every invocation, on this thread.
     */
    public TuningRun run(TuningPlan plan, Consumer<TuningProgress> progress, TuningCancel cancel) {
        plan.validate();
        FunctionConfig function = engine.workspace().read(plan.functionName());
        byte[] payload = engine.workspace().events().read(plan.functionName(), plan.eventName())
                .getBytes(StandardCharsets.UTF_8);
        List<String> architectures = runnable(plan.architectures());
        List<String> notes = notes(plan.architectures());
        if (architectures.isEmpty()) {
            throw new ValidationException("Architectures", "none of them can run on this backend: "
                    + String.join(" ", skipped(plan.architectures())), String.join(", ", plan.architectures()));
        }
        long started = System.currentTimeMillis();
        String id = ID.format(Instant.ofEpochMilli(started));
        int total = plan.totalInvocations(architectures.size());
        List<VariantStats> finished = new ArrayList<>();
        int done = 0;
        TuningRun.State state = TuningRun.State.COMPLETED;
        String failure = null;
        progress.accept(new TuningProgress(0, total, "Starting", List.of()));
        variants:
        for (String architecture : architectures) {
            for (int memory : plan.memorySizes()) {
                if (cancel.cancelled()) break variants;
                String key = "tuning " + plan.functionName() + " " + id + " " + architecture + " " + memory;
                FunctionConfig variant = function.toBuilder().memorySize(memory).architectures(List.of(architecture))
                        .provisionedConcurrentExecutions(null).reservedConcurrentExecutions(null).build();
                List<Sample> samples = new ArrayList<>();
                try {
                    for (int i = 0; i < plan.invocations(); i++) {
                        String current = memory + " MB " + architecture + ": invocation " + (i + 1) + " of "
                                + plan.invocations();
                        progress.accept(new TuningProgress(done, total, current, List.copyOf(finished)));
                        InvocationResult result = await(engine.invokeVariant(key, variant, new InvocationRequest(
                                plan.functionName(), null, payload, null, null, null, INVOCATION_TYPE)), cancel);
                        if (result == null) break variants;
                        samples.add(sample(result));
                        done++;
                    }
                    finished.add(TuningMath.stats(memory, architecture, function.ephemeralOrDefault(), samples,
                            plan.discardTopBottom(), pricing));
                    progress.accept(new TuningProgress(done, total, memory + " MB " + architecture + " done",
                            List.copyOf(finished)));
                } catch (RuntimeException e) {
                    state = TuningRun.State.FAILED;
                    failure = memory + " MB " + architecture + ": " + message(e);
                    break variants;
                } finally {
                    engine.closeVariant(key);
                }
            }
        }
        if (cancel.cancelled() && state == TuningRun.State.COMPLETED) state = TuningRun.State.CANCELLED;
        if (!engine.workspace().exists(plan.functionName())) {
            throw new IllegalStateException("The function " + plan.functionName() + " was deleted during the run");
        }
        String codeNow = engine.workspace().read(plan.functionName()).codeSha256();
        if (!java.util.Objects.equals(codeNow, function.codeSha256())) {
            notes.add("The function's code was deployed during the run: sizes started after that ran the new code.");
        }
        Recommendation recommendation = Recommender.recommend(finished, plan.strategy(), plan.balancedWeight())
                .orElse(null);
        TuningRun run = new TuningRun(id, plan.functionName(), plan.eventName(), plan.invocations(), plan.strategy(),
                plan.balancedWeight(), plan.discardTopBottom(), engine.backend().name(), engine.backend().limitsMemory(),
                notes, started, System.currentTimeMillis(), state, finished, recommendation, pricing.label(), failure);
        store.save(run);
        progress.accept(new TuningProgress(done, total, switch (state) {
            case COMPLETED -> "Done";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed: " + failure;
        }, List.copyOf(finished)));
        return run;
    }

    /** The invocation's result, or null when the run was cancelled meanwhile. */
    private static InvocationResult await(CompletableFuture<InvocationResult> future, TuningCancel cancel) {
        while (true) {
            if (cancel.cancelled()) return null;
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look at the cancel again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel.cancel();
                return null;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static Sample sample(InvocationResult r) {
        double init = r.initDurationMs() == null ? 0 : r.initDurationMs();
        return new Sample(r.requestId(), r.durationMs() + init, r.billedDurationMs(), r.initDurationMs(),
                r.maxMemoryUsedMb(), r.status().name(), r.errorType());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
