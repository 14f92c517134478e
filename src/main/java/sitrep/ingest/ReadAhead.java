package sitrep.ingest;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Items that a reader pushes (input items, or the Spark job's numbered ones) (one callback per item, as {@link ArticleReader} delivers them), pulled as an iterator:
 * a thread of its own runs the reader ahead into a small queue, so the pipeline pulls at its pace and a large input
 * (a WARC, a long JSON Lines file) is never held whole.
 */
public final class ReadAhead<T> implements Iterator<T> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private Object next;

    /** Starts {@code reader} on a daemon thread named {@code threadName}, at most {@code capacity} items ahead. */
    public ReadAhead(String threadName, int capacity, Consumer<Consumer<T>> reader) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> {
            try {
                reader.accept(this::put);
            } finally {
                put(END);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the reading thread (a consumer that gives up must not leave it blocked on a full queue). */
    public void stop() {
        thread.interrupt();
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading interrupted", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked") // only the reader's items and END are queued
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        T item = (T) next;
        next = null;
        return item;
    }
}
