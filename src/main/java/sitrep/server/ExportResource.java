package sitrep.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.EventExporter;
import sitrep.store.EventPage;
import sitrep.store.EventQuery;
import sitrep.store.StoredEvent;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Downloads of what a listing shows: {@code /api/export?format=csv|geojson|acled|gdelt|jsonl} with the filters of
 * /api/events, the events in the listing's order, written by the same exporter as the {@code export} command.
 */
final class ExportResource extends Resource {
    /** The most events one download holds; a larger selection is narrowed by filters or exported with the CLI. */
    static final int MAX_EVENTS = 20_000;
    private static final Map<EventExporter.Format, String> TYPES = Map.of(
            EventExporter.Format.CSV, "text/csv; charset=utf-8",
            EventExporter.Format.GEOJSON, "application/geo+json",
            EventExporter.Format.ACLED, "text/csv; charset=utf-8",
            EventExporter.Format.GDELT, "text/tab-separated-values; charset=utf-8",
            EventExporter.Format.JSONL, "application/x-ndjson");
    private static final Map<EventExporter.Format, String> SUFFIX = Map.of(
            EventExporter.Format.CSV, ".csv", EventExporter.Format.GEOJSON, ".geojson", EventExporter.Format.ACLED, "-acled.csv",
            EventExporter.Format.GDELT, "-gdelt.tsv", EventExporter.Format.JSONL, ".jsonl");

    private final EventExporter exporter = new EventExporter();

    ExportResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/export", this::export);
    }

    private void export(Context ctx) {
        String name = QueryParams.value(ctx, "format");
        EventExporter.Format format = null;
        for (EventExporter.Format f : TYPES.keySet()) if (f.name().equalsIgnoreCase(name == null ? "" : name)) format = f;
        if (format == null) throw new BadRequest("bad parameter 'format': expected csv, geojson, acled, gdelt or jsonl, got '" + name + "'");
        String header = QueryParams.value(ctx, "header");
        if (header != null && !header.equals("true") && !header.equals("false")) throw new BadRequest("bad parameter 'header': expected true or false");
        EventQuery q = QueryParams.events(ctx, filtersWith("format", "header"));
        // Count first, so an over-large selection is refused before any byte of the download is sent.
        java.util.List<String> ids = ids(q);
        ctx.contentType(TYPES.get(format));
        ctx.header("Content-Disposition", "attachment; filename=\"sitrep-events" + SUFFIX.get(format) + "\"");
        Consumer<Consumer<StoredEvent>> events = sink -> {
            for (String id : ids) readers.read(r -> r.event(id)).ifPresent(d -> sink.accept(d.event()));
        };
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            exporter.write(events, format, out, "true".equals(header));
        } catch (IOException e) {
            throw new UncheckedIOException("download cut off: " + e.getMessage(), e);
        }
    }

    /** The ids of the matching events, in the listing's order (newest first), at most {@link #MAX_EVENTS}. */
    private java.util.List<String> ids(EventQuery q) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        EventQuery.Position after = null;
        while (true) {
            EventQuery page = new EventQuery(q.from(), q.to(), q.country(), q.admin1(), q.bbox(), q.actor(), q.cameoRoot(),
                    q.ploverType(), q.acledType(), q.text(), after, QueryParams.MAX_LIMIT, q.minConfidence());
            EventPage p = readers.read(r -> r.search(page));
            for (StoredEvent e : p.events()) ids.add(e.id());
            if (ids.size() > MAX_EVENTS) {
                throw new BadRequest(413, "more than " + MAX_EVENTS + " events match; narrow the filters, or use `sitrep export` on the store");
            }
            if (p.next() == null) return ids;
            after = p.next();
        }
    }
}
