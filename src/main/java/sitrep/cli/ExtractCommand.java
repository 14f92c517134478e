package sitrep.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import sitrep.coding.UserDictionaries;
import sitrep.eval.DictionaryOptions;
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
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract coded, geocoded events from articles; writes JSON Lines, one object per article.",
                "INPUT: a file, a folder (recursed) or - for standard input."})
public final class ExtractCommand implements Callable<Integer> {
    @Mixin
    InputOptions in;

    @Option(names = "--output", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path output;

    @Mixin
    DictionaryOptions dictionaryOptions;

    @Mixin
    sitrep.eval.CodingOptions coding;

    @picocli.CommandLine.Mixin
    sitrep.eval.GazetteerOptions gazetteerOptions;
    @Mixin
    BoundsOptions bounds;

    @Override
    public Integer call() {
        gazetteerOptions.apply();
        ArticleReader reader = in.reader();
        UserDictionaries dictionaries = userDictionaries(dictionaryOptions);
        long loading = System.nanoTime();
        ProgressReport.loadingModels(in.quiet);
        try (Writer out = output == null ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
             Pipeline pipeline = new Pipeline(in.threads, dictionaries, settings(coding), bounds.bounds());
             ProgressReport progress = in.progress()) {
            ProgressReport.modelsLoaded(in.quiet, loading);
            pipeline.run(in.read(reader), r -> {
                write(out, r);
                progress.step();
            });
            out.flush();
        } catch (IOException | UncheckedIOException e) {
            throw new Main.UsageException("cannot write output: " + e.getMessage());
        }
        return in.readStatus(reader);
    }

    /** The coder settings the options ask for, or a usage error naming the bad option. */
    static sitrep.coding.CoderSettings settings(sitrep.eval.CodingOptions options) {
        try {
            return options.settings();
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    /** The users' TABARI/PETRARCH dictionaries the options name, or null when they name none. */
    static UserDictionaries userDictionaries(DictionaryOptions options) {
        if (!options.any()) return null;
        if (options.dictionariesOnly() && !options.hasVerbs()) throw new Main.UsageException("--dictionaries-only needs --verbs");
        Path unreadable = options.unreadable();
        if (unreadable != null) throw new Main.UsageException("cannot read dictionary " + unreadable);
        try {
            return options.load(options.dictionariesOnly());
        } catch (UncheckedIOException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }

    private static void write(Writer out, ArticleResult r) {
        Reports.problems(r);
        try {
            out.write(ExtractJson.line(r));
            out.write('\n');
            // Each line is out as soon as it is done: a run killed midway keeps every article it finished.
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
