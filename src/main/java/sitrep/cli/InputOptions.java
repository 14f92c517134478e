package sitrep.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.ingest.ReadAhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The inputs and reading options that extract and ingest share. */
final class InputOptions {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "A file, a folder (recursed) or - for standard input.")
    List<String> inputs;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date for inputs that carry none (it wins over the dateline read from the text).")
    String published;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, html, jsonl, csv, rss, warc (default: ${DEFAULT-VALUE}).")
    String inputFormat;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress or loading messages (errors and the final summary still go to standard error).")
    boolean quiet;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "100",
            description = "When standard error is not a terminal, a progress line every N articles (default: ${DEFAULT-VALUE}).")
    int progressEvery;

    /** The progress report for this run's inputs: their total when it can be known cheaply. */
    ProgressReport progress() {
        if (progressEvery < 1) throw new Main.UsageException("--progress-every must be at least 1, got " + progressEvery);
        Long total = quiet ? null : sitrep.ingest.InputCount.articles(inputs, InputFormat.parse(inputFormat));
        return new ProgressReport(total, progressEvery, quiet, ProgressReport.onTerminal());
    }
    @Option(names = "--max-item-bytes", paramLabel = "N",
            description = "Refuse, with an error for that item, a file, JSON Lines line, CSV row, WARC record or standard input larger than N bytes (default: ${DEFAULT-VALUE}).")
    int maxItemBytes = ArticleReader.MAX_BYTES;

    /** Why reading stopped before the end of the inputs (null when every input was read to its end). */
    private volatile String readingStopped;

    /** Checks the options and paths (exit 2 on a bad one) and returns the reader. */
    ArticleReader reader() {
        LocalDate date = null;
        if (published != null) {
            try {
                date = LocalDate.parse(published);
            } catch (DateTimeParseException e) {
                throw new Main.UsageException("--published must be YYYY-MM-DD, got '" + published + "'");
            }
        }
        InputFormat format;
        try {
            format = InputFormat.parse(inputFormat);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        for (String in : inputs) {
            if (!in.equals("-") && !Files.isReadable(Path.of(in))) throw new Main.UsageException("cannot read input " + in);
        }
        if (maxItemBytes < 1) throw new Main.UsageException("--max-item-bytes must be at least 1");
        return new ArticleReader(format, date, note -> System.err.println("sitrep: " + note), maxItemBytes);
    }

    /** Reads the inputs on a background thread, so reading overlaps with processing and memory stays bounded. */
    Iterable<InputItem> read(ArticleReader reader) {
        ReadAhead<InputItem> items = new ReadAhead<>("sitrep-reader", 64, sink -> {
            for (String in : inputs) {
                try {
                    reader.read(in, System.in, sink);
                } catch (RuntimeException | Error e) {
                    // A reader that fails (a read error midway, a folder that cannot be listed, memory run out)
                    // must not end the run as if every input had been read: the failure is an error record of
                    // its own, the other inputs are read, and the exit status says that items are missing.
                    String why = "reading " + in + " stopped: " + e;
                    readingStopped = readingStopped == null ? why : readingStopped + "; " + why;
                    sink.accept(InputItem.failed(ArticleReader.hash("reading stopped " + in + why), in, why));
                }
            }
        });
        return () -> items;
    }

    /**
     * After the run: 0 when every input was read to its end, else 1, with the reason on stderr (the format's
     * rule: exit 0 only when every input was read).
     */
    int readStatus(ArticleReader reader) {
        List<String> stops = new java.util.ArrayList<>(reader.stopped());
        if (readingStopped != null) stops.add(readingStopped);
        if (stops.isEmpty()) return 0;
        for (String why : stops) System.err.println("sitrep: not every input was read to its end: " + why);
        return 1;
    }
}
