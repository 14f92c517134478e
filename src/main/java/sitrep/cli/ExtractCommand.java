package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import sitrep.coding.UserDictionaries;
import sitrep.ingest.ArticleReader;
import sitrep.model.ArticleResult;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract coded, geocoded events from articles; writes JSON Lines, one object per article.",
                "INPUT: a file, a folder (recursed) or - for standard input."})
public final class ExtractCommand implements Callable<Integer> {
    @Mixin
    InputOptions in;

    @Option(names = "--output", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

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
        ArticleReader reader = in.reader();
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
        try (Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             Pipeline pipeline = new Pipeline(in.threads, dictionaries)) {
            pipeline.run(in.read(reader), r -> write(out, r));
            out.flush();
        } catch (IOException e) {
            throw new Main.UsageException("cannot write output: " + e.getMessage());
        }
        return 0;
    }

    private static void write(Writer out, ArticleResult r) {
        Reports.problems(r);
        try {
            out.write(ExtractJson.line(r));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
