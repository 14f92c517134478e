package sitrep.data;

import java.util.function.Supplier;

/**
 * A value built once, on first use, by whichever thread asks first; for the process-wide read-only
 * resources (models, gazetteer, dictionaries) that are expensive to load and safe to share.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = factory.get();
            }
        }
        return v;
    }
}
