package sitrep.server;

import sitrep.store.EventStore;
import sitrep.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reader connections to the store, each lent to one request at a time, so API reads run in parallel while
 * writes keep the store's own connection. A request waits for a free reader; past the wait limit it gets a
 * 503 rather than queueing without end.
 */
final class StoreReaders implements AutoCloseable {
    static final long WAIT_SECONDS = 30;

    private final EventStore store;
    private final BlockingQueue<EventStore> idle;
    private final List<EventStore> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    StoreReaders(EventStore store, int size) {
        this.store = store;
        if (size < 1) throw new IllegalArgumentException("need at least one reader, got " + size);
        idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                EventStore reader = store.openReader();
                all.add(reader);
                idle.add(reader);
            }
        } catch (StoreException e) {
            close();
            throw e;
        }
    }

    int size() {
        return all.size();
    }

    /** Runs a read on a free reader. */
    <T> T read(Function<EventStore, T> query) {
        EventStore reader;
        try {
            reader = idle.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadRequest(503, "server shutting down");
        }
        if (reader == null) throw new BadRequest(503, "all " + all.size() + " store readers busy for " + WAIT_SECONDS + " s; try again");
        try {
            return query.apply(reader);
        } catch (StoreException e) {
            // A PostgreSQL restart leaves every reader's connection dead: a reader that fails and no longer
            // answers is replaced, so the next request works again without restarting serve.
            if (!reader.usable()) reader = replace(reader);
            throw e;
        } finally {
            idle.add(reader);
        }
    }

    /** A new reader in place of a broken one; the broken one again if no new one can be opened now. */
    private EventStore replace(EventStore broken) {
        EventStore fresh;
        try {
            fresh = store.openReader();
        } catch (StoreException e) {
            return broken;
        }
        all.remove(broken);
        all.add(fresh);
        try {
            broken.close();
        } catch (StoreException ignored) {
            // it is broken already
        }
        return fresh;
    }

    @Override
    public void close() {
        for (EventStore reader : all) {
            try {
                reader.close();
            } catch (StoreException e) {
                System.err.println("sitrep serve: " + e.getMessage());
            }
        }
    }
}
