package dev.lambdaconsole.runtime.invoke;

import dev.lambdaconsole.runtime.TestRuntime;
import dev.lambdaconsole.runtime.backend.BackendException;
import dev.lambdaconsole.runtime.backend.EnvironmentSpec;
import dev.lambdaconsole.runtime.backend.ExecutionBackend;
import dev.lambdaconsole.runtime.backend.OncePerKey;
import dev.lambdaconsole.runtime.backend.RuntimeInstance;
import dev.lambdaconsole.runtime.backend.process.ProcessBackend;
import dev.lambdaconsole.runtime.logs.SqliteLogStore;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.runtimes.RuntimeClients;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invocations that arrive while the runtime image is still being built: one build, no environment started or
 * counted before the image is there, Init Duration without the wait, SDK retries joined to the first attempt.
 */
class ImagePreparationTest {
    private static final long BUILD_MS = 2500;
    @TempDir Path dir;
    private Workspace workspace;
    private SlowImages backend;
    private SqliteLogStore logs;
    private LambdaEngine engine;

    /** The process backend behind a runtime image that takes {@link #BUILD_MS} to build, once per runtime. */
    static final class SlowImages implements ExecutionBackend {
        final ProcessBackend real;
        final OncePerKey<String, Void> images = new OncePerKey<>();
        final AtomicInteger builds = new AtomicInteger();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger startsWithoutImage = new AtomicInteger();
        final CountDownLatch firstBuildStarted = new CountDownLatch(1);
        volatile boolean imageThere;
        volatile boolean failBuilds;

        SlowImages(ProcessBackend real) { this.real = real; }

        @Override
        public CompletableFuture<Void> prepare(FunctionConfig function) {
            return images.get(function.runtime(), () -> CompletableFuture.runAsync(() -> {
                builds.incrementAndGet();
                firstBuildStarted.countDown();
                sleep(BUILD_MS);
                if (failBuilds) {
                    throw new CompletionException(new BackendException("Runtime.Unavailable",
                            "Building the image failed: no space left on device"));
                }
                imageThere = true;
            }));
        }

        @Override
        public RuntimeInstance start(EnvironmentSpec spec) throws BackendException {
            starts.incrementAndGet();
            if (!imageThere) startsWithoutImage.incrementAndGet();
            return real.start(spec);
        }

        @Override public String name() { return "slow-images"; }
        @Override public String description() { return "process backend behind a slow image build"; }
        @Override public String runtimeApiBindHost() { return real.runtimeApiBindHost(); }
        @Override public String runtimeApiAdvertisedHost() { return real.runtimeApiAdvertisedHost(); }
        @Override public void close() { real.close(); }
    }

    private void startEngine() {
        workspace = workspace == null ? new Workspace(dir.resolve("ws")) : workspace;
        backend = new SlowImages(new ProcessBackend(RuntimeClients.install(dir.resolve("runtimes"))));
        logs = new SqliteLogStore(dir.resolve("logs.db"));
        engine = new LambdaEngine(workspace, backend, logs, EngineSettings.defaults());
    }

    private void createHello(String name) {
        workspace.create(FunctionConfig.builder(name).runtime("python3.12").handler("lambda_function.lambda_handler")
                .build(), CodeSource.folder(TestRuntime.FIXTURES.resolve("python/hello")));
    }

    private static InvocationRequest hello(String name) {
        return InvocationRequest.of(name, "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (engine != null) engine.close();
        if (logs != null) logs.close();
    }

    @Test
    void concurrentInvocationsDuringTheBuildWaitForOneBuildAndTheirInitExcludesTheWait() throws Exception {
        startEngine();
        long created = System.nanoTime();
        createHello("during-build");
        backend.firstBuildStarted.await();
        List<CompletableFuture<InvocationResult>> calls = IntStream.range(0, 4)
                .mapToObj(i -> engine.invoke(hello("during-build"))).toList();
        Thread.sleep(300);
        assertThat(engine.environments("during-build")).as("no environment counted while the image builds").isEmpty();
        assertThat(backend.starts).hasValue(0);

        List<InvocationResult> results = calls.stream().map(CompletableFuture::join).toList();
        long waitedMs = (System.nanoTime() - created) / 1_000_000;
        assertThat(waitedMs).isGreaterThanOrEqualTo(BUILD_MS);
        assertThat(backend.builds).as("one build for every invocation that waited").hasValue(1);
        assertThat(backend.startsWithoutImage).hasValue(0);
        for (InvocationResult r : results) {
            assertThat(r.status()).as(r.payloadText()).isEqualTo(InvocationStatus.SUCCESS);
            assertThat(r.payloadText()).contains("hello x");
            assertThat(r.initDurationMs()).as("a cold start reports its init").isNotNull()
                    .isLessThan((double) BUILD_MS);
            assertThat(r.logLines()).anyMatch(l -> l.startsWith("REPORT") && l.contains("Init Duration: "));
        }
        logs.flush();
        assertThat(logs.invocations("during-build", 10)).hasSize(4).allSatisfy(record -> {
            assertThat(record.imageWaitMs()).as("the wait for the image is in the record, not in the init").isNotNull();
            assertThat(record.initDurationMs()).isLessThan(record.imageWaitMs());
        });
    }

    @Test
    void aRetryOfAWaitingInvocationJoinsItInsteadOfStartingASecondEnvironment() throws Exception {
        startEngine();
        createHello("retried");
        backend.firstBuildStarted.await();
        CompletableFuture<InvocationResult> first = engine.invoke(hello("retried"), "sdk-call-1");
        Thread.sleep(200);
        CompletableFuture<InvocationResult> retry = engine.invoke(hello("retried"), "sdk-call-1");

        assertThat(retry.join().requestId()).as("the retry gets the first attempt's answer")
                .isEqualTo(first.join().requestId());
        assertThat(backend.starts).as("one environment for the call, not one per attempt").hasValue(1);
        InvocationResult other = engine.invoke(hello("retried"), "sdk-call-2").join();
        assertThat(other.requestId()).as("another call is another invocation").isNotEqualTo(first.join().requestId());
        InvocationResult afterwards = engine.invoke(hello("retried"), "sdk-call-1").join();
        assertThat(afterwards.requestId()).as("once answered, the id is forgotten")
                .isNotEqualTo(first.join().requestId());
    }

    @Test
    void theEnginePreparesTheWorkspacesFunctionsWhenItStarts() throws Exception {
        workspace = new Workspace(dir.resolve("ws"));
        createHello("already-there");
        startEngine();
        backend.firstBuildStarted.await();
        assertThat(backend.builds).as("built before any invocation").hasValue(1);
        assertThat(engine.invoke(hello("already-there")).join().status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(backend.builds).hasValue(1);
    }

    @Test
    void aFailedBuildFailsTheWaitingInvocationsWithoutARuntimeAndIsTriedAgainByTheNextOne() {
        startEngine();
        backend.failBuilds = true;
        createHello("no-image");
        InvocationResult r = engine.invoke(hello("no-image")).join();
        assertThat(r.status()).isEqualTo(InvocationStatus.INIT_ERROR);
        assertThat(r.errorType()).isEqualTo("Runtime.Unavailable");
        assertThat(r.payloadText()).contains("no space left on device");
        assertThat(r.initDurationMs()).as("no runtime started: no init").isNull();
        assertThat(backend.starts).hasValue(0);

        backend.failBuilds = false;
        assertThat(engine.invoke(hello("no-image")).join().status()).isEqualTo(InvocationStatus.SUCCESS);
        assertThat(backend.builds).as("the failed build was tried again").hasValue(2);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
