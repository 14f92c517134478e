package sitrep.spark;

import sitrep.coding.CoderSettings;
import sitrep.pipeline.Pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pipeline of this JVM, per coder settings (a job has one): CoreNLP, the gazetteer and the dictionaries load on
 * the first task that asks (they are the process-wide {@code shared()} singletons), and every task of the executor
 * (one per core) shares them afterwards, as the CLI's worker threads do. Tasks call
 * {@link Pipeline#process} on their own threads, so the pipeline's thread pool is not used (one idle thread).
 */
final class ExecutorPipeline {
    private static volatile double loadSeconds = -1;
    private static final Map<CoderSettings, Pipeline> PIPELINES = new ConcurrentHashMap<>();

    private ExecutorPipeline() {
    }

    static Pipeline get(CoderSettings settings) {
        return PIPELINES.computeIfAbsent(settings, s -> {
            long t0 = System.nanoTime();
            Pipeline p = new Pipeline(1, null, s);
            if (loadSeconds < 0) {
                loadSeconds = (System.nanoTime() - t0) / 1e9;
                // The JVM's age when the models are in: what came before them (start, registering with the driver,
                // fetching the jars, the first task) is the executor's start-up cost.
                double up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
                System.err.printf("sitrep: pipeline loaded in %.1fs on this JVM (started %.1fs before the models)%n", loadSeconds, up - loadSeconds);
            }
            return p;
        });
    }

    /** Seconds the pipeline took to load on this JVM, or -1 when it has not been loaded here. */
    static double loadSeconds() {
        return loadSeconds;
    }
}
