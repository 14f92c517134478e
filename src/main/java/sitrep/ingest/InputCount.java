package sitrep.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How many articles the inputs hold, where that is cheap to know before reading them: a text or HTML file is one,
 * a JSON Lines file one per non-blank line. CSV (quoted fields span lines), RSS, WARC and standard input are only
 * known by reading them, so their total is unknown. For progress reports, not for anything that must be exact.
 */
public final class InputCount {
    private InputCount() {
    }

    /** The number of articles in the inputs (files and folders, as {@link ArticleReader} walks them), or null when unknown. */
    public static Long articles(List<String> inputs, InputFormat format) {
        long n = 0;
        for (String input : inputs) {
            if (input.equals("-")) return null;
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))::iterator) {
                        Long k = inFile(p, format);
                        if (k == null) return null;
                        n += k;
                    }
                } catch (IOException e) {
                    return null;
                }
            } else {
                Long k = inFile(path, format);
                if (k == null) return null;
                n += k;
            }
        }
        return n;
    }

    private static Long inFile(Path p, InputFormat format) {
        InputFormat f = format == InputFormat.AUTO ? InputFormat.byName(p.getFileName().toString()) : format;
        try {
            if (f == InputFormat.AUTO) {
                byte[] head;
                try (InputStream in = Files.newInputStream(p)) {
                    head = in.readNBytes(4096);
                }
                f = InputFormat.byContent(new String(head, StandardCharsets.UTF_8));
            }
            return switch (f) {
                case TEXT, HTML -> 1L;
                case JSONL -> {
                    long lines = 0;
                    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                        for (String line; (line = r.readLine()) != null; ) if (!line.isBlank()) lines++;
                    }
                    yield lines;
                }
                default -> null;
            };
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // unreadable or not UTF-8: the reading reports it; the total is just unknown
        }
    }
}
