package sitrep.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import sitrep.coding.CoderSettings;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.model.ArticleResult;
import sitrep.pipeline.Pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;

/**
 * {@code sitrep spark extract}: the extract pipeline as a Spark job. The driver lists the input files (local paths or
 * any Hadoop file-system URL); stage one reads them, a file per task, with {@link ArticleReader} (WARC streamed); the
 * articles are then spread evenly over {@code partitions} tasks, since one JSON Lines file or WARC holds thousands;
 * stage two codes each article with the executor's {@link ExecutorPipeline}. Output under {@code output}:
 * {@code articles/} (Parquet, {@link ArticleRows}, partitioned by {@code published_month}) and {@code errors/}
 * (Parquet: id, origin, stage, message; one row per error of any article, so an item that could not be read stays
 * that item's error).
 */
public final class ExtractJob {
    /**
     * What to run: {@code master} null to take spark-submit's (else local[*]); {@code partitions} 0 for the default
     * (four per core of the cluster, at least one per file); {@code coder} the built-in coder's settings, as
     * extract's --min-confidence, --disable-rule and --statements make them.
     */
    public record Settings(String master, int partitions, String output, List<String> inputs, InputFormat format,
                           LocalDate published, CoderSettings coder) {
        public Settings {
            inputs = List.copyOf(inputs);
        }
    }

    /** What a run did, for the command's summary line and for tests. */
    public record Summary(long articles, long unreadable, long withErrors, long eventMentions, int files, int partitions,
                          double seconds, double modelLoadSeconds, Pipeline.StageTimes localStageTimes) {
    }

    private ExtractJob() {
    }

    /** The session the settings ask for: their master, else spark-submit's, else local[*]. */
    public static SparkSession session(Settings settings) {
        return session("sitrep extract", settings.master());
    }

    /** A session for one of the jobs: on {@code master}, else spark-submit's master, else all cores of this machine. */
    static SparkSession session(String appName, String master) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName)
                // Rows carry java.time.LocalDate for the publication date.
                .config("spark.sql.datetime.java8API.enabled", "true");
        if (master != null) builder.master(master);
        else if (System.getProperty("spark.master") == null) builder.master("local[*]");
        return builder.getOrCreate();
    }

    public static Summary run(SparkSession spark, Settings settings) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = jsc.hadoopConfiguration();
        List<InputFile> files = list(settings.inputs(), hadoop);
        if (files.isEmpty()) throw new IllegalArgumentException("no input files under " + settings.inputs());
        int partitions = settings.partitions() > 0 ? settings.partitions() : Math.max(files.size(), 4 * jsc.defaultParallelism());
        double load = -1;
        Pipeline.StageTimes before = null;
        if (spark.sparkContext().isLocal()) {
            // One JVM does all the work: load the models before the clock starts, so the rate is the coding rate.
            before = ExecutorPipeline.get(settings.coder()).stageTimes();
            load = ExecutorPipeline.loadSeconds();
        }
        long t0 = System.nanoTime();
        Broadcast<HadoopConf> conf = jsc.broadcast(new HadoopConf(hadoop));
        InputFormat format = settings.format();
        LocalDate published = settings.published();
        CoderSettings coder = settings.coder();
        // Big files first, so the longest reading task does not start last.
        List<InputFile> ordered = files.stream().sorted(Comparator.comparingLong(InputFile::bytes).reversed()).toList();
        JavaRDD<ReadItem> items = jsc.parallelize(ordered, files.size())
                .mapPartitions(part -> readItems(part, format, published, conf.value()));
        // Counted as the rows are made: a summary query over the output would be a second pass (a Spark SQL job of
        // its own, planned and run after the writes). Rows are persisted, so each is coded, and counted, once.
        Counts counts = new Counts(jsc);
        JavaRDD<Row> rows = items.repartition(partitions).mapPartitions(part -> code(part, coder, counts));
        Dataset<Row> results = spark.createDataFrame(rows, ArticleRows.SCHEMA).persist(StorageLevel.MEMORY_AND_DISK_SER());
        try {
            // An item that could not be read has no article: it is kept in errors/ only.
            results.filter(col("text").notEqual(""))
                    .write().partitionBy("published_month").parquet(settings.output() + "/articles");
            results.filter(size(col("errors")).gt(0))
                    .select(col("id"), col("origin"), col("input_file"), col("input_item"), explode(col("errors")).as("error"))
                    .select(col("id"), col("origin"), col("error.stage").as("stage"), col("error.message").as("message"),
                            col("input_file"), col("input_item"))
                    .write().parquet(settings.output() + "/errors");
            double seconds = (System.nanoTime() - t0) / 1e9;
            Pipeline.StageTimes stages = null;
            if (before != null) {
                Pipeline.StageTimes after = ExecutorPipeline.get(settings.coder()).stageTimes();
                stages = new Pipeline.StageTimes(after.nlp() - before.nlp(), after.geo() - before.geo(), after.coding() - before.coding());
            }
            return new Summary(counts.articles.value() - counts.unreadable.value(), counts.unreadable.value(), counts.withErrors.value(),
                    counts.mentions.value(), files.size(), partitions, seconds, load, stages);
        } finally {
            results.unpersist();
        }
    }

    private static Iterator<ReadItem> readItems(Iterator<InputFile> files, InputFormat format, LocalDate published, HadoopConf conf) {
        ArticleReader reader = new ArticleReader(format, published, note -> System.err.println("sitrep: " + note));
        return new FileItems(files, reader, conf);
    }

    /** The summary's counts, added up on the executors. */
    private record Counts(LongAccumulator articles, LongAccumulator unreadable, LongAccumulator withErrors,
                          LongAccumulator mentions) implements java.io.Serializable {
        Counts(JavaSparkContext jsc) {
            this(jsc.sc().longAccumulator("articles"), jsc.sc().longAccumulator("unreadable"), jsc.sc().longAccumulator("with errors"),
                    jsc.sc().longAccumulator("event mentions"));
        }
    }

    /**
     * Stage two: each article through this JVM's pipeline, on the task's thread (Spark runs a task per core). Each task
     * logs, on its executor's standard error, how many articles it coded in how long (per-executor throughput).
     */
    private static Iterator<Row> code(Iterator<ReadItem> items, CoderSettings coder, Counts counts) {
        Pipeline pipeline = ExecutorPipeline.get(coder);
        long start = System.nanoTime();
        long[] done = {0};
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = items.hasNext();
                if (!more && done[0] > 0) {
                    org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
                    System.err.printf("sitrep: task %s coded %d articles in %.1fs%n", task == null ? "?" : task.partitionId(), done[0],
                            (System.nanoTime() - start) / 1e9);
                    done[0] = 0;
                }
                return more;
            }

            @Override
            public Row next() {
                ReadItem item = items.next();
                ArticleResult r = pipeline.process(item.item());
                done[0]++;
                counts.articles().add(1);
                if (r.article().text().isEmpty()) counts.unreadable().add(1);
                if (!r.errors().isEmpty()) counts.withErrors().add(1);
                counts.mentions().add(r.events().size());
                return ArticleRows.row(r, item.file(), item.position());
            }
        };
    }

    /**
     * The files of the inputs, folders recursed (hidden files skipped, as extract skips them), in name order. A local
     * file keeps the path as given for its name; others their URI.
     */
    static List<InputFile> list(List<String> inputs, Configuration hadoop) {
        List<InputFile> files = new ArrayList<>();
        for (String input : inputs) {
            Path path = new Path(input);
            try {
                FileSystem fs = path.getFileSystem(hadoop);
                FileStatus status = fs.getFileStatus(path);
                boolean local = "file".equals(fs.getScheme());
                if (status.isFile()) {
                    files.add(new InputFile(status.getPath().toString(), local ? input : status.getPath().toString(), status.getLen(), files.size()));
                    continue;
                }
                List<InputFile> found = new ArrayList<>();
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
                while (it.hasNext()) {
                    LocatedFileStatus f = it.next();
                    if (hidden(f.getPath(), status.getPath())) continue;
                    String uri = f.getPath().toString();
                    found.add(new InputFile(uri, local ? f.getPath().toUri().getPath() : uri, f.getLen(), 0));
                }
                found.sort(Comparator.comparing(InputFile::name));
                for (InputFile f : found) files.add(new InputFile(f.uri(), f.name(), f.bytes(), files.size()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read input " + input + ": " + e.getMessage(), e);
            }
        }
        return files;
    }

    /** A file whose name starts with a dot, or one in such a folder under the input: extract skips them too. */
    private static boolean hidden(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            if (p.getName().startsWith(".")) return true;
        }
        return false;
    }
}
