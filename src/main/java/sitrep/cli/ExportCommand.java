package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.store.EventExporter;
import sitrep.store.EventStore;
import sitrep.store.ExportQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export stored events as JSON Lines, CSV, GDELT-style TSV, ACLED-style CSV, GeoJSON or Parquet.")
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "PATH|URL", description = "DuckDB file or postgresql:// URL.")
    String store;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "jsonl, csv, gdelt, acled, geojson or parquet.")
    String format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Output file.")
    Path output;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Events on or after this date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Events on or before this date.")
    String to;

    @Option(names = "--country", paramLabel = "ISO3", description = "Events located in this country (ISO 3166 alpha-3).")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "CAMEO root (19), PLOVER type (ASSAULT) or ACLED (sub-)event type.")
    String type;

    @Option(names = "--header", description = "gdelt only: write a first row of GDELT's column names (GDELT's own files have none).")
    boolean header;

    @Override
    public Integer call() {
        EventExporter.Format f;
        try {
            f = EventExporter.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--format must be jsonl, csv, gdelt, acled, geojson or parquet, got '" + format + "'");
        }
        if (header && f != EventExporter.Format.GDELT) throw new Main.UsageException("--header is for --format gdelt (the other formats always have their header)");
        ExportQuery query = new ExportQuery(date("--from", from), date("--to", to),
                country == null ? null : country.toUpperCase(Locale.ROOT), type);
        requireStore(store);
        long t0 = System.nanoTime();
        EventExporter exporter = new EventExporter();
        EventExporter.Result r;
        EventStore opened;
        try {
            opened = IngestCommand.open(store);
        } catch (RunningServer.StoreInUse e) {
            return handOff(e, f, t0);
        }
        try (EventStore db = opened) {
            r = exporter.export(db, query, f, output, header);
        }
        String left = r.skipped() == 0 ? "" : String.format("; %d left out (%s)", r.skipped(), switch (f) {
            case GDELT -> "undated: every GDELT row has a Day";
            case ACLED -> "outside what ACLED records: not asserted, no ACLED type, dated only to the year or not at all, or not located";
            case GEOJSON -> "not located";
            default -> "cannot be written";
        });
        System.err.printf("sitrep: exported %d events to %s (%s) in %.2fs%s%n", r.written(), output, f.name().toLowerCase(Locale.ROOT),
                (System.nanoTime() - t0) / 1e9, left);
        return 0;
    }

    /** serve holds the store: the export is downloaded from it (Parquet is written only here: one line says so). */
    private Integer handOff(RunningServer.StoreInUse e, EventExporter.Format f, long t0) {
        if (e.server == null) throw e;
        if (f == EventExporter.Format.PARQUET) {
            throw new Main.UsageException(RunningServer.inUse(store, e, java.util.Optional.of(e.server),
                    "export another format (the server writes csv, gdelt, acled, geojson and jsonl)"));
        }
        java.util.Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("from", from);
        filters.put("to", to);
        filters.put("country", country);
        if (type != null) {
            // --type is a CAMEO root, a PLOVER type or an ACLED (sub-)event type; the API names each apart.
            String name = type.matches("\\d{2}") ? "cameo" : type.matches("[A-Z]+") ? "plover" : "acled";
            filters.put(name, type);
        }
        System.err.println("sitrep: the store is open in `sitrep serve` at " + e.server.url() + "/; exporting through it");
        long n = ServerHandOff.export(e.server, f.name().toLowerCase(Locale.ROOT), filters, header, output);
        System.err.printf("sitrep: exported %d events to %s (%s, from the server) in %.2fs%n", n, output, f.name().toLowerCase(Locale.ROOT),
                (System.nanoTime() - t0) / 1e9);
        return 0;
    }

    /** A DuckDB path must exist for reading commands: opening it would silently create an empty store. */
    static void requireStore(String store) {
        if (!store.contains("://") && !store.startsWith("jdbc:") && !Files.exists(Path.of(store))) {
            throw new Main.UsageException("no store at " + store + " (create one with `sitrep ingest --store " + store + " ...`)");
        }
    }

    /** An optional date option: null when absent, a usage error naming the option when it is no YYYY-MM-DD. */
    static LocalDate date(String option, String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Main.UsageException(option + " must be YYYY-MM-DD, got '" + value + "'");
        }
    }
}
