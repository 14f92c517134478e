package sitrep.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.parser.nndep.DependencyParser;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import sitrep.data.Lazy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;

/**
 * The NLP stage: Stanford CoreNLP tokenisation, sentences, POS, lemmas, NER with SUTime dates and the
 * neural dependency parser, turned into sitrep's immutable {@link AnnotatedText}.
 *
 * <p>Models load once per process ({@link #shared()}); {@link #annotate} is thread-safe, so callers run
 * documents in parallel. These choices keep throughput up without losing what coding needs:
 * one 3-class CRF instead of CoreNLP's default three stacked NER models (the coder needs PERSON,
 * LOCATION, ORGANIZATION, and SUTime for dates; the rest comes from our dictionaries); sentences
 * longer than {@link #MAX_SENTENCE_TOKENS} are cut into chunks before tagging, so a run-on "sentence"
 * (a table, a list of names) cannot blow up time or memory; and an {@link AnnotationPlan} decides which sentences
 * get SUTime (read in windows around the time cues, {@link TimeCues}) and the parse (built as the one graph the
 * coder reads). {@link AnnotationPlan#FULL} runs CoreNLP's annotators as CoreNLP configures them, for comparison.
 */
public final class NlpAnnotator {

    /** Sentences are cut at this many tokens; real news sentences are rarely over 80. */
    public static final int MAX_SENTENCE_TOKENS = 120;

    /** One CRF for PERSON, LOCATION and ORGANIZATION: the measured speed/accuracy choice (see README). */
    public static final String DEFAULT_NER_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
    /** CoreNLP's own default: three stacked CRFs (3, 7 and 4 classes), for comparison in bench. */
    public static final String CORENLP_DEFAULT_NER_MODELS = DEFAULT_NER_MODEL
            + ",edu/stanford/nlp/models/ner/english.muc.7class.distsim.crf.ser.gz"
            + ",edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";
    /** System property that overrides the NER model list (comma-separated), read when the models load. */
    public static final String NER_MODELS_PROPERTY = "sitrep.ner.models";

    private static final Lazy<NlpAnnotator> SHARED = new Lazy<>(NlpAnnotator::new);

    private final StanfordCoreNLP splitter;
    private final StanfordCoreNLP tagger;
    private final StanfordCoreNLP entities;
    /**
     * Named entities with SUTime on whole sentences: only plans without a time window use it (CoreNLP's full annotation,
     * which bench compares against), so it loads on first use and a run that never needs it spares start-up its CRF.
     */
    private final Lazy<StanfordCoreNLP> entitiesAndTimes = new Lazy<>(() -> stage("ner", true));
    /**
     * The neural dependency parser, called directly: CoreNLP's depparse annotator builds five graphs from each parse
     * (basic, collapsed, CC-processed, enhanced, enhanced++), and the coder reads only enhanced++, so building the
     * other four was a quarter of the parser's time.
     */
    private final DependencyParser parser;
    /** CoreNLP's own depparse annotator, for plans that ask for its full output (see AnnotationPlan.stockAnnotators). */
    private final Lazy<StanfordCoreNLP> stockParser = new Lazy<>(() -> stage("depparse", false));
    /** SUTime and the numeric classifiers without the CRF, for windows around time cues (see AnnotationPlan.timeWindow). */
    private final StanfordCoreNLP timesOnly;

    private NlpAnnotator() {
        Properties split = new Properties();
        split.setProperty("annotators", "tokenize,ssplit");
        split.setProperty("tokenize.language", "en");
        // Paragraph-per-line text: a line break ends a sentence (headlines and datelines carry no full stop).
        // Hard-wrapped text is unwrapped beforehand (see unwrap), keeping offsets.
        split.setProperty("ssplit.newlineIsSentenceBreak", "always");
        splitter = new StanfordCoreNLP(split);

        // The parser and SUTime load on a thread of their own while the tagger and the CRF load here: loading is
        // mostly reading and unpacking model files, one thread each, so on two cores start-up takes the longer half.
        java.util.concurrent.ExecutorService loader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sitrep-model-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            var parserLoad = loader.submit(() -> DependencyParser.loadFromModelFile(DependencyParser.DEFAULT_MODEL, new Properties()));
            // SUTime (most of NER's time when it reads whole sentences) on a stage of its own, without the CRF, for
            // the windows a plan asks for.
            var timesLoad = loader.submit(() -> stage("ner", true, ""));
            tagger = stage("pos,lemma", false);
            // Named entities and numbers for every sentence.
            entities = stage("ner", false);
            parser = loaded(parserLoad);
            timesOnly = loaded(timesLoad);
        } finally {
            loader.shutdown();
        }
    }

    private static <T> T loaded(java.util.concurrent.Future<T> load) {
        try {
            return load.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("loading a CoreNLP model failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while CoreNLP's models loaded", e);
        }
    }

    private static StanfordCoreNLP stage(String annotators, boolean times) {
        return stage(annotators, times, System.getProperty(NER_MODELS_PROPERTY, DEFAULT_NER_MODEL));
    }

    private static StanfordCoreNLP stage(String annotators, boolean times, String nerModels) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        p.setProperty("enforceRequirements", "false");
        p.setProperty("ner.model", nerModels);
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("ner.useSUTime", String.valueOf(times));
        p.setProperty("ner.applyNumericClassifiers", "true");
        p.setProperty("sutime.includeRange", "false");
        return new StanfordCoreNLP(p);
    }

    /** The process-wide annotator; the first call loads the models (a few seconds). */
    public static NlpAnnotator shared() {
        return SHARED.get();
    }

    /**
     * Annotates {@code text}; dates are resolved against {@code published} (or left relative when null).
     */
    public AnnotatedText annotate(String text, LocalDate published) {
        return annotate(text, published, AnnotationPlan.FULL);
    }

    /**
     * Annotates {@code text} with the costly annotations only where {@code plan} asks for them; a sentence left
     * unparsed has no dependencies, one left without SUTime no time expressions.
     */
    public AnnotatedText annotate(String text, LocalDate published, AnnotationPlan plan) {
        return annotate(text, published, plan, Integer.MAX_VALUE);
    }

    /** A text that splits into more sentences than the caller's bound; refused before tagging. */
    public static final class TooManySentences extends RuntimeException {
        private final int sentences;

        TooManySentences(int sentences) {
            super(sentences + " sentences");
            this.sentences = sentences;
        }

        public int sentences() {
            return sentences;
        }
    }

    /**
     * {@link #annotate(String, LocalDate, AnnotationPlan)}, refusing (with {@link TooManySentences}) a text of
     * more than {@code maxSentences} sentences, counted after long ones are cut, before anything costly runs.
     */
    public AnnotatedText annotate(String text, LocalDate published, AnnotationPlan plan, int maxSentences) {
        long t0 = System.nanoTime();
        Annotation doc = new Annotation(unwrap(text));
        if (published != null) doc.set(CoreAnnotations.DocDateAnnotation.class, published.toString());
        splitter.annotate(doc);
        chunkLongSentences(doc);
        int count = doc.get(CoreAnnotations.SentencesAnnotation.class).size();
        if (count > maxSentences) throw new TooManySentences(count);
        long t1 = System.nanoTime();
        tagger.annotate(doc);
        List<CoreMap> all = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<CoreMap> timed = new ArrayList<>(), untimed = new ArrayList<>(), parsed = new ArrayList<>();
        List<List<Token>> timedWords = new ArrayList<>();
        for (CoreMap s : all) {
            List<Token> tagged = convert(0, s).tokens();
            if (plan.times(tagged)) {
                timed.add(s);
                timedWords.add(tagged);
            } else {
                untimed.add(s);
            }
            if (plan.parse(tagged)) parsed.add(s);
        }
        long t2 = System.nanoTime(), t3;
        if (plan.stockAnnotators() || plan.timeWindow() <= 0) {
            annotateSome(doc, timed, entitiesAndTimes.get());
            annotateSome(doc, untimed, entities);
            t3 = System.nanoTime();
        } else {
            annotateSome(doc, all, entities);
            t3 = System.nanoTime();
            timeWindows(doc, timed, timedWords, plan.timeWindow());
        }
        long t4 = System.nanoTime();
        if (plan.stockAnnotators()) {
            annotateSome(doc, parsed, stockParser.get());
        } else {
            for (CoreMap s : parsed) {
                GrammaticalStructure structure = parser.predict(s);
                s.set(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class,
                        SemanticGraphFactory.makeFromTree(structure, SemanticGraphFactory.Mode.ENHANCED_PLUS_PLUS, GrammaticalStructure.Extras.NONE, null));
            }
        }
        long t5 = System.nanoTime();
        List<Sentence> sentences = new ArrayList<>();
        for (CoreMap s : all) sentences.add(convert(sentences.size(), s));
        long t6 = System.nanoTime();
        splitNanos.add(t1 - t0);
        tagNanos.add(t2 - t1);
        entityNanos.add(t3 - t2);
        timeNanos.add(t4 - t3);
        parseNanos.add(t5 - t4);
        convertNanos.add(t6 - t5);
        return new AnnotatedText(text, sentences);
    }

    private final LongAdder splitNanos = new LongAdder(), tagNanos = new LongAdder(), entityNanos = new LongAdder(),
            timeNanos = new LongAdder(), parseNanos = new LongAdder(), convertNanos = new LongAdder();

    /**
     * Thread-seconds spent so far in each part of {@link #annotate}, summed over all threads and calls (bench prints
     * the difference over a run). {@code entities} holds SUTime too where a plan reads whole sentences.
     */
    public record StageSeconds(double split, double tag, double entities, double times, double parse, double convert) {
        /** What was spent between {@code earlier} and this. */
        public StageSeconds minus(StageSeconds earlier) {
            return new StageSeconds(split - earlier.split, tag - earlier.tag, entities - earlier.entities,
                    times - earlier.times, parse - earlier.parse, convert - earlier.convert);
        }
    }

    public StageSeconds stageSeconds() {
        return new StageSeconds(splitNanos.sum() / 1e9, tagNanos.sum() / 1e9, entityNanos.sum() / 1e9,
                timeNanos.sum() / 1e9, parseNanos.sum() / 1e9, convertNanos.sum() / 1e9);
    }

    /** The CRF's classes, which the numeric classifiers never overwrite (as in CoreNLP's own combination). */
    private static final java.util.Set<String> CRF_CLASSES = java.util.Set.of("PERSON", "LOCATION", "ORGANIZATION");

    /**
     * Runs SUTime on windows of {@code radius} tokens around each time cue of the given sentences, after the whole
     * sentences got named entities and numbers. A window token takes the classes and values SUTime and the numeric
     * classifiers give it there unless the CRF named it (a person "May"), as CoreNLP's combination of the two decides;
     * every other token keeps the sentence's tags.
     * The windows are read on fresh copies of their tokens: CoreNLP's combination lets a numeric class replace only an
     * empty answer, so the sentence pass's answers ("2012" as the rules without SUTime read it) would otherwise stand.
     */
    private void timeWindows(Annotation doc, List<CoreMap> sentences, List<List<Token>> tagged, int radius) {
        List<CoreMap> windows = new ArrayList<>();
        List<CoreLabel> originals = new ArrayList<>(), copies = new ArrayList<>();
        for (int k = 0; k < sentences.size(); k++) {
            for (int[] range : TimeCues.windows(tagged.get(k), radius)) {
                windows.add(window(doc, sentences.get(k), range[0], range[1], originals, copies));
            }
        }
        if (windows.isEmpty()) return;
        annotateSome(doc, windows, timesOnly);
        for (int i = 0; i < originals.size(); i++) {
            CoreLabel original = originals.get(i), copy = copies.get(i);
            if (CRF_CLASSES.contains(original.ner())) continue;
            original.setNER(copy.ner());
            String value = copy.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            if (value == null) original.remove(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            else original.set(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class, value);
        }
    }

    /**
     * Tokens {@code from..to-1} of a sentence as a sentence of their own, on copies of the tokens that hold only what
     * tokenising and tagging gave (appended to {@code originals} and {@code copies}, pair by pair).
     */
    private static CoreMap window(Annotation doc, CoreMap sentence, int from, int to, List<CoreLabel> originals, List<CoreLabel> copies) {
        List<CoreLabel> tokens = new ArrayList<>();
        for (CoreLabel l : sentence.get(CoreAnnotations.TokensAnnotation.class).subList(from, to)) {
            CoreLabel c = new CoreLabel();
            c.setWord(l.word());
            c.setValue(l.value());
            c.setOriginalText(l.originalText());
            c.setBefore(l.before());
            c.setAfter(l.after());
            c.setBeginPosition(l.beginPosition());
            c.setEndPosition(l.endPosition());
            c.setTag(l.tag());
            c.setLemma(l.lemma());
            c.setIndex(l.index());
            c.setSentIndex(l.sentIndex());
            originals.add(l);
            copies.add(c);
            tokens.add(c);
        }
        int first = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
        return asSentence(doc, tokens, first + from, sentence.get(CoreAnnotations.SentenceIndexAnnotation.class));
    }

    /** Runs one stage over some of a document's sentences (their tokens are the document's, so the results land there). */
    private static void annotateSome(Annotation doc, List<CoreMap> sentences, StanfordCoreNLP stage) {
        if (sentences.isEmpty()) return;
        Annotation part = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
        if (doc.containsKey(CoreAnnotations.DocDateAnnotation.class)) {
            part.set(CoreAnnotations.DocDateAnnotation.class, doc.get(CoreAnnotations.DocDateAnnotation.class));
        }
        List<CoreLabel> tokens = new ArrayList<>();
        for (CoreMap s : sentences) tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
        part.set(CoreAnnotations.TokensAnnotation.class, tokens);
        part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        stage.annotate(part);
    }

    /**
     * Replaces single line breaks inside hard-wrapped paragraphs with spaces (same length, so offsets hold).
     * Text is taken as hard-wrapped when most lines are short and do not end a sentence, as in wire copy.
     */
    static String unwrap(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) return text;
        int shortOpen = 0, nonEmpty = 0;
        for (String line : lines) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            nonEmpty++;
            char last = t.charAt(t.length() - 1);
            if (line.length() <= 90 && ".!?\"'”:".indexOf(last) < 0) shortOpen++;
        }
        if (nonEmpty == 0 || shortOpen * 2 < nonEmpty) return text;
        char[] c = text.toCharArray();
        for (int i = 1; i + 1 < c.length; i++) {
            if (c[i] == '\n' && c[i - 1] != '\n' && c[i + 1] != '\n' && !Character.isWhitespace(c[i + 1])) c[i] = ' ';
        }
        return new String(c);
    }

    private static void chunkLongSentences(Annotation doc) {
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        boolean any = false;
        for (CoreMap s : sentences) any |= s.get(CoreAnnotations.TokensAnnotation.class).size() > MAX_SENTENCE_TOKENS;
        if (!any) return;
        List<CoreLabel> all = doc.get(CoreAnnotations.TokensAnnotation.class);
        List<CoreMap> out = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            int first = s.get(CoreAnnotations.TokenBeginAnnotation.class);
            for (int from = 0; from < tokens.size(); from += MAX_SENTENCE_TOKENS) {
                int to = Math.min(tokens.size(), from + MAX_SENTENCE_TOKENS);
                out.add(sentence(doc, all, first + from, first + to, out.size()));
            }
        }
        doc.set(CoreAnnotations.SentencesAnnotation.class, out);
    }

    private static CoreMap sentence(Annotation doc, List<CoreLabel> all, int begin, int end, int index) {
        List<CoreLabel> tokens = new ArrayList<>(all.subList(begin, end));
        for (int i = 0; i < tokens.size(); i++) {
            tokens.get(i).setIndex(i + 1);
            tokens.get(i).setSentIndex(index);
        }
        return asSentence(doc, tokens, begin, index);
    }

    /** {@code tokens} (the document's tokens from {@code begin} on, or copies of them) as a CoreNLP sentence. */
    private static CoreMap asSentence(Annotation doc, List<CoreLabel> tokens, int begin, int index) {
        CoreMap s = new ArrayCoreMap();
        int charBegin = tokens.get(0).beginPosition();
        int charEnd = tokens.get(tokens.size() - 1).endPosition();
        s.set(CoreAnnotations.TextAnnotation.class, doc.get(CoreAnnotations.TextAnnotation.class).substring(charBegin, charEnd));
        s.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, charBegin);
        s.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, charEnd);
        s.set(CoreAnnotations.TokensAnnotation.class, tokens);
        s.set(CoreAnnotations.TokenBeginAnnotation.class, begin);
        s.set(CoreAnnotations.TokenEndAnnotation.class, begin + tokens.size());
        s.set(CoreAnnotations.SentenceIndexAnnotation.class, index);
        return s;
    }

    private static Sentence convert(int index, CoreMap s) {
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        List<Token> tokens = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel l = labels.get(i);
            String ner = l.ner() == null ? "O" : l.ner();
            String normalized = l.get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
            tokens.add(new Token(i, l.word(), l.lemma() == null ? l.word().toLowerCase() : l.lemma(),
                    l.tag() == null ? "" : l.tag(), ner, normalized, l.beginPosition(), l.endPosition()));
        }
        List<Dependency> deps = new ArrayList<>();
        SemanticGraph graph = s.get(SemanticGraphCoreAnnotations.EnhancedPlusPlusDependenciesAnnotation.class);
        if (graph != null) {
            for (SemanticGraphEdge e : graph.edgeIterable()) {
                deps.add(new Dependency(e.getGovernor().index() - 1, e.getDependent().index() - 1, e.getRelation().toString()));
            }
            for (var root : graph.getRoots()) deps.add(new Dependency(-1, root.index() - 1, "root"));
        }
        deps.sort((a, b) -> a.dependent() != b.dependent() ? Integer.compare(a.dependent(), b.dependent())
                : Integer.compare(a.head(), b.head()));
        return new Sentence(index, s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class), tokens, deps, times(tokens));
    }

    /**
     * Groups consecutive DATE tokens with one normalised value into time expressions, and TIME tokens that SUTime
     * places on a day ("on Tuesday morning" is 2018-02-27TMO): the day is what the coder reads.
     */
    private static List<TimeExpression> times(List<Token> tokens) {
        List<TimeExpression> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!dated(t)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tokens.size() && t.ner().equals(tokens.get(j + 1).ner())
                    && t.normalized().equals(tokens.get(j + 1).normalized())) j++;
            StringBuilder words = new StringBuilder();
            for (int k = i; k <= j; k++) words.append(k > i ? " " : "").append(tokens.get(k).word());
            out.add(new TimeExpression(words.toString(), t.normalized(), i, j, t.start(), tokens.get(j).end()));
            i = j + 1;
        }
        return out;
    }

    private static boolean dated(Token t) {
        if (t.normalized() == null) return false;
        return "DATE".equals(t.ner()) || "TIME".equals(t.ner()) && t.normalized().matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }
}
