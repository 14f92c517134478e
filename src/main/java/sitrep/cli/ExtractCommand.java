package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sitrep.coding.UserDictionaries;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.model.Problem;
import sitrep.pipeline.ExtractJson;
import sitrep.pipeline.Pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract coded, geocoded events from articles; writes JSON Lines, one object per article.",
                "INPUT: a file, a folder (recursed) or - for standard input."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<String> inputs;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date for inputs that carry none.")
    String published;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, html, jsonl, rss, warc (default: ${DEFAULT-VALUE}).")
    String inputFormat;

    @Option(names = "--output", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--verbs", paramLabel = "FILE", description = "TABARI/PETRARCH verb dictionary.")
    Path verbs;
    @Option(names = "--actors", paramLabel = "FILE", description = "TABARI/PETRARCH actor dictionary (repeatable).")
    List<Path> actors;
    @Option(names = "--agents", paramLabel = "FILE", description = "TABARI/PETRARCH agent dictionary.")
    Path agents;
    @Option(names = "--discards", paramLabel = "FILE", description = "TABARI/PETRARCH discard list.")
    Path discards;
    @Option(names = "--dictionaries-only", description = "Code with the loaded dictionaries alone.")
    boolean dictionariesOnly;

    @Override
    public Integer call() {
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
        UserDictionaries dictionaries = null;
        if (verbs != null || actors != null || agents != null || discards != null || dictionariesOnly) {
            if (dictionariesOnly && verbs == null) throw new Main.UsageException("--dictionaries-only needs --verbs");
            List<Path> all = new ArrayList<>();
            if (verbs != null) all.add(verbs);
            if (actors != null) all.addAll(actors);
            if (agents != null) all.add(agents);
            if (discards != null) all.add(discards);
            for (Path p : all) if (!Files.isReadable(p)) throw new Main.UsageException("cannot read dictionary " + p);
            try {
                dictionaries = UserDictionaries.load(verbs, actors, agents, discards, dictionariesOnly);
            } catch (UncheckedIOException e) {
                throw new Main.UsageException(e.getMessage());
            }
        }
        for (String in : inputs) {
            if (!in.equals("-") && !Files.isReadable(Path.of(in))) throw new Main.UsageException("cannot read input " + in);
        }
        ArticleReader reader = new ArticleReader(format, date);
        try (Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             Pipeline pipeline = new Pipeline(threads, dictionaries)) {
            pipeline.run(read(reader), r -> write(out, r));
            out.flush();
        } catch (IOException e) {
            throw new Main.UsageException("cannot write output: " + e.getMessage());
        }
        return 0;
    }

    /** Reads inputs on a background thread, so reading overlaps with processing and memory stays bounded. */
    private Iterable<InputItem> read(ArticleReader reader) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
        Object end = new Object();
        Thread t = new Thread(() -> {
            try {
                for (String in : inputs) reader.read(in, System.in, item -> put(queue, item));
            } finally {
                put(queue, end);
            }
        }, "sitrep-reader");
        t.setDaemon(true);
        t.start();
        return () -> new Iterator<>() {
            Object next;

            @Override
            public boolean hasNext() {
                if (next == null) next = take(queue);
                return next != end;
            }

            @Override
            public InputItem next() {
                if (!hasNext()) throw new NoSuchElementException();
                InputItem item = (InputItem) next;
                next = null;
                return item;
            }
        };
    }

    private static void put(BlockingQueue<Object> q, Object o) {
        try {
            q.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> q) {
        try {
            return q.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void write(Writer out, ArticleResult r) {
        for (Problem p : r.errors()) {
            System.err.println("sitrep: " + r.article().origin() + ": " + p.stage() + ": " + p.message());
        }
        try {
            out.write(ExtractJson.line(r));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
