package sitrep.report;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a report writes dates, periods, changes and links, the same in every format. */
final class ReportText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ReportText() {
    }

    static String day(LocalDate d) {
        return d == null ? "undated" : d.format(DAY);
    }

    /** "1 August 2017 to 23 March 2019", or one day. */
    static String period(LocalDate from, LocalDate to) {
        return from.equals(to) ? day(from) : day(from) + " to " + day(to);
    }

    /** A change against the previous period: "+3", "−2", "0"; "new" where there was none before. */
    static String change(int now, int before) {
        if (before == 0) return now == 0 ? "0" : "new";
        int d = now - before;
        String pct = String.format(Locale.ROOT, " (%+d%%)", Math.round(100.0 * d / before));
        return (d > 0 ? "+" + d : d < 0 ? "\u2212" + (-d) : "0") + (d == 0 ? "" : pct.replace("-", "\u2212"));
    }

    /** A PLOVER type as a reader says it: "ASSAULT" is "Assault". */
    static String type(String plover) {
        return plover == null || plover.isEmpty() ? "" : plover.charAt(0) + plover.substring(1).toLowerCase(Locale.ROOT);
    }

    /** The URL when it is an absolute http(s) link, else null: article URLs are untrusted and no other scheme is linked. */
    static String safeLink(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? u.toASCIIString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Text for XML (SVG), escaped; control characters that XML cannot hold are dropped. */
    static String xml(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
