package sitrep.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.pipeline.Pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scorers that run the whole pipeline (built-in coder and dictionaries) over real news with one gold
 * label per record: PLOVER GSR, CASE 2021 task 2 and FA-KES.
 */
final class GoldEvals {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldEvals() {
    }

    /** How the pipeline formats code their records: the coder's settings and, optionally, cached annotations. */
    record Setup(sitrep.coding.CoderSettings settings, AnnotationCache cache, boolean fullNlp) {
    }

    private static Setup setup = new Setup(sitrep.coding.CoderSettings.defaults(), null, false);

    static int run(String format, Path file, int limit, int threads, boolean showErrors, Setup how) {
        setup = how;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            switch (format) {
                case "plover" -> plover(GoldFiles.plover(in), limit, threads, showErrors, out);
                case "case2021" -> case2021(GoldFiles.case2021(new InputStreamReader(in, StandardCharsets.UTF_8)), limit, threads, showErrors, out);
                default -> {
                    // FA-KES is Windows-1252 as published; undefined bytes become U+FFFD rather than stopping the run.
                    Reader r = new java.io.BufferedReader(new InputStreamReader(in, Charset.forName("windows-1252")));
                    fakes(GoldFiles.fakes(r), limit, threads, showErrors, out);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("sitrep: cannot score " + file + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static List<ArticleResult> code(List<String> texts, List<LocalDate> dates, int threads) {
        return code(ArticleReader.ofTexts(texts, dates), threads);
    }

    private static List<ArticleResult> code(List<InputItem> items, int threads) {
        List<sitrep.model.Article> articles = new ArrayList<>();
        for (InputItem i : items) articles.add(i.article());
        List<ArticleEval.Prepared> prepared = ArticleEval.prepare(articles, threads, setup.cache(),
                ArticleEval.plan(setup.settings(), setup.fullNlp()));
        sitrep.coding.EventCoder coder = new sitrep.coding.EventCoder(sitrep.coding.Codebook.shared(), sitrep.coding.TriggerLexicon.shared(),
                sitrep.actors.ActorDictionary.builtIn(), null, setup.settings());
        List<ArticleResult> results = new ArrayList<>();
        for (ArticleEval.Prepared p : prepared) {
            results.add(new ArticleResult(p.article(), p.geo().places(), coder.code(p.article(), p.text(), p.geo()), List.of()));
        }
        return results;
    }

    private static <T> List<T> head(List<T> list, int limit) {
        return list.subList(0, Math.min(limit, list.size()));
    }

    static void plover(List<GoldFiles.PloverRecord> all, int limit, int threads, boolean showErrors, PrintStream out) {
        var records = head(all, limit);
        List<ArticleResult> results = code(records.stream().map(GoldFiles.PloverRecord::text).toList(),
                records.stream().map(GoldFiles.PloverRecord::date).toList(), threads);
        LabelScore types = new LabelScore(), countries = new LabelScore();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            List<Event> events = results.get(i).events();
            String type = SingleLabelEvals.ploverType(events);
            types.add(r.goldType(), type);
            String country = SingleLabelEvals.sourceCountry(events);
            if (r.sourceCountry() != null) countries.add(r.sourceCountry(), country);
            if (showErrors && (!type.equals(r.goldType()) || r.sourceCountry() != null && !r.sourceCountry().equals(country))) {
                out.println(r.id() + " | gold " + r.goldType() + " " + r.sourceCountry() + " | coded " + type + " " + country + " | " + r.text());
            }
        }
        out.printf(Locale.ROOT, "records: %d%nevent type (top event): %d/%d = %.1f %%%nsource country: %d/%d = %.1f %%%n%n",
                records.size(), types.correct(), types.items(), 100 * types.accuracy(),
                countries.correct(), countries.items(), 100 * countries.accuracy());
        out.println(types.report(null));
    }

    static void case2021(List<GoldFiles.CaseRecord> all, int limit, int threads, boolean showErrors, PrintStream out) {
        var records = head(all, limit);
        Map<String, String> labels = GoldFiles.caseLabels();
        List<ArticleResult> results = code(records.stream().map(GoldFiles.CaseRecord::text).toList(),
                java.util.Collections.nCopies(records.size(), (LocalDate) null), threads);
        LabelScore score = new LabelScore();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            String label = SingleLabelEvals.caseLabel(results.get(i).events(), labels);
            score.add(r.label(), label);
            if (showErrors && !label.equals(r.label())) out.println(r.id() + " | gold " + r.label() + " | coded " + label + " | " + r.text());
        }
        List<String> acled = labels.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        out.printf(Locale.ROOT, "snippets: %d%naccuracy (30 labels): %d/%d = %.1f %%%nmacro-F1 over the 25 ACLED sub-event types: %.3f%n%n",
                records.size(), score.correct(), score.items(), 100 * score.accuracy(), score.macroF1(acled));
        out.println(score.report(acled));
    }

    static void fakes(List<GoldFiles.FakesRecord> all, int limit, int threads, boolean showErrors, PrintStream out) {
        var records = head(all, limit);
        // Each article is read as extract reads a JSON Lines line with no "published" and no --published: the
        // pipeline's own dateline reading dates it, so the figure below is what a user gets.
        ArticleReader reader = new ArticleReader(InputFormat.JSONL, null);
        List<InputItem> items = new ArrayList<>();
        for (var r : records) {
            items.add(reader.fromJson("FA-KES " + r.id(), JSON.createObjectNode().put("text", r.text()).toString()));
        }
        List<LocalDate> datelines = items.stream().map(i -> i.article().published()).toList(); // the dateline alone
        List<ArticleResult> results = code(items, threads);
        int dated = 0, dateRight = 0, datelineRight = 0, withEvent = 0, withDateline = 0;
        LabelScore places = new LabelScore();
        for (int i = 0; i < records.size(); i++) {
            var r = records.get(i);
            if (r.date() == null) continue;
            dated++;
            Optional<Event> main = SingleLabelEvals.mainViolent(results.get(i).events());
            if (main.isPresent()) withEvent++;
            if (datelines.get(i) != null) withDateline++;
            boolean ok = main.isPresent() && SingleLabelEvals.withinADay(main.get().date(), main.get().datePrecision(), r.date());
            if (ok) dateRight++;
            if (SingleLabelEvals.withinADay(datelines.get(i) == null ? null : datelines.get(i).toString(), "day", r.date())) datelineRight++;
            String gov = SingleLabelEvals.governorate(main, results.get(i).places());
            places.add(GoldFiles.governorate(r.location()), gov);
            if (showErrors && (!ok || !gov.equals(GoldFiles.governorate(r.location())))) {
                out.println(r.id() + " | gold " + r.date() + " " + r.location() + " | dateline " + datelines.get(i) + " | coded "
                        + main.map(e -> e.date() + " (" + e.datePrecision() + ") " + e.cameo().code() + " '" + e.evidence().trigger().text() + "'").orElse("no violent event")
                        + " " + gov);
            }
        }
        out.printf(Locale.ROOT, "articles: %d (with a gold date: %d; dateline found: %d; a violent event coded: %d)%n",
                records.size(), dated, withDateline, withEvent);
        out.printf(Locale.ROOT, "main violent event's date within a day: %d/%d = %.1f %%%n", dateRight, dated, 100.0 * dateRight / Math.max(1, dated));
        out.printf(Locale.ROOT, "  (baseline, the dateline itself within a day: %d/%d = %.1f %%)%n", datelineRight, dated, 100.0 * datelineRight / Math.max(1, dated));
        out.printf(Locale.ROOT, "governorate: %d/%d = %.1f %%%n%n", places.correct(), places.items(), 100 * places.accuracy());
        out.println(places.report(null));
    }
}
