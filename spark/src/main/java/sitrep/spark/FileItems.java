package sitrep.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The articles of one partition's files, read by {@link ArticleReader} as extract reads them, streamed: the reader
 * pushes items, Spark pulls rows, so a thread reads ahead into a small queue and a WARC of any size stays out of
 * memory. A file that cannot be opened becomes that file's error item; the other files are read.
 */
final class FileItems implements Iterator<InputItem> {
    private static final int READ_AHEAD = 64;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD);
    private Object next;

    FileItems(Iterator<InputFile> files, ArticleReader reader, HadoopConf conf) {
        Thread thread = new Thread(() -> {
            try {
                while (files.hasNext()) read(files.next(), reader, conf);
            } finally {
                put(END);
            }
        }, "sitrep-file-reader");
        thread.setDaemon(true);
        thread.start();
        TaskContext task = TaskContext.get();
        // A killed or failed task must not leave the reader blocked on a full queue.
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) done -> thread.interrupt());
    }

    private void read(InputFile file, ArticleReader reader, HadoopConf conf) {
        Path path = new Path(file.uri());
        try (InputStream in = path.getFileSystem(conf.get()).open(path)) {
            reader.readOpened(file.name(), in, this::put);
        } catch (IOException | RuntimeException e) {
            put(failed(file.name(), "cannot read file: " + e.getMessage()));
        }
    }

    private static InputItem failed(String origin, String message) {
        Article placeholder = new Article(ArticleReader.hash(origin), "", null, null, null, null, null, origin, false);
        return new InputItem(placeholder, List.of(new Problem("ingest", message)), false);
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
    public InputItem next() {
        if (!hasNext()) throw new NoSuchElementException();
        InputItem item = (InputItem) next;
        next = null;
        return item;
    }

}
