package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sitrep.report.ReportBuilder;
import sitrep.report.ReportRequest;
import sitrep.report.ReportSettings;
import sitrep.report.ReportWriter;
import sitrep.report.SituationReport;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a situation report over stored events: key figures against the previous period, highlights with "
                + "citations, a map, charts, the situation by first-level division, territorial changes and zone alerts, actors "
                + "and references, as HTML, PDF (A4) or Markdown.",
                "Without --from/--to the period runs from the first to the last event date in scope."})
public final class ReportCommand implements Callable<Integer> {
    @Option(names = "--store", required = true, paramLabel = "PATH|URL", description = "DuckDB file or postgresql:// URL.")
    String store;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The report file (Markdown also writes FILE-map.svg, "
            + "FILE-events.svg and FILE-fatalities.svg beside it).")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html, pdf or md (default: from the output's extension, else html).")
    String format;

    @Option(names = "--country", paramLabel = "ISO3", description = "Events located in this country (ISO 3166 alpha-3).")
    String country;

    @Option(names = "--admin1", paramLabel = "NAME", description = "Events located in this first-level division (province, governorate, state).")
    String admin1;

    @Option(names = "--bbox", paramLabel = "MINLON,MINLAT,MAXLON,MAXLAT", description = "Events inside this box (degrees); also the map's view.")
    String bbox;

    @Option(names = "--zone", paramLabel = "ID", description = "Events inside this zone (as drawn in the web app or posted to /api/zones).")
    String zone;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the period.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the period.")
    String to;

    @Option(names = "--actor", paramLabel = "CODE|NAME", description = "Events with this actor on either side (code prefix or words of the name).")
    String actor;

    @Option(names = "--type", paramLabel = "PLOVER", description = "Events of this PLOVER type (ASSAULT, PROTEST, ...).")
    String type;

    @Option(names = "--min-confidence", paramLabel = "X", description = "Only events with a report coded at this confidence or more (0 to 1).")
    Double minConfidence;

    @Override
    public Integer call() {
        ReportWriter.Format f;
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            f = format != null ? ReportWriter.Format.parse(format)
                    : name.endsWith(".pdf") ? ReportWriter.Format.PDF : name.endsWith(".md") ? ReportWriter.Format.MD : ReportWriter.Format.HTML;
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--format: " + e.getMessage());
        }
        if (country != null && !country.matches("[A-Za-z]{3}")) throw new Main.UsageException("--country must be an ISO 3166 alpha-3 code such as SYR, got '" + country + "'");
        if (minConfidence != null && (minConfidence < 0 || minConfidence > 1)) throw new Main.UsageException("--min-confidence must be from 0 to 1");
        LocalDate start = ExportCommand.date("--from", from), end = ExportCommand.date("--to", to);
        if (start != null && end != null && start.isAfter(end)) throw new Main.UsageException("--from " + start + " is after --to " + end);
        EventQuery scope = new EventQuery(start, end, country == null ? null : country.toUpperCase(Locale.ROOT), admin1, box(bbox), actor,
                null, type == null ? null : type.toUpperCase(Locale.ROOT), null, null, null, 1, minConfidence);
        ExportCommand.requireStore(store);
        long t0 = System.nanoTime();
        ReportSettings settings = ReportSettings.defaults();
        SituationReport report;
        try (EventStore db = IngestCommand.open(store)) {
            report = new ReportBuilder(settings).build(db, new ReportRequest(scope, zone), Instant.now());
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        long t1 = System.nanoTime();
        new ReportWriter(settings).write(report, f, output);
        System.err.printf("sitrep: report on %d events (%s) written to %s (%s) in %.2fs (reading and computing %.2fs)%n",
                report.figures().events().now(), report.title(), output, f.name().toLowerCase(Locale.ROOT),
                (System.nanoTime() - t0) / 1e9, (t1 - t0) / 1e9);
        return 0;
    }

    private static double[] box(String value) {
        if (value == null) return null;
        String[] parts = value.split(",");
        if (parts.length != 4) throw new Main.UsageException("--bbox needs four numbers: MINLON,MINLAT,MAXLON,MAXLAT");
        double[] b = new double[4];
        try {
            for (int i = 0; i < 4; i++) b[i] = Double.parseDouble(parts[i].trim());
        } catch (NumberFormatException e) {
            throw new Main.UsageException("--bbox needs four numbers: MINLON,MINLAT,MAXLON,MAXLAT, got '" + value + "'");
        }
        if (b[0] >= b[2] || b[1] >= b[3] || b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90) {
            throw new Main.UsageException("--bbox must be MINLON,MINLAT,MAXLON,MAXLAT with min < max, within -180..180 and -90..90");
        }
        return b;
    }
}
