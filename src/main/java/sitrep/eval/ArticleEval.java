package sitrep.eval;

import sitrep.actors.ActorDictionary;
import sitrep.coding.Codebook;
import sitrep.coding.CoderSettings;
import sitrep.coding.CodingRule;
import sitrep.coding.Confidence;
import sitrep.coding.EventCoder;
import sitrep.coding.TriggerLexicon;
import sitrep.geo.Gazetteer;
import sitrep.geo.GeoResult;
import sitrep.geo.Geoparser;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.Event;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;
import sitrep.pipeline.CodingPlan;
import sitrep.pipeline.Pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code eval coding --format articles DIR}: runs the pipeline over a folder's {@code articles.jsonl} (the JSON Lines
 * input of extract) and scores every event against {@code gold.jsonl} with {@link ArticleScorer}. The NLP stage runs
 * once per article (optionally from a cache); coding then runs once per setting compared, so the contribution of
 * each named rule is measured on the same annotations.
 */
final class ArticleEval {
    /** One article ready for coding: what extract reads, annotated and geoparsed. */
    record Prepared(Article article, AnnotatedText text, GeoResult geo) {
    }

    private ArticleEval() {
    }

    static List<Article> articles(Path dir) throws IOException {
        List<Article> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ArticleReader reader = new ArticleReader(InputFormat.JSONL, null);
        reader.read(dir.resolve("articles.jsonl").toString(), System.in, (InputItem item) -> {
            if (item.usable()) out.add(item.article());
            else problems.add(item.article().origin() + ": " + item.problems());
        });
        if (!problems.isEmpty()) throw new IOException("unreadable articles: " + problems);
        return out;
    }

    static Map<String, List<ArticleGold.Event>> gold(Path dir) throws IOException {
        Map<String, List<ArticleGold.Event>> out = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(dir.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
            for (ArticleGold.Event e : ArticleGold.read(r)) out.computeIfAbsent(e.article(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** The articles of fold "K/N" (position modulo N is K) or, for "!K/N", all the others; all for null. */
    static List<Article> fold(List<Article> articles, String fold) {
        if (fold == null) return articles;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(!?)(\\d+)/(\\d+)").matcher(fold);
        if (!m.matches() || Integer.parseInt(m.group(3)) == 0 || Integer.parseInt(m.group(2)) >= Integer.parseInt(m.group(3))) {
            throw new IllegalArgumentException("--fold takes K/N or !K/N with 0 <= K < N, got '" + fold + "'");
        }
        boolean others = !m.group(1).isEmpty();
        int k = Integer.parseInt(m.group(2)), n = Integer.parseInt(m.group(3));
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) if ((i % n == k) != others) out.add(articles.get(i));
        return out;
    }

    /** A sentence's tokens (index, word, lemma, tag, entity, normalised value), dependencies and places, for reading rules against. */
    static String describe(Prepared p, sitrep.nlp.Sentence s) {
        StringBuilder b = new StringBuilder("article " + p.article().id() + " sentence " + s.index() + ": " + s.text(p.text().text()) + "\n");
        for (sitrep.nlp.Token t : s.tokens()) {
            b.append(String.format(java.util.Locale.ROOT, "  %3d %-16s %-14s %-5s %-12s %s%n", t.index(), t.word(), t.lemma(), t.pos(), t.ner(),
                    t.normalized() == null ? "" : t.normalized()));
        }
        for (sitrep.nlp.Dependency d : s.dependencies()) {
            b.append("  ").append(d.relation()).append('(').append(d.head() < 0 ? "ROOT" : s.token(d.head()).word() + "-" + d.head())
                    .append(", ").append(s.token(d.dependent()).word()).append('-').append(d.dependent()).append(")\n");
        }
        for (var t : s.times()) b.append("  time: ").append(t.text()).append(" = ").append(t.value()).append('\n');
        for (var m : p.geo().inSentence(s.index())) b.append("  place: ").append(m.place().text()).append(" -> ").append(m.place().name())
                .append(' ').append(m.place().country()).append(' ').append(m.place().precision()).append('\n');
        return b.toString();
    }

    /** NLP and geo stages for every article, in parallel, in input order. */
    static List<Prepared> prepare(List<Article> articles, int threads, AnnotationCache cache) {
        return prepare(articles, threads, cache, new CodingPlan(TriggerLexicon.shared(), CoderSettings.defaults()));
    }

    /** The annotation plan of an eval run: extract's own for these settings, or CoreNLP's full annotation. */
    static sitrep.nlp.AnnotationPlan plan(CoderSettings settings, boolean full) {
        return full ? sitrep.nlp.AnnotationPlan.FULL : new CodingPlan(TriggerLexicon.shared(), settings);
    }

    /** As {@link #prepare(List, int, AnnotationCache)}, annotating as {@code plan} asks (extract's plan by default). */
    static List<Prepared> prepare(List<Article> articles, int threads, AnnotationCache cache, sitrep.nlp.AnnotationPlan plan) {
        NlpAnnotator nlp = NlpAnnotator.shared();
        Geoparser geoparser = new Geoparser(Gazetteer.shared());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Prepared>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> {
                    AnnotatedText t = cache == null ? nlp.annotate(a.text(), a.published(), plan) : cache.annotate(nlp, a.text(), a.published(), plan);
                    return new Prepared(a, t, geoparser.geoparse(t));
                }));
            }
            List<Prepared> out = new ArrayList<>();
            for (Future<Prepared> f : futures) out.add(Pipeline.await(f, "annotating an article"));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one run of the articles eval does. */
    record Options(Path dir, int threads, boolean showErrors, Path nlpCache, String fold, String trace,
                   CoderSettings settings, boolean ruleReport, Path fitConfidence, boolean showDropped, boolean fullNlp) {
    }

    static ArticleScorer score(List<Prepared> prepared, Map<String, List<ArticleGold.Event>> gold, EventCoder coder) {
        return score(prepared, gold, coder, null);
    }

    /** Codes and scores every article; collects each emitted event's features and labels into {@code samples} when given. */
    static ArticleScorer score(List<Prepared> prepared, Map<String, List<ArticleGold.Event>> gold, EventCoder coder,
                               List<ConfidenceFit.Sample> samples) {
        ArticleScorer scorer = new ArticleScorer();
        for (Prepared p : prepared) {
            EventCoder.Coded coded = coder.codeWithTrace(p.article(), p.text(), p.geo());
            ArticleScorer.ArticleOutcome o = scorer.add(p.article().id(), gold.getOrDefault(p.article().id(), List.of()),
                    coded.events(), coded.dropped());
            if (samples == null) continue;
            for (int i = 0; i < coded.events().size(); i++) {
                Event e = coded.events().get(i);
                boolean matched = false, full = false;
                for (ArticleScorer.Pair pair : o.pairs()) {
                    if (pair.system() == e) {
                        matched = true;
                        full = pair.full();
                    }
                }
                samples.add(new ConfidenceFit.Sample(p.article().id(), coded.features().get(i), matched, full));
            }
        }
        return scorer;
    }

    private static EventCoder coder(CoderSettings settings) {
        return new EventCoder(Codebook.shared(), TriggerLexicon.shared(), ActorDictionary.builtIn(), null, settings);
    }

    static int run(Options o) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Article> articles;
        Map<String, List<ArticleGold.Event>> gold;
        try {
            articles = fold(articles(o.dir()), o.fold());
            gold = gold(o.dir());
        } catch (IOException | RuntimeException e) {
            System.err.println("sitrep: cannot read " + o.dir() + ": " + e.getMessage());
            return 2;
        }
        List<Prepared> prepared = prepare(articles, o.threads(), o.nlpCache() == null ? null : new AnnotationCache(o.nlpCache()),
                plan(o.settings(), o.fullNlp()));
        if (o.trace() != null) {
            for (Prepared p : prepared) {
                for (sitrep.nlp.Sentence s : p.text().sentences()) {
                    if (s.text(p.text().text()).contains(o.trace())) out.println(describe(p, s));
                }
            }
        }
        CoderSettings settings = o.settings();
        if (o.fitConfidence() != null) return fit(prepared, gold, settings, o.fitConfidence(), out);
        ArticleScorer scorer = score(prepared, gold, coder(settings));
        out.println("rules off: " + (settings.disabled().isEmpty() ? "none" : settings.disabled().stream().map(CodingRule::id).sorted().toList())
                + "; min confidence " + settings.minConfidence());
        out.println(scorer.report());
        if (o.ruleReport()) out.println(ruleReport(prepared, gold, settings, scorer.figures()));
        if (o.showErrors()) out.println(scorer.errors(o.showDropped()));
        return 0;
    }

    /** Each rule switched off in turn, on the same annotations: what it adds to the headline figures. */
    static String ruleReport(List<Prepared> prepared, Map<String, List<ArticleGold.Event>> gold, CoderSettings settings,
                             ArticleScorer.Figures all) {
        StringBuilder b = new StringBuilder("what each rule adds (figures with all rules on, minus figures with that rule off):\n");
        b.append(String.format(Locale.ROOT, "  %-22s %7s %7s %7s %7s %7s %7s %7s%n", "rule", "events", "P", "R", "F1", "fullF1", "killed", "place"));
        b.append(String.format(Locale.ROOT, "  %-22s %7d %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", "(all on)", all.system(), all.precision(),
                all.recall(), all.f1(), all.fullF1(), all.killedShare(), fieldShare(all, "place")));
        for (CodingRule r : CodingRule.values()) {
            if (!settings.on(r)) continue;
            ArticleScorer.Figures f = score(prepared, gold, coder(settings.without(List.of(r)))).figures();
            b.append(String.format(Locale.ROOT, "  %-22s %+7d %+7.3f %+7.3f %+7.3f %+7.3f %+7.3f %+7.3f%n", r.id(), all.system() - f.system(),
                    all.precision() - f.precision(), all.recall() - f.recall(), all.f1() - f.f1(), all.fullF1() - f.fullF1(),
                    all.killedShare() - f.killedShare(), fieldShare(all, "place") - fieldShare(f, "place")));
        }
        return b.toString();
    }

    /** The share of matched events (where the gold gives the field) whose field is right: "place right". */
    private static double fieldShare(ArticleScorer.Figures f, String field) {
        int[] c = f.fields().get(field);
        return c == null || c[1] == 0 ? 0 : (double) c[0] / c[1];
    }

    /**
     * Fits the confidence model on every event the coder emits with no threshold, writes the weights, and reports the
     * figures of the fitted model and threshold when each article is scored by a model fitted on the others.
     */
    static int fit(List<Prepared> prepared, Map<String, List<ArticleGold.Event>> gold, CoderSettings settings, Path file, PrintStream out) {
        List<ConfidenceFit.Sample> samples = new ArrayList<>();
        CoderSettings open = settings.without(List.of(CodingRule.MIN_CONFIDENCE));
        ArticleScorer unthresholded = score(prepared, gold, coder(open), samples);
        Map<String, Integer> goldPerArticle = new LinkedHashMap<>();
        for (Prepared p : prepared) goldPerArticle.put(p.article().id(), gold.getOrDefault(p.article().id(), List.of()).size());
        int goldTotal = goldPerArticle.values().stream().mapToInt(Integer::intValue).sum();
        double l2 = Double.parseDouble(System.getProperty("sitrep.fit.l2", "2.0"));
        Map<String, Double> weights = ConfidenceFit.fit(samples, Confidence.FEATURES, l2);
        double threshold = ConfidenceFit.bestThreshold(samples, weights, goldTotal);
        ConfidenceFit.CrossValidated cv = ConfidenceFit.leaveOneArticleOut(samples, Confidence.FEATURES, l2, goldPerArticle);
        int kept = 0, matched = 0, full = 0;
        for (int i = 0; i < samples.size(); i++) {
            if (cv.probabilities().get(i) < 0) continue;
            kept++;
            if (samples.get(i).matched()) matched++;
            if (samples.get(i).full()) full++;
        }
        ArticleScorer.Figures before = unthresholded.figures();
        String cvLine = String.format(Locale.ROOT, "leave-one-article-out (model and threshold fitted on the other %d articles): events %d, "
                        + "precision %.3f, recall %.3f, F1 %.3f, full-match F1 %.3f (thresholds %.2f-%.2f)",
                prepared.size() - 1, kept, kept == 0 ? 0 : (double) matched / kept, (double) matched / goldTotal,
                f1(kept == 0 ? 0 : (double) matched / kept, (double) matched / goldTotal),
                f1(kept == 0 ? 0 : (double) full / kept, (double) full / goldTotal),
                cv.thresholds().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                cv.thresholds().stream().mapToDouble(Double::doubleValue).max().orElse(0));
        out.printf(Locale.ROOT, "without a threshold: events %d, precision %.3f, recall %.3f, F1 %.3f, full-match F1 %.3f%n",
                before.system(), before.precision(), before.recall(), before.f1(), before.fullF1());
        out.println(cvLine);
        out.printf(Locale.ROOT, "fitted on all %d articles: threshold %.2f (maximises F1)%n", prepared.size(), threshold);
        out.println("out-of-fold probabilities (each article scored by the model fitted without it), by threshold:");
        out.printf(Locale.ROOT, "  %9s %7s %9s %7s %7s %7s%n", "threshold", "events", "precision", "recall", "F1", "fullF1");
        for (int step = 0; step <= 12; step++) {
            double t = step * 0.05;
            int k = 0, m = 0, fm = 0;
            for (int i = 0; i < samples.size(); i++) {
                if (cv.raw().get(i) < t) continue;
                k++;
                if (samples.get(i).matched()) m++;
                if (samples.get(i).full()) fm++;
            }
            double p = k == 0 ? 0 : (double) m / k, r = (double) m / goldTotal;
            out.printf(Locale.ROOT, "  %9.2f %7d %9.3f %7.3f %7.3f %7.3f%n", t, k, p, r, f1(p, r), f1(k == 0 ? 0 : (double) fm / k, (double) fm / goldTotal));
        }
        StringBuilder tsv = new StringBuilder();
        tsv.append("# sitrep event confidence: the weights of the logistic model Confidence applies to each coded act.\n");
        tsv.append("# Format: UTF-8, TAB-separated: feature | weight. Lines starting with '#' are comments.\n");
        tsv.append("# The features are listed in sitrep.coding.Confidence.FEATURES (0/1 each; bias is always 1).\n");
        tsv.append("# Fitted (L2 ").append(l2).append(") by: sitrep eval coding --format articles DIR --fit-confidence FILE\n");
        tsv.append("# on ").append(prepared.size()).append(" articles, ").append(samples.size()).append(" events; threshold that maximises F1: ")
                .append(String.format(Locale.ROOT, "%.2f", threshold)).append("\n");
        tsv.append("# ").append(cvLine).append("\n");
        for (var e : weights.entrySet()) tsv.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        try {
            Files.writeString(file, tsv.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("sitrep: cannot write " + file + ": " + e.getMessage());
            return 2;
        }
        out.println("weights written to " + file);
        return 0;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
