package sitrep.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.report.ReportBuilder;
import sitrep.report.ReportRequest;
import sitrep.report.ReportSettings;
import sitrep.report.ReportWriter;
import sitrep.report.SituationReport;
import sitrep.store.EventQuery;

/** Situation reports over the listing's filters, as HTML or PDF. */
final class ReportResource extends Resource {
    private final ReportBuilder reports = new ReportBuilder(ReportSettings.defaults());
    private final ReportWriter reportWriter = new ReportWriter(ReportSettings.defaults());

    ReportResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.get("/api/report", this::report);
    }

    /**
     * A situation report over the listing's filters (and optionally a zone), as HTML or, with format=pdf, as a PDF.
     * Computed on a reader connection; the report's own HTML has no script and loads nothing.
     */
    private void report(Context ctx) {
        EventQuery q = QueryParams.events(ctx, filtersWith("format", "zone"));
        String format = QueryParams.value(ctx, "format");
        ReportWriter.Format f;
        try {
            f = format == null ? ReportWriter.Format.HTML : ReportWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad parameter 'format': expected html or pdf, got '" + format + "'");
        }
        if (f == ReportWriter.Format.MD) throw new BadRequest("bad parameter 'format': expected html or pdf (Markdown comes from `sitrep report`)");
        String zone = QueryParams.value(ctx, "zone");
        if (zone != null && readers.read(r -> r.zone(zone)).isEmpty()) throw new BadRequest(404, "no zone with id '" + zone + "'");
        SituationReport report = readers.read(r -> reports.build(r, new ReportRequest(q, zone), java.time.Instant.now()));
        if (f == ReportWriter.Format.PDF) {
            java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
            reportWriter.pdf(report, pdf);
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "inline; filename=\"sitrep-report.pdf\"");
            ctx.result(pdf.toByteArray());
        } else {
            ctx.contentType("text/html; charset=utf-8");
            ctx.result(reportWriter.html(report));
        }
    }
}
