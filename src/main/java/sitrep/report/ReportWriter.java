package sitrep.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a situation report as HTML (self-contained), PDF (A4, from the same HTML) or Markdown (SVG files beside it). */
public final class ReportWriter {
    public enum Format {
        HTML, PDF, MD;

        public static Format parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("report format must be html, pdf or md, got '" + name + "'");
            }
        }
    }

    private final ReportSettings settings;

    public ReportWriter(ReportSettings settings) {
        this.settings = settings;
    }

    public String html(SituationReport report) {
        return "<!DOCTYPE html>\n" + ReportHtml.document(report).outerHtml();
    }

    public void pdf(SituationReport report, OutputStream out) {
        ReportPdf.write(ReportHtml.document(report), settings, out);
    }

    /**
     * Writes the report to {@code output}; Markdown also writes NAME-map.svg, NAME-events.svg and
     * NAME-fatalities.svg beside it (NAME: the output's file name without its extension).
     */
    public void write(SituationReport report, Format format, Path output) {
        try {
            Path dir = output.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            switch (format) {
                case HTML -> Files.writeString(output, html(report), StandardCharsets.UTF_8);
                case PDF -> {
                    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(output))) {
                        pdf(report, out);
                    }
                }
                case MD -> {
                    String name = output.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                    Path base = dir == null ? Path.of(".") : dir;
                    Files.writeString(base.resolve(name + "-map.svg"), ReportMaps.svg(report.map(), ReportCharts.colours()), StandardCharsets.UTF_8);
                    Files.writeString(base.resolve(name + "-events.svg"), ReportCharts.events(report.series()), StandardCharsets.UTF_8);
                    Files.writeString(base.resolve(name + "-fatalities.svg"), ReportCharts.fatalities(report.series()), StandardCharsets.UTF_8);
                    Files.writeString(output, ReportMarkdown.write(report, name), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }
}
