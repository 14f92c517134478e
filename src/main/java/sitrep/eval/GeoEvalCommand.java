package sitrep.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sitrep.geo.Gazetteer;
import sitrep.geo.GeoResult;
import sitrep.geo.Geoparser;
import sitrep.geo.PlaceMention;
import sitrep.geo.Recognition;
import sitrep.geo.ResolutionFeature;
import sitrep.geo.ResolutionSettings;
import sitrep.model.Place;
import sitrep.model.PlaceKind;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;
import sitrep.pipeline.Pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** `sitrep eval geo`: scores the geoparser (or a published system's output) against a gold corpus. */
@Command(name = "geo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score toponym recognition (P/R/F1) and resolution (accuracy within 161 km, mean and median error, AUC)",
                "against a gold corpus, running sitrep's NLP and geo stages, or scoring a published system's output (--system).",
                "FILE: the corpus XML, or for --system also a line file such as lgl_gold.txt."})
public final class GeoEvalCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "KIND", description = "lgl, geovirus, gwn or trnews.")
    String corpus;

    @Parameters(paramLabel = "FILE", description = "The gold corpus.")
    Path file;

    @Option(names = "--limit", paramLabel = "N", description = "Score only the first N articles.")
    Integer limit;

    @Option(names = "--system", paramLabel = "FILE",
            description = "Score this output (one line per article: name,,phrase,,lat,,lon,,start,,end joined by ||) instead of sitrep's.")
    Path system;

    @Option(names = "--match", paramLabel = "RULE", defaultValue = "overlap",
            description = "How predictions meet gold toponyms: overlap (spans overlap) gritta (same text, span centres < 10 characters apart; the published scorer's rule) or name (same text anywhere in the article; the published rule for Topocluster). Default: ${DEFAULT-VALUE}.")
    String match;

    @Option(names = "--demonyms", paramLabel = "WHEN", defaultValue = "auto",
            description = "Count sitrep's demonyms (\"Syrian\", \"Palestinians\"; kind adjectival) as toponyms: yes, no, or auto, which follows the corpus's guidelines: yes for lgl, trnews and gwn, which annotate them; no for geovirus, which does not. Default: ${DEFAULT-VALUE}.")
    String demonyms;

    @Option(names = "--kinds", paramLabel = "LIST", defaultValue = "auto",
            description = "Which kinds of sitrep's places are scored: a comma-separated list of toponym, metonym, adjectival, embedded; all; or auto, which follows the corpus's guidelines: toponyms and metonyms everywhere; demonyms as --demonyms says, wherever they stand (lgl and trnews annotate \"American\" in \"American Airlines\" too); other place names inside larger names (\"Washington Post\") for gwn only. Default: ${DEFAULT-VALUE}.")
    String kinds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--errors", paramLabel = "TSV", description = "Write every missed, spurious and matched toponym with its error here.")
    Path errors;

    @Option(names = "--full-nlp", description = "Give every sentence CoreNLP's full annotation, not extract's plan: for comparison.")
    boolean fullNlp;
    @Option(names = "--nlp-cache", paramLabel = "DIR",
            description = "Keep CoreNLP's annotations of the corpus here and reuse them (delete after changing the NLP stage).")
    Path nlpCache;

    @Option(names = "--disable-feature", paramLabel = "NAME",
            description = "Switch a named resolution feature off (repeatable); --feature-report lists them.")
    List<String> disabledFeatures = new ArrayList<>();

    @Option(names = "--feature-report", description = "Resolve once more per resolution feature with that feature off, and print what each adds.")
    boolean featureReport;

    @picocli.CommandLine.Mixin
    GazetteerOptions gazetteerOptions;

    @Override
    public Integer call() throws IOException {
        gazetteerOptions.apply();
        if (!GeoCorpus.KINDS.contains(corpus)) throw usage("--corpus must be one of " + GeoCorpus.KINDS);
        GeoScorer.MatchRule rule = switch (match) {
            case "overlap" -> GeoScorer.MatchRule.OVERLAP;
            case "gritta" -> GeoScorer.MatchRule.GRITTA;
            case "name" -> GeoScorer.MatchRule.NAME;
            default -> throw usage("--match must be overlap, gritta or name");
        };
        if (!Files.isReadable(file)) throw usage("cannot read " + file);
        if (system != null && !Files.isReadable(system)) throw usage("cannot read " + system);
        if (limit != null && limit < 1) throw usage("--limit must be positive");
        ResolutionSettings settings = ResolutionSettings.defaults();
        try {
            List<ResolutionFeature> off = new ArrayList<>();
            for (String f : disabledFeatures) off.add(ResolutionFeature.byLabel(f));
            settings = settings.without(off);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (featureReport && system != null) throw usage("--feature-report scores sitrep's resolution, not --system output");
        boolean withDemonyms = switch (demonyms) {
            case "yes" -> true;
            case "no" -> false;
            case "auto" -> !corpus.equals("geovirus");
            default -> throw usage("--demonyms must be yes, no or auto");
        };
        Set<String> scored = scoredClasses(withDemonyms);

        List<GeoEvalDocument> docs = GeoCorpus.read(corpus, file);
        if (limit != null && docs.size() > limit) docs = docs.subList(0, limit);
        List<List<GeoAnnotation>> gold = new ArrayList<>();
        int goldCount = 0;
        for (GeoEvalDocument d : docs) {
            gold.add(d.gold());
            goldCount += d.gold().size();
        }

        List<List<GeoAnnotation>> predicted;
        String timing = null;
        List<Recognition> recognitions = null;
        if (system != null) {
            predicted = new ArrayList<>(GeoCorpus.readLines(system));
            // Some published files lack the last article's (empty) line.
            while (predicted.size() < docs.size()) predicted.add(List.of());
            if (predicted.size() > docs.size()) predicted = predicted.subList(0, docs.size());
        } else {
            for (GeoEvalDocument d : docs) if (d.text() == null) throw usage(file + " has no article text; give the corpus XML");
            Run run = geoparse(docs, settings);
            recognitions = run.recognitions();
            List<List<GeoAnnotation>> everyKind = resolveAll(recognitions, settings, Set.copyOf(CLASSES));
            System.out.println(kindReport(GeoScorer.match(gold, everyKind, rule)));
            predicted = only(everyKind, scored);
            timing = run.timing();
        }

        GeoScorer.Matching matching = GeoScorer.match(gold, predicted, rule);
        GeoScores scores = matching.scores();
        System.out.printf(Locale.ROOT, "%s %s: %d articles, %d gold toponyms with coordinates; scoring %s; matching: %s%n",
                corpus, file, docs.size(), goldCount, system == null ? "sitrep (kinds " + labels(scored) + ")" : system, match);
        System.out.println(scores.describe());
        if (timing != null) System.out.println(timing);
        if (featureReport) printFeatureReport(gold, recognitions, settings, scored, rule, scores);
        if (errors != null) writeErrors(matching, docs);
        return 0;
    }

    private record Run(List<Recognition> recognitions, String timing) {
    }

    private static List<List<GeoAnnotation>> resolveAll(List<Recognition> recognitions, ResolutionSettings settings, Set<String> kinds) {
        Geoparser geoparser = new Geoparser(Gazetteer.shared(), settings);
        List<List<GeoAnnotation>> out = new ArrayList<>();
        for (Recognition r : recognitions) out.add(annotations(geoparser.resolve(r), kinds));
        return out;
    }

    /**
     * The classes a predicted place is scored by: its kind's label, except that a demonym inside an organisation's name
     * ("American Airlines": kind embedded) is {@code embedded-demonym}, since corpora that annotate demonyms annotate
     * those too while leaving "Washington" in "Washington Post" out.
     */
    private static final List<String> CLASSES = List.of("toponym", "metonym", "adjectival", "embedded-demonym", "embedded");

    /** The classes of place scored: --kinds, with auto following the corpus's guidelines. */
    private Set<String> scoredClasses(boolean withDemonyms) {
        Set<String> out = new LinkedHashSet<>();
        if (kinds.equals("auto")) {
            out.add("toponym");
            out.add("metonym");
            if (withDemonyms) {
                out.add("adjectival");
                out.add("embedded-demonym");
            }
            if (corpus.equals("gwn")) out.add("embedded");
            return out;
        }
        if (!demonyms.equals("auto")) throw usage("give --demonyms or --kinds, not both");
        if (kinds.equals("all")) return new LinkedHashSet<>(CLASSES);
        for (String k : kinds.split(",")) {
            try {
                PlaceKind kind = PlaceKind.of(k.strip());
                out.add(kind.label());
                if (kind == PlaceKind.EMBEDDED) out.add("embedded-demonym");
            } catch (IllegalArgumentException e) {
                throw usage("--kinds: " + e.getMessage() + " (toponym, metonym, adjectival, embedded, all or auto)");
            }
        }
        return out;
    }

    private static List<List<GeoAnnotation>> only(List<List<GeoAnnotation>> predicted, Set<String> classes) {
        List<List<GeoAnnotation>> out = new ArrayList<>();
        for (List<GeoAnnotation> doc : predicted) {
            List<GeoAnnotation> kept = new ArrayList<>();
            for (GeoAnnotation a : doc) if (classes.contains(a.kind())) kept.add(a);
            out.add(kept);
        }
        return out;
    }

    private static String labels(Set<String> classes) {
        return String.join(",", classes);
    }

    /**
     * How many of sitrep's places of each kind meet a gold toponym when every kind is scored: what a corpus annotates.
     * A kind whose places mostly meet gold ones is annotated by the corpus; one whose places mostly do not is not.
     */
    private static String kindReport(GeoScorer.Matching all) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (String k : CLASSES) counts.put(k, new int[2]);
        for (GeoScorer.Matched m : all.matched()) counts.get(m.predicted().kind())[0]++;
        for (GeoScorer.Unmatched u : all.spurious()) counts.get(u.toponym().kind())[1]++;
        StringBuilder b = new StringBuilder("places by kind (every kind scored; meeting a gold toponym / all):");
        for (String k : CLASSES) {
            int[] c = counts.get(k);
            b.append(String.format(Locale.ROOT, " %s %d/%d", k, c[0], c[0] + c[1]));
        }
        return b.toString();
    }

    /**
     * What each resolution feature adds: the corpus resolved again with the feature off (recognition is unchanged, so
     * only resolution's figures move). Positive gains mean the feature helps on this corpus.
     */
    private static void printFeatureReport(List<List<GeoAnnotation>> gold, List<Recognition> recognitions, ResolutionSettings settings,
                                           Set<String> kinds, GeoScorer.MatchRule rule, GeoScores all) {
        System.out.println();
        System.out.println("feature\tweight\tacc@161km without\tgain in acc@161km\tmean km without\tAUC without");
        for (ResolutionFeature f : ResolutionFeature.values()) {
            if (settings.weight(f) == 0) {
                System.out.printf(Locale.ROOT, "%s\t0\t(off)%n", f.label());
                continue;
            }
            GeoScores without = GeoScorer.match(gold, resolveAll(recognitions, settings.without(List.of(f)), kinds), rule).scores();
            System.out.printf(Locale.ROOT, "%s\t%.2f\t%.3f\t%+.3f\t%.0f\t%.3f%n", f.label(), settings.weight(f), without.accuracy161(),
                    all.accuracy161() - without.accuracy161(), without.meanKm(), without.auc());
        }
    }

    /** Runs the NLP and geo stages over the documents in parallel; results in document order. */
    private Run geoparse(List<GeoEvalDocument> docs, ResolutionSettings settings) {
        long t0 = System.nanoTime();
        NlpAnnotator nlp = NlpAnnotator.shared();
        double nlpLoad = (System.nanoTime() - t0) / 1e9;
        Gazetteer gazetteer = Gazetteer.shared();
        Geoparser geoparser = new Geoparser(gazetteer, settings);
        AnnotationCache cache = nlpCache == null ? null : new AnnotationCache(nlpCache);
        sitrep.nlp.AnnotationPlan plan = ArticleEval.plan(sitrep.coding.CoderSettings.defaults(), fullNlp);
        LongAdder nlpNanos = new LongAdder(), geoNanos = new LongAdder();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        long t1 = System.nanoTime();
        try {
            List<Future<Recognition>> futures = new ArrayList<>();
            for (GeoEvalDocument d : docs) {
                futures.add(pool.submit(() -> {
                    long a = System.nanoTime();
                    AnnotatedText text = cache == null ? nlp.annotate(d.text(), d.published(), plan) : cache.annotate(nlp, d.text(), d.published(), plan);
                    long b = System.nanoTime();
                    Recognition recognition = geoparser.recognize(text);
                    geoparser.resolve(recognition);
                    geoNanos.add(System.nanoTime() - b);
                    nlpNanos.add(b - a);
                    int n = done.incrementAndGet();
                    if (n % 50 == 0) System.err.printf("sitrep: %d/%d articles%n", n, docs.size());
                    return recognition;
                }));
            }
            List<Recognition> out = new ArrayList<>();
            for (Future<Recognition> f : futures) out.add(join(f));
            double wall = (System.nanoTime() - t1) / 1e9;
            String timing = String.format(Locale.ROOT,
                    "time: %.1f s wall on %d threads; NLP %.1f thread-s%s, geo %.2f thread-s (%.1f%% of NLP); "
                            + "CoreNLP load %.1f s, gazetteer load %.1f s (%d entries)",
                    wall, threads, nlpNanos.sum() / 1e9, cache == null ? "" : " (with cache)", geoNanos.sum() / 1e9,
                    100.0 * geoNanos.sum() / Math.max(1, nlpNanos.sum()), nlpLoad, gazetteer.loadMillis() / 1000.0, gazetteer.size());
            return new Run(out, timing);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<GeoAnnotation> annotations(GeoResult geo, Set<String> classes) {
        List<GeoAnnotation> out = new ArrayList<>();
        for (PlaceMention m : geo.all()) {
            Place p = m.place();
            String scoredAs = p.kind() == PlaceKind.EMBEDDED && geo.demonyms().contains(m) ? "embedded-demonym" : p.kind().label();
            if (!classes.contains(scoredAs)) continue;
            out.add(new GeoAnnotation(p.start(), p.end(), p.text(), p.lat() == null ? Double.NaN : p.lat(),
                    p.lon() == null ? Double.NaN : p.lon(), scoredAs));
        }
        return out;
    }

    private static <T> T join(Future<T> f) {
        return Pipeline.await(f, "geoparsing an article");
    }

    private void writeErrors(GeoScorer.Matching matching, List<GeoEvalDocument> docs) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(errors, StandardCharsets.UTF_8)) {
            w.write("# sitrep eval geo diagnostics. kind: missed (gold not recognised), spurious (prediction matching no gold),\n");
            w.write("# matched (with error_km). Columns: kind, article id, start, end, text, gold lat, gold lon, predicted text, predicted lat, predicted lon, error_km, context, predicted kind\n");
            for (GeoScorer.Unmatched u : matching.missed()) write(w, "missed", docs.get(u.document()), u.toponym(), null, Double.NaN);
            for (GeoScorer.Unmatched u : matching.spurious()) write(w, "spurious", docs.get(u.document()), null, u.toponym(), Double.NaN);
            for (GeoScorer.Matched m : matching.matched()) write(w, "matched", docs.get(m.document()), m.gold(), m.predicted(), m.errorKm());
        }
    }

    private static void write(BufferedWriter w, String kind, GeoEvalDocument doc, GeoAnnotation gold, GeoAnnotation predicted,
                              double errorKm) throws IOException {
        GeoAnnotation span = gold != null ? gold : predicted;
        String context = "";
        if (doc.text() != null) {
            int from = Math.max(0, span.start() - 40), to = Math.min(doc.text().length(), Math.max(from, span.end() + 40));
            if (from <= to) context = doc.text().substring(from, to).replaceAll("\\s+", " ");
        }
        w.write(String.join("\t", kind, doc.id(), String.valueOf(span.start()), String.valueOf(span.end()), clean(span.text()),
                gold == null ? "" : String.valueOf(gold.lat()), gold == null ? "" : String.valueOf(gold.lon()),
                predicted == null ? "" : clean(predicted.text()), predicted == null ? "" : String.valueOf(predicted.lat()),
                predicted == null ? "" : String.valueOf(predicted.lon()), Double.isNaN(errorKm) ? "" : String.format(Locale.ROOT, "%.1f", errorKm),
                clean(context), predicted == null || predicted.kind() == null ? "" : predicted.kind()));
        w.newLine();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
