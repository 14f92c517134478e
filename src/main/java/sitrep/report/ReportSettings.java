package sitrep.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The sizes of a report's sections and the fonts its PDF embeds.
 *
 * @param highlights    most reported events worded as highlights
 * @param mapLabels     places named on the map, the ones with most events
 * @param chartTypes    PLOVER types drawn apart in the charts; the rest are summed as OTHER
 * @param areas         first-level divisions in "by area", the ones with most events
 * @param actors        top actors, and top actor pairs
 * @param alerts        zone alerts listed, newest first
 * @param lookbackDays  how far back "the highest fatalities the store holds for the area" looks
 * @param fonts         TrueType fonts the PDF embeds, the first one found wins (regular, bold); without one the PDF
 *                      uses its built-in Helvetica, which lacks letters outside Western European scripts
 */
public record ReportSettings(int highlights, int mapLabels, int chartTypes, int areas, int actors, int alerts,
                             int lookbackDays, List<List<Path>> fonts) {
    public ReportSettings {
        fonts = fonts.stream().map(List::copyOf).toList();
    }

    public static ReportSettings defaults() {
        // Debian's fonts-dejavu-core: a font with Arabic, Cyrillic and Greek letters, as article names need.
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu");
        return new ReportSettings(8, 12, 5, 12, 10, 20, 365,
                List.of(List.of(dejavu.resolve("DejaVuSans.ttf"), dejavu.resolve("DejaVuSans-Bold.ttf"))));
    }
}
