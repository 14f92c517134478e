package sitrep.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.model.PlaceKind;
import sitrep.model.Problem;
import scala.jdk.javaapi.CollectionConverters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's Parquet rows: one per article, with the extract format's fields and names (places and events nested,
 * shared/design/extract-format.md), plus what a store needs to load it without NLP: the article's {@code text}
 * always (extract prints it only when it was extracted from markup; {@code text_extracted} says which),
 * {@code language} and {@code origin}; {@code input_file} and {@code input_item}, the article's arrival order (the
 * index of its file in the order extract reads the inputs, its place in the file), which ingest and the merge stage
 * follow so they merge as a sequential ingest of the inputs does. {@code published_month} (YYYY-MM, null when undated) is the partition column.
 * {@link #result} reads a row back into the pipeline's record. Spark's row encoder takes arrays and Scala maps, not Java
 * collections, for array and map columns.
 */
public final class ArticleRows {
    private static final StructType ACTOR = struct(
            field("text", DataTypes.StringType), field("start", DataTypes.IntegerType), field("end", DataTypes.IntegerType),
            field("code", DataTypes.StringType), field("name", DataTypes.StringType), field("country", DataTypes.StringType),
            field("sector", DataTypes.StringType));
    private static final StructType PLACE = struct(
            field("text", DataTypes.StringType), field("start", DataTypes.IntegerType), field("end", DataTypes.IntegerType),
            field("name", DataTypes.StringType), field("geonameid", DataTypes.LongType), field("lat", DataTypes.DoubleType),
            field("lon", DataTypes.DoubleType), field("country", DataTypes.StringType), field("admin1", DataTypes.StringType),
            field("feature_code", DataTypes.StringType), field("precision", DataTypes.StringType),
            field("kind", DataTypes.StringType));
    private static final StructType SPAN = struct(
            field("text", DataTypes.StringType), field("start", DataTypes.IntegerType), field("end", DataTypes.IntegerType));
    static final StructType EVENT = struct(
            field("id", DataTypes.StringType), field("date", DataTypes.StringType), field("date_precision", DataTypes.StringType),
            field("date_source", DataTypes.StringType), field("source", ACTOR), field("target", ACTOR),
            field("cameo", struct(field("code", DataTypes.StringType), field("base", DataTypes.StringType),
                    field("root", DataTypes.StringType), field("quad_class", DataTypes.IntegerType),
                    field("goldstein", DataTypes.DoubleType), field("label", DataTypes.StringType))),
            field("plover", struct(field("type", DataTypes.StringType), field("mode", DataTypes.StringType),
                    field("context", DataTypes.createArrayType(DataTypes.StringType, false)))),
            field("acled", struct(field("event_type", DataTypes.StringType), field("sub_event_type", DataTypes.StringType))),
            field("location", PLACE), field("modality", DataTypes.StringType),
            field("attribution", struct(field("speaker", ACTOR), field("verb", DataTypes.StringType))),
            field("quantities", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false)),
            field("evidence", struct(field("sentence", DataTypes.StringType), field("start", DataTypes.IntegerType),
                    field("end", DataTypes.IntegerType), field("trigger", SPAN),
                    field("also_triggers", DataTypes.createArrayType(SPAN, false)))),
            field("confidence", DataTypes.DoubleType), field("location_source", DataTypes.StringType));
    private static final StructType PROBLEM = struct(field("stage", DataTypes.StringType), field("message", DataTypes.StringType));

    /** The article rows' schema, partition column last. */
    public static final StructType SCHEMA = struct(
            field("id", DataTypes.StringType), field("published", DataTypes.DateType), field("title", DataTypes.StringType),
            field("url", DataTypes.StringType), field("source", DataTypes.StringType), field("text", DataTypes.StringType),
            field("text_extracted", DataTypes.BooleanType), field("language", DataTypes.StringType),
            field("origin", DataTypes.StringType),
            field("places", DataTypes.createArrayType(PLACE, false)), field("events", DataTypes.createArrayType(EVENT, false)),
            field("errors", DataTypes.createArrayType(PROBLEM, false)), field("input_file", DataTypes.IntegerType),
            field("input_item", DataTypes.LongType), field("published_month", DataTypes.StringType));

    private ArticleRows() {
    }

    private static StructType struct(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    /** The month partition of a publication date: YYYY-MM, or null for an undated article. */
    static String month(LocalDate published) {
        return published == null ? null : published.toString().substring(0, 7);
    }

    /** An article's row; {@code file} and {@code position} are its arrival order (input file, item in it). */
    public static Row row(ArticleResult r, int file, long position) {
        Article a = r.article();
        return RowFactory.create(a.id(), a.published(), a.title(), a.url(), a.source(), a.text(), a.extracted(), a.language(),
                a.origin(), r.places().stream().map(ArticleRows::place).toArray(Row[]::new),
                r.events().stream().map(ArticleRows::event).toArray(Row[]::new),
                r.errors().stream().map(p -> RowFactory.create(p.stage(), p.message())).toArray(Row[]::new), file, position,
                month(a.published()));
    }

    private static Row place(Place p) {
        return p == null ? null : RowFactory.create(p.text(), p.start(), p.end(), p.name(), p.geonameid(), p.lat(), p.lon(),
                p.country(), p.admin1(), p.featureCode(), p.precision(), p.kind().label());
    }

    private static Row actor(Actor a) {
        return a == null ? null : RowFactory.create(a.text(), a.start(), a.end(), a.code(), a.name(), a.country(), a.sector());
    }

    private static Row span(Event.Span s) {
        return RowFactory.create(s.text(), s.start(), s.end());
    }

    private static Row event(Event e) {
        Event.Cameo c = e.cameo();
        Event.Evidence ev = e.evidence();
        return RowFactory.create(e.id(), e.date(), e.datePrecision(), e.dateSource(), actor(e.source()), actor(e.target()),
                RowFactory.create(c.code(), c.base(), c.root(), c.quadClass(), c.goldstein(), c.label()),
                RowFactory.create(e.plover().type(), e.plover().mode(), e.plover().context().toArray(String[]::new)),
                e.acled() == null ? null : RowFactory.create(e.acled().eventType(), e.acled().subEventType()),
                place(e.location()), e.modality(),
                e.attribution() == null ? null : RowFactory.create(actor(e.attribution().speaker()), e.attribution().verb()),
                CollectionConverters.asScala(new LinkedHashMap<>(e.quantities())),
                RowFactory.create(ev.sentence(), ev.start(), ev.end(), span(ev.trigger()),
                        ev.alsoTriggers().stream().map(ArticleRows::span).toArray(Row[]::new)),
                e.confidence(), e.locationSource());
    }

    /** A row read back (from the job's Parquet, by column name) as the pipeline's record. */
    public static ArticleResult result(Row row) {
        Object published = row.getAs("published");
        LocalDate date = published instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) published;
        Article article = new Article(row.getAs("id"), row.getAs("text"), date, row.getAs("title"), row.getAs("url"),
                row.getAs("source"), row.getAs("language"), row.getAs("origin"), Boolean.TRUE.equals(row.getAs("text_extracted")));
        List<Place> places = new ArrayList<>();
        for (Row p : rows(row, "places")) places.add(placeOf(p));
        List<Event> events = new ArrayList<>();
        for (Row e : rows(row, "events")) events.add(eventOf(e));
        List<Problem> errors = new ArrayList<>();
        for (Row p : rows(row, "errors")) errors.add(new Problem(p.getAs("stage"), p.getAs("message")));
        return new ArticleResult(article, places, events, errors);
    }

    private static List<Row> rows(Row row, String field) {
        List<Row> list = row.getList(row.fieldIndex(field));
        return list == null ? List.of() : list;
    }

    private static Place placeOf(Row p) {
        if (p == null) return null;
        return new Place(p.getAs("text"), p.<Integer>getAs("start"), p.<Integer>getAs("end"), p.getAs("name"), p.getAs("geonameid"),
                p.getAs("lat"), p.getAs("lon"), p.getAs("country"), p.getAs("admin1"), p.getAs("feature_code"), p.getAs("precision"),
                PlaceKind.of(hasField(p, "kind") ? p.getAs("kind") : null));
    }

    /** Output written before a field was added lacks its column. */
    private static boolean hasField(Row r, String name) {
        return r.schema() != null && java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
    }

    private static Actor actorOf(Row a) {
        if (a == null) return null;
        return new Actor(a.getAs("text"), a.<Integer>getAs("start"), a.<Integer>getAs("end"), a.getAs("code"), a.getAs("name"),
                a.getAs("country"), a.getAs("sector"));
    }

    private static Event.Span spanOf(Row s) {
        return new Event.Span(s.getAs("text"), s.<Integer>getAs("start"), s.<Integer>getAs("end"));
    }

    private static Event eventOf(Row e) {
        Row c = e.getAs("cameo");
        Row plover = e.getAs("plover");
        Row acled = e.getAs("acled");
        Row attribution = e.getAs("attribution");
        Row ev = e.getAs("evidence");
        Map<String, Integer> quantities = new LinkedHashMap<>(e.getJavaMap(e.fieldIndex("quantities")));
        List<Event.Span> also = new ArrayList<>();
        for (Row s : rows(ev, "also_triggers")) also.add(spanOf(s));
        return new Event(e.getAs("id"), e.getAs("date"), e.getAs("date_precision"), e.getAs("date_source"),
                actorOf(e.getAs("source")), actorOf(e.getAs("target")),
                new Event.Cameo(c.getAs("code"), c.getAs("base"), c.getAs("root"), c.<Integer>getAs("quad_class"),
                        c.<Double>getAs("goldstein"), c.getAs("label")),
                new Event.Plover(plover.getAs("type"), plover.getAs("mode"), List.copyOf(plover.getList(plover.fieldIndex("context")))),
                acled == null ? null : new Event.Acled(acled.getAs("event_type"), acled.getAs("sub_event_type")),
                placeOf(e.getAs("location")), e.getAs("modality"),
                attribution == null ? null : new Event.Attribution(actorOf(attribution.getAs("speaker")), attribution.getAs("verb")),
                quantities,
                new Event.Evidence(ev.getAs("sentence"), ev.<Integer>getAs("start"), ev.<Integer>getAs("end"), spanOf(ev.getAs("trigger")), also),
                e.<Double>getAs("confidence"),
                // Output written before the field existed has no such column.
                java.util.Arrays.asList(e.schema().fieldNames()).contains("location_source") ? e.getAs("location_source") : null);
    }
}
