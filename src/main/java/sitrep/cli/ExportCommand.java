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
        ExportQuery query = new ExportQuery(date("--from", from), date("--to", to),
                country == null ? null : country.toUpperCase(Locale.ROOT), type);
        requireStore(store);
        long t0 = System.nanoTime();
        EventExporter exporter = new EventExporter();
        EventExporter.Result r;
        try (EventStore db = IngestCommand.open(store)) {
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

    /** A DuckDB path must exist for reading commands: opening it would silently create an empty store. */
    static void requireStore(String store) {
        if (!store.contains("://") && !store.startsWith("jdbc:") && !Files.exists(Path.of(store))) {
            throw new Main.UsageException("no store at " + store + " (create one with `sitrep ingest --store " + store + " ...`)");
        }
    }

    private static LocalDate date(String option, String value) {
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Main.UsageException(option + " must be YYYY-MM-DD, got '" + value + "'");
        }
    }
}
