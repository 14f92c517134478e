package sitrep.pipeline;

import sitrep.coding.CoderSettings;
import sitrep.data.Lazy;

/**
 * One pipeline for every test class that runs articles end to end; its worker threads are daemons. It codes with the
 * default rules but no confidence threshold, so tests of the rules' mechanics do not hang on the learned weights;
 * the threshold has tests of its own.
 */
public final class TestPipeline {
    private static final Lazy<Pipeline> SHARED = new Lazy<>(() -> new Pipeline(2, null, CoderSettings.defaults().withMinConfidence(0)));

    private TestPipeline() {
    }

    public static Pipeline get() {
        return SHARED.get();
    }
}
