package sitrep.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report's HTML laid out as a PDF by openhtmltopdf (pure Java, PDFBox underneath): A4 pages numbered by the
 * document's {@code @page} rules, the map and charts drawn by Batik as vectors, links kept clickable. The first
 * font family of the settings found on this machine is embedded; without one, the PDF's built-in Helvetica.
 */
final class ReportPdf {
    private ReportPdf() {
    }

    static void write(Document html, ReportSettings settings, OutputStream out) {
        // The renderer logs timings and font loading at INFO to stderr; a command's output should be its own.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        // Nothing is fetched while rendering: the document is self-contained, and an article's URL must never be loaded.
        builder.useUriResolver((base, uri) -> null);
        builder.useSVGDrawer(new BatikSVGDrawer());
        for (List<Path> family : settings.fonts()) {
            if (family.isEmpty() || !Files.isReadable(family.get(0))) continue;
            builder.useFont(family.get(0).toFile(), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            if (family.size() > 1 && Files.isReadable(family.get(1))) {
                builder.useFont(family.get(1).toFile(), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            break;
        }
        builder.withW3cDocument(new W3CDom().fromJsoup(html), "about:blank");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF: " + e.getMessage(), e);
        }
    }
}
