package sitrep.eval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sitrep.coding.PatternCoder;
import sitrep.coding.UserDictionaries;
import sitrep.nlp.TreebankSentences;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code sitrep eval coding}: scores the event coder against gold files. The PETRARCH format codes each record's
 * own Treebank parse with the loaded TABARI/PETRARCH dictionaries and reports exact sentences, tuple P/R/F1,
 * per-root scores and a confusion table.
 */
@Command(name = "coding", mixinStandardHelpOptions = true,
        description = {"Score the event coder against gold data.",
                "--format petrarch: PETRARCH validation records (<Sentence> with <Parse> and <EventCoding>), coded with the loaded dictionaries.",
                "--format plover: PLOVER gold records (JSON), run through the pipeline; top event's type and source country.",
                "--format case2021: CASE 2021 task 2 snippets (TSV); ACLED sub-event type of the top event, macro-F1.",
                "--format fakes: FA-KES articles (CSV, Windows-1252); main violent event's date and governorate.",
                "--format articles: a folder with articles.jsonl and gold.jsonl (full articles, every event; see GUIDE.md there)."})
public final class CodingEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The gold file (for --format articles: the folder).")
    Path file;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "petrarch, plover, case2021, fakes or articles.")
    String format;
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for the pipeline formats (default 2).")
    int threads = 2;

    @Mixin
    DictionaryOptions dictionaryOptions;
    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N records.")
    int limit = Integer.MAX_VALUE;
    @Option(names = "--show-errors", description = "List the sentences not coded exactly, with gold and coded tuples.")
    boolean showErrors;
    @Option(names = "--nlp-cache", paramLabel = "DIR",
            description = "--format articles: keep CoreNLP's annotations in DIR between runs (delete it after changing the NLP stage).")
    Path nlpCache;
    @Option(names = "--fold", paramLabel = "K/N",
            description = "--format articles: score only the articles whose position (from 0) modulo N is K; '!K/N' scores the others.")
    String fold;
    @Mixin
    CodingOptions coding;
    @Option(names = "--full-nlp", description = "Give every sentence CoreNLP's full annotation, not extract's plan (parse and dates only where the coder can use them): for comparison.")
    boolean fullNlp;
    @Option(names = "--show-dropped", description = "--format articles, with --show-errors: also list every candidate a rule dropped, with the rule.")
    boolean showDropped;
    @Option(names = "--rule-report", description = "--format articles: score once per rule with that rule off, and print what each adds.")
    boolean ruleReport;
    @Option(names = "--fit-confidence", paramLabel = "FILE",
            description = "--format articles: fit the confidence model on these articles and write its weights to FILE (TSV), with leave-one-article-out figures.")
    Path fitConfidence;
    @Option(names = "--trace", paramLabel = "ID", description = "Print the tokens and dependencies of record ID (--format articles: of every sentence containing the text ID).")
    String trace;

    @picocli.CommandLine.Mixin
    GazetteerOptions gazetteerOptions;

    @Override
    public Integer call() {
        gazetteerOptions.apply();
        if (!Files.isReadable(file)) return usage("cannot read " + file);
        if (format.equals("articles")) {
            if (!Files.isRegularFile(file.resolve("articles.jsonl")) || !Files.isRegularFile(file.resolve("gold.jsonl"))) {
                return usage(file + " needs articles.jsonl and gold.jsonl");
            }
            sitrep.coding.CoderSettings settings;
            try {
                settings = coding.settings();
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            return ArticleEval.run(new ArticleEval.Options(file, threads, showErrors, nlpCache, fold, trace, settings,
                    ruleReport, fitConfidence, showDropped, fullNlp));
        }
        Path unreadable = dictionaryOptions.unreadable();
        if (unreadable != null) return usage("cannot read dictionary " + unreadable);
        switch (format) {
            case "petrarch" -> {
            }
            case "plover", "case2021", "fakes" -> {
                sitrep.coding.CoderSettings settings;
                try {
                    settings = coding.settings();
                } catch (IllegalArgumentException e) {
                    return usage(e.getMessage());
                }
                return GoldEvals.run(format, file, limit, threads, showErrors,
                        new GoldEvals.Setup(settings, nlpCache == null ? null : new AnnotationCache(nlpCache), fullNlp));
            }
            default -> {
                return usage("unknown --format " + format + " (petrarch, plover, case2021, fakes, articles)");
            }
        }
        if (!dictionaryOptions.hasVerbs()) return usage("--format petrarch needs --verbs (and normally --actors, --agents, --discards)");
        UserDictionaries dictionaries = dictionaryOptions.load(true);
        List<PetrarchRecords.Record> records;
        try (InputStream in = Files.newInputStream(file)) {
            records = PetrarchRecords.read(in);
        } catch (IOException | UncheckedIOException e) {
            return usage("cannot read " + file + ": " + e.getMessage());
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (trace != null) {
            for (PetrarchRecords.Record r : records) {
                if (!r.id().equals(trace)) continue;
                var s = TreebankSentences.convert(r.parse()).sentence();
                for (var t : s.tokens()) out.println(t.index() + " " + t.word() + " " + t.pos() + " " + t.lemma());
                for (var d : s.dependencies()) out.println(d.relation() + "(" + d.head() + ", " + d.dependent() + ")");
            }
        }
        out.println(score(records, dictionaries, limit, showErrors ? out : null).report());
        return 0;
    }

    /** Codes each record's parse and scores it; lists mismatches on {@code errors} when given. */
    static CodingScore score(List<PetrarchRecords.Record> records, UserDictionaries d, int limit, PrintStream errors) {
        PatternCoder strict = new PatternCoder(d.verbs(), d.actors(), d.discards(), true);
        PatternCoder loose = new PatternCoder(d.verbs(), d.actors(), d.discards(), false);
        CodingScore score = new CodingScore();
        int n = 0;
        for (PetrarchRecords.Record r : records) {
            if (n++ >= limit) break;
            Set<CodingScore.Tuple> predicted = new LinkedHashSet<>();
            try {
                var converted = TreebankSentences.convert(r.parse());
                for (var c : (r.requireDyad() ? strict : loose).code(converted.sentence(), r.date())) {
                    predicted.add(new CodingScore.Tuple(c.source(), c.target(), c.code()));
                }
            } catch (RuntimeException e) {
                if (errors != null) errors.println(r.id() + ": parse not usable: " + e.getMessage());
            }
            boolean exact = score.add(r.gold(), predicted);
            if (!exact && errors != null) {
                errors.println(r.id() + " | " + r.text());
                errors.println("    gold:  " + r.gold());
                errors.println("    coded: " + predicted);
            }
        }
        return score;
    }

    private static int usage(String message) {
        System.err.println("sitrep: " + message);
        return 2;
    }
}
