package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.geo.Country;
import sitrep.geo.Gazetteer;
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
        EventExporter exporter = new EventExporter(iso3 -> {
            Country c = f == EventExporter.Format.GDELT ? Gazetteer.shared().country(iso3) : null;
            return c == null ? null : c.iso2();
        });
        long n;
        try (EventStore db = IngestCommand.open(store)) {
            n = exporter.export(db, query, f, output);
        }
        System.err.printf("sitrep: exported %d events to %s (%s) in %.2fs%n", n, output, f.name().toLowerCase(Locale.ROOT),
                (System.nanoTime() - t0) / 1e9);
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
