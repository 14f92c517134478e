package sitrep.pipeline;

import sitrep.data.Lazy;

/** One pipeline for every test class that runs articles end to end; its worker threads are daemons. */
public final class TestPipeline {
    private static final Lazy<Pipeline> SHARED = new Lazy<>(() -> new Pipeline(2));

    private TestPipeline() {
    }

    public static Pipeline get() {
        return SHARED.get();
    }
}
