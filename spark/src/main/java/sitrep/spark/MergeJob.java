package sitrep.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple2;
import sitrep.merge.EventKey;
import sitrep.merge.MergeBlocks;
import sitrep.merge.SequentialMerge;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.pipeline.ExtractJson;
import sitrep.store.ContentHash;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * {@code sitrep spark merge}: the articles of a {@code spark extract} output merged into events at scale, with the
 * store's rule, giving the events a sequential {@code ingest} of the same articles gives. In arrival order (the
 * extract output's input_file and input_item): articles already seen by id or content are skipped, as the store
 * skips them (on the driver, which holds only those two keys per article); each remaining mention goes, by event
 * family (CAMEO root, modality, PLOVER type), to one task, which splits the family into {@link MergeBlocks} (date
 * windows, places, actors: components that no join crosses); each block is merged on its own, in arrival order, by
 * a {@link SequentialMerge} (the store's candidate lookup, {@code Merger}, its fold).
 *
 * <p>Output under {@code output}: {@code events/} (Parquet: one row per event, the extract format's event fields
 * with the merged date, place and actors, plus num_mentions, num_articles, num_sources, disagreements (JSON) and
 * mentions nested, as the store's jsonl export gives them), and {@code articles/} and {@code errors/}, the input's
 * rows for the articles kept, so {@code sitrep ingest --store S DIR} loads the merged output as it loads the
 * extract output, with the same events.
 */
public final class MergeJob {
    /** What to run: {@code input} a spark extract output folder, {@code partitions} 0 for Spark's default. */
    public record Settings(String master, int partitions, String input, String output) {
    }

    /** What a run did. */
    public record Summary(long articles, long skipped, long mentions, long events, long blocks, double seconds) {
    }

    /** One mention on its way to its block: its arrival order, its article's keys and its event as JSON. */
    record MentionRow(int file, long item, int index, String articleId, String url, String outlet, String event) implements Serializable {
        SequentialMerge.Mention mention() {
            return new SequentialMerge.Mention(articleId, url, outlet, (ObjectNode) parse(event));
        }

        EventKey key() {
            return EventKey.of(parse(event));
        }

        String family() {
            EventKey k = key();
            return k.cameoRoot() + "\t" + k.modality() + "\t" + k.ploverType();
        }
    }

    private static final Comparator<MentionRow> ARRIVAL = Comparator.comparingInt(MentionRow::file).thenComparingLong(MentionRow::item)
            .thenComparingInt(MentionRow::index);

    private static final StructType MENTION = DataTypes.createStructType(new StructField[]{
            field("id", DataTypes.StringType), field("article_id", DataTypes.StringType), field("url", DataTypes.StringType),
            field("source", DataTypes.StringType), field("sentence", DataTypes.StringType), field("start", DataTypes.IntegerType),
            field("end", DataTypes.IntegerType),
            field("trigger", DataTypes.createStructType(new StructField[]{field("text", DataTypes.StringType),
                    field("start", DataTypes.IntegerType), field("end", DataTypes.IntegerType)})),
            field("confidence", DataTypes.DoubleType), field("merge_reason", DataTypes.StringType)});

    /** The events' schema: the extract format's event fields, then the store's export fields. */
    static final StructType EVENTS = ArticleRows.EVENT
            .add("num_mentions", DataTypes.IntegerType).add("num_articles", DataTypes.IntegerType)
            .add("num_sources", DataTypes.IntegerType).add("disagreements", DataTypes.StringType)
            .add("mentions", DataTypes.createArrayType(MENTION, false));

    private MergeJob() {
    }

    private static StructField field(String name, org.apache.spark.sql.types.DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    public static Summary run(SparkSession spark, Settings settings) {
        long t0 = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Dataset<Row> articles = spark.read().parquet(settings.input() + "/articles");
        if (!List.of(articles.columns()).contains("input_file")) {
            throw new IllegalArgumentException(settings.input() + " was written before spark extract kept the articles' order; run extract again");
        }
        org.apache.hadoop.fs.Path errorsPath = new org.apache.hadoop.fs.Path(settings.input() + "/errors");
        Dataset<Row> errors = exists(jsc, errorsPath) ? spark.read().parquet(errorsPath.toString()) : null;

        // Which articles a sequential ingest stores: the first of each id and of each content, in arrival order.
        spark.udf().register("sitrep_content_hash", (org.apache.spark.sql.api.java.UDF1<String, String>) ContentHash::of, DataTypes.StringType);
        Dataset<Row> keys = articles.selectExpr("input_file", "input_item", "id", "sitrep_content_hash(text) AS hash");
        if (errors != null) {
            // The unreadable items are stored too (as failed articles, keyed by their id): they take their ids.
            keys = keys.union(errors.filter(col("stage").equalTo("ingest")).select(col("input_file"), col("input_item"), col("id"))
                    .selectExpr("input_file", "input_item", "id", "concat('failed:', id) AS hash"));
        }
        Set<String> ids = new HashSet<>(), hashes = new HashSet<>();
        Set<Long> skipped = new HashSet<>();
        long kept = 0;
        Iterator<Row> inOrder = keys.sort("input_file", "input_item").toLocalIterator();
        while (inOrder.hasNext()) {
            Row r = inOrder.next();
            String id = r.getString(2), hash = r.getString(3);
            if (ids.contains(id) || hashes.contains(hash)) {
                skipped.add(arrival(r.getInt(0), r.getLong(1)));
            } else {
                ids.add(id);
                hashes.add(hash);
                kept++;
            }
        }
        ids.clear();
        hashes.clear();
        Broadcast<Set<Long>> skip = jsc.broadcast(skipped);
        Dataset<Row> keptArticles = articles.filter((org.apache.spark.api.java.function.FilterFunction<Row>) r ->
                !skip.value().contains(arrival(r.getAs("input_file"), r.getAs("input_item"))));

        LongAccumulator mentions = jsc.sc().longAccumulator("mentions"), blocks = jsc.sc().longAccumulator("blocks");
        int partitions = settings.partitions() > 0 ? settings.partitions() : jsc.defaultParallelism();
        JavaPairRDD<String, MentionRow> byFamily = keptArticles.javaRDD().flatMapToPair(MergeJob::mentions);
        JavaRDD<String> events = byFamily.groupByKey(partitions)
                .flatMapToPair(family -> blocks(family._1(), family._2(), blocks))
                .groupByKey(partitions)
                .flatMap(block -> merge(block._2(), mentions));
        Dataset<Row> eventRows = spark.read().schema(EVENTS).json(spark.createDataset(events.rdd(), Encoders.STRING()));
        eventRows.write().parquet(settings.output() + "/events");
        keptArticles.write().partitionBy("published_month").parquet(settings.output() + "/articles");
        if (errors != null) {
            errors.filter((org.apache.spark.api.java.function.FilterFunction<Row>) r ->
                    !skip.value().contains(arrival(r.getAs("input_file"), r.getAs("input_item")))).write().parquet(settings.output() + "/errors");
        }
        long eventCount = spark.read().parquet(settings.output() + "/events").count();
        return new Summary(kept, skipped.size(), mentions.value(), eventCount, blocks.value(), (System.nanoTime() - t0) / 1e9);
    }

    private static boolean exists(JavaSparkContext jsc, org.apache.hadoop.fs.Path path) {
        try {
            return path.getFileSystem(jsc.hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** An article's arrival order as one number: its input file's index, then its place in the file. */
    static long arrival(int file, long item) {
        return ((long) file << 40) | item;
    }

    /** An article's mentions, keyed by event family. */
    private static Iterator<Tuple2<String, MentionRow>> mentions(Row row) {
        ArticleResult a = ArticleRows.result(row);
        int file = row.getAs("input_file");
        long item = row.getAs("input_item");
        String outlet = SequentialMerge.outlet(a.article().source(), a.article().url());
        List<Tuple2<String, MentionRow>> out = new ArrayList<>();
        int index = 0;
        for (Event e : a.events()) {
            MentionRow m = new MentionRow(file, item, index++, a.article().id(), a.article().url(), outlet, ExtractJson.event(e).toString());
            out.add(new Tuple2<>(m.family(), m));
        }
        return out.iterator();
    }

    /** A family's mentions, each keyed by its block (the family and the block's number). */
    private static Iterator<Tuple2<String, MentionRow>> blocks(String family, Iterable<MentionRow> mentions, LongAccumulator count) {
        List<MentionRow> list = new ArrayList<>();
        mentions.forEach(list::add);
        list.sort(ARRIVAL);
        int[] block = MergeBlocks.of(list.stream().map(MentionRow::key).toList());
        List<Tuple2<String, MentionRow>> out = new ArrayList<>();
        int max = -1;
        for (int i = 0; i < list.size(); i++) {
            out.add(new Tuple2<>(family + "\t" + block[i], list.get(i)));
            max = Math.max(max, block[i]);
        }
        count.add(max + 1);
        return out.iterator();
    }

    /** One block merged in arrival order: its events, each as the events/ row's JSON. */
    private static Iterator<String> merge(Iterable<MentionRow> mentions, LongAccumulator count) {
        List<MentionRow> list = new ArrayList<>();
        mentions.forEach(list::add);
        list.sort(ARRIVAL);
        SequentialMerge merge = new SequentialMerge();
        for (MentionRow m : list) merge.add(m.mention());
        count.add(list.size());
        List<String> out = new ArrayList<>();
        for (SequentialMerge.MergedEvent e : merge.events()) out.add(eventJson(e).toString());
        return out.iterator();
    }

    /** An event as the store's jsonl export writes it (disagreements as a JSON string, since their shape varies). */
    static ObjectNode eventJson(SequentialMerge.MergedEvent e) {
        ObjectNode o = e.json().deepCopy();
        o.put("id", e.id());
        o.put("num_mentions", e.numMentions()).put("num_articles", e.numArticles()).put("num_sources", e.numSources());
        o.put("disagreements", e.disagreements().toString());
        ArrayNode ms = o.putArray("mentions");
        for (SequentialMerge.Merged m : e.mentions()) {
            ObjectNode event = m.mention().event();
            ObjectNode mo = ms.addObject();
            mo.put("id", m.mention().id()).put("article_id", m.mention().articleId()).put("url", m.mention().url())
                    .put("source", m.mention().outlet()).put("sentence", event.path("evidence").path("sentence").asText(null))
                    .put("start", event.path("evidence").path("start").asInt()).put("end", event.path("evidence").path("end").asInt());
            mo.set("trigger", event.path("evidence").path("trigger").deepCopy());
            mo.put("confidence", event.path("confidence").asDouble()).put("merge_reason", m.reason());
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("bad mention JSON", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
