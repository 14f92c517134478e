package sitrep.coding;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.nlp.Dependency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calibrated confidence of a coded act: a logistic model over what the rules found (is there a named source, a
 * date from the text, is it reported speech, a noun or a verb ...), with weights in confidence.tsv. The weights are
 * fitted by {@code sitrep eval coding --format articles DIR --fit-confidence FILE} on gold articles: the model gives
 * the probability that a careful coder records the act, which is what the threshold (rule min-confidence) cuts on.
 */
public final class Confidence {
    private static final Lazy<Confidence> SHARED = new Lazy<>(() -> new Confidence(weights(DataFiles.rows("/sitrep/coding/confidence.tsv"))));

    /** The features, in a stable order; each is 0 or 1 but {@code bias}, which is always 1. */
    public static final List<String> FEATURES = List.of("bias", "verb", "speech_act", "attributed", "quoted", "has_source",
            "has_target", "source_named", "future", "negated", "date_text", "place_town",
            "violent", "verbal", "cooperation", "coerce", "protest", "merged", "count", "lede", "definite_noun",
            "background", "relative_clause", "long_sentence", "crowded_sentence", "passive");

    private final Map<String, Double> weights;

    public Confidence(Map<String, Double> weights) {
        this.weights = Map.copyOf(weights);
    }

    public static Confidence shared() {
        return SHARED.get();
    }

    static Map<String, Double> weights(List<String[]> rows) {
        Map<String, Double> w = new LinkedHashMap<>();
        for (String[] f : rows) w.put(f[0].strip(), Double.parseDouble(f[1].strip()));
        return w;
    }

    public Map<String, Double> weights() {
        return weights;
    }

    /** The probability the model gives a feature vector. */
    public double probability(Map<String, Double> features) {
        double z = 0;
        for (var e : features.entrySet()) z += weights.getOrDefault(e.getKey(), 0.0) * e.getValue();
        return 1 / (1 + Math.exp(-z));
    }

    /** The features of a coded act; {@code live} is how many acts its sentence holds. */
    static Map<String, Double> features(Candidate c, int live) {
        Map<String, Double> f = new LinkedHashMap<>();
        var s = c.sentence;
        f.put("bias", 1.0);
        put(f, "verb", c.verb());
        put(f, "speech_act", c.trigger.speechAct() || c.trigger.speech());
        put(f, "attributed", c.attribution != null);
        put(f, "quoted", c.quoted);
        put(f, "has_source", c.source != null);
        put(f, "has_target", c.target != null);
        put(f, "source_named", c.source != null && c.source.country() != null);
        put(f, "target_named", c.target != null && c.target.country() != null);
        put(f, "future", "future".equals(c.modality));
        put(f, "negated", "negated".equals(c.modality));
        put(f, "date_text", "text".equals(c.dateSource));
        put(f, "place_town", c.place != null && !"country".equals(c.place.precision()) && !"region".equals(c.place.precision()));
        put(f, "place_country", c.place != null && ("country".equals(c.place.precision()) || "region".equals(c.place.precision())));
        put(f, "violent", c.violent());
        put(f, "verbal", c.verbal());
        int root = Integer.parseInt(c.root());
        put(f, "cooperation", root >= 6 && root <= 8);
        put(f, "coerce", root == 17 || root == 15 || root == 16);
        put(f, "protest", root == 14);
        put(f, "merged", !c.alsoTriggers.isEmpty());
        put(f, "count", !c.quantities.isEmpty());
        put(f, "lede", s.index() < 2);
        boolean definite = false;
        if (!c.verb()) {
            for (Dependency d : s.children(c.head())) {
                if (d.baseRelation().equals("det") && Graph.lemma(s, d.dependent()).equals("the")) definite = true;
            }
        }
        put(f, "definite_noun", definite);
        put(f, "background", c.background);
        put(f, "relative_clause", Graph.relationToHead(s, c.head()).equals("acl"));
        put(f, "long_sentence", s.size() > 40);
        put(f, "crowded_sentence", live > 2);
        put(f, "passive", c.verb() && Graph.passive(s, c.head()));
        return f;
    }

    private static void put(Map<String, Double> f, String name, boolean value) {
        f.put(name, value ? 1.0 : 0.0);
    }
}
