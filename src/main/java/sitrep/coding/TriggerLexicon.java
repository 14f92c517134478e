package sitrep.coding;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.HashMap;
import java.util.Map;

/** Trigger words (triggers.tsv), instrument cues (instruments.tsv) and modality cues (modality.tsv). */
public final class TriggerLexicon {
    /** One trigger: what the word codes and under which condition (see triggers.tsv). */
    public record Trigger(String lemma, boolean verb, String code, String condition) {
        public boolean speech() {
            return "speech".equals(condition);
        }
    }

    private static final Lazy<TriggerLexicon> SHARED = new Lazy<>(TriggerLexicon::new);

    private final Map<String, Trigger> verbs = new HashMap<>();
    private final Map<String, Trigger> nouns = new HashMap<>();
    private final Map<String, String> instruments = new HashMap<>();
    private final Map<String, String> modality = new HashMap<>();

    private TriggerLexicon() {
        for (String[] f : DataFiles.rows("/sitrep/coding/triggers.tsv")) {
            Trigger t = new Trigger(f[0], f[1].equals("V"), f[2], f.length > 3 && !f[3].isBlank() ? f[3] : null);
            (t.verb() ? verbs : nouns).put(f[0], t);
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/instruments.tsv")) instruments.put(f[0], f[1]);
        for (String[] f : DataFiles.rows("/sitrep/coding/modality.tsv")) modality.put(f[0], f[1]);
    }

    public static TriggerLexicon shared() {
        return SHARED.get();
    }

    public Trigger verb(String lemma) {
        return verbs.get(lemma);
    }

    public Trigger noun(String lemma) {
        return nouns.get(lemma);
    }

    /** The refined attack code an instrument word implies ("missile" -> 195), or null. */
    public String instrument(String lemma) {
        return instruments.get(lemma);
    }

    /** negated, future or hypothetical for a cue word, else null. */
    public String modality(String lemma) {
        return modality.get(lemma);
    }
}
