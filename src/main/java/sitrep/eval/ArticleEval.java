package sitrep.eval;

import sitrep.actors.ActorDictionary;
import sitrep.coding.Codebook;
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

    /** NLP and geo stages for every article, in parallel, in input order. */
    static List<Prepared> prepare(List<Article> articles, int threads, AnnotationCache cache) {
        NlpAnnotator nlp = NlpAnnotator.shared();
        Geoparser geoparser = new Geoparser(Gazetteer.shared());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Prepared>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> {
                    AnnotatedText t = cache == null ? nlp.annotate(a.text(), a.published()) : cache.annotate(nlp, a.text(), a.published());
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

    static ArticleScorer score(List<Prepared> prepared, Map<String, List<ArticleGold.Event>> gold, EventCoder coder) {
        ArticleScorer scorer = new ArticleScorer();
        for (Prepared p : prepared) {
            List<Event> events = coder.code(p.article(), p.text(), p.geo());
            scorer.add(p.article().id(), gold.getOrDefault(p.article().id(), List.of()), events);
        }
        return scorer;
    }

    static int run(Path dir, int threads, boolean showErrors, Path nlpCache, String fold) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Article> articles;
        Map<String, List<ArticleGold.Event>> gold;
        try {
            articles = articles(dir);
            gold = gold(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("sitrep: cannot read " + dir + ": " + e.getMessage());
            return 2;
        }
        try {
            articles = fold(articles, fold);
        } catch (IllegalArgumentException e) {
            System.err.println("sitrep: " + e.getMessage());
            return 2;
        }
        List<Prepared> prepared = prepare(articles, threads, nlpCache == null ? null : new AnnotationCache(nlpCache));
        EventCoder coder = new EventCoder(Codebook.shared(), TriggerLexicon.shared(), ActorDictionary.builtIn());
        ArticleScorer scorer = score(prepared, gold, coder);
        out.println(scorer.report());
        if (showErrors) out.println(scorer.errors());
        return 0;
    }
}
