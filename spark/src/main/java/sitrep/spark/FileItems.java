package sitrep.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputItem;
import sitrep.ingest.ReadAhead;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The articles of one partition's files, read by {@link ArticleReader} as extract reads them, streamed: the reader
 * pushes items, Spark pulls rows, so a thread reads ahead into a small queue and a WARC of any size stays out of
 * memory. A file that cannot be opened becomes that file's error item; the other files are read.
 */
final class FileItems implements Iterator<ReadItem> {
    private static final int READ_AHEAD = 64;

    private final ReadAhead<ReadItem> items;

    FileItems(Iterator<InputFile> files, ArticleReader reader, HadoopConf conf) {
        items = new ReadAhead<>("sitrep-file-reader", READ_AHEAD, sink -> {
            while (files.hasNext()) read(files.next(), reader, conf, sink);
        });
        TaskContext task = TaskContext.get();
        // A killed or failed task must not leave the reader blocked on a full queue.
        if (task != null) task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) done -> items.stop());
    }

    /** One file's items, each numbered by its place in the file (with the file's index, its arrival order). */
    private static void read(InputFile file, ArticleReader reader, HadoopConf conf, Consumer<ReadItem> sink) {
        Path path = new Path(file.uri());
        long[] position = {0};
        Consumer<InputItem> numbered = item -> sink.accept(ReadItem.of(item, file.index(), position[0]++));
        try (InputStream in = path.getFileSystem(conf.get()).open(path)) {
            reader.readOpened(file.name(), in, numbered);
        } catch (IOException | RuntimeException e) {
            numbered.accept(InputItem.failed(ArticleReader.hash(file.name()), file.name(), "cannot read file: " + e.getMessage()));
        }
    }

    @Override
    public boolean hasNext() {
        return items.hasNext();
    }

    @Override
    public ReadItem next() {
        return items.next();
    }
}
