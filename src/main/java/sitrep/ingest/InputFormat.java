package sitrep.ingest;

import java.util.Locale;

/** The input formats extract reads; AUTO decides per file from its extension, then its content. */
public enum InputFormat {
    AUTO, TEXT, HTML, JSONL, CSV, RSS, WARC;

    public static InputFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown input format '" + name + "' (auto, text, html, jsonl, csv, rss, warc)");
        }
    }

    static InputFormat byName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) return HTML;
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) return JSONL;
        if (n.endsWith(".csv")) return CSV;
        if (n.endsWith(".rss") || n.endsWith(".atom")) return RSS;
        if (n.endsWith(".warc") || n.endsWith(".warc.gz")) return WARC;
        if (n.endsWith(".txt") || n.endsWith(".text")) return TEXT;
        return AUTO;
    }

    static InputFormat byContent(String text) {
        String head = text.stripLeading();
        if (head.startsWith("{")) return JSONL;
        String lower = head.length() > 512 ? head.substring(0, 512).toLowerCase(Locale.ROOT) : head.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")) return HTML;
        if (lower.startsWith("<?xml") && (lower.contains("<rss") || lower.contains("<feed"))) return RSS;
        if (head.startsWith("WARC/")) return WARC;
        return TEXT;
    }
}
