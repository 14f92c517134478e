package sitrep.coding;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.HashMap;
import java.util.Map;

/** Trigger words (triggers.tsv), instrument cues (instruments.tsv) and modality cues (modality.tsv). */
public final class TriggerLexicon {
    /** One trigger: what the word codes and under which condition (see triggers.tsv). */
    public record Trigger(String lemma, boolean verb, String code, String condition, String otherwise) {
        public boolean speech() {
            return "speech".equals(condition);
        }
    }

    private static final Lazy<TriggerLexicon> SHARED = new Lazy<>(TriggerLexicon::new);

    private final Map<String, Trigger> verbs = new HashMap<>();
    private final Map<String, Trigger> nouns = new HashMap<>();
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final java.util.List<AcledRule> acledRules = new java.util.ArrayList<>();

    /** An instrument cue: the code it gives and the trigger codes it may refine (instruments.tsv). */
    public record Instrument(String code, java.util.Set<String> refines) {
    }

    /**
     * An ACLED sub-event rule (acled-rules.tsv): an event whose CAMEO code starts with one of {@code codes} and
     * whose sentence holds one of {@code cues} (lemmas; two-word cues are adjacent lemmas) gets {@code subType}.
     */
    public record AcledRule(java.util.List<String> codes, java.util.List<String> cues, String eventType, String subType) {
    }
    private final Map<String, String> modality = new HashMap<>();

    private TriggerLexicon() {
        for (String[] f : DataFiles.rows("/sitrep/coding/triggers.tsv")) {
            Trigger t = new Trigger(f[0], f[1].equals("V"), f[2], f.length > 3 && !f[3].isBlank() ? f[3] : null,
                    f.length > 4 && !f[4].isBlank() ? f[4] : null);
            (t.verb() ? verbs : nouns).put(f[0], t);
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/instruments.tsv")) {
            java.util.Set<String> refines = f.length > 2 && f[2].trim().equals("-") ? java.util.Set.of()
                    : f.length > 2 && !f[2].isBlank() ? java.util.Set.of(f[2].trim().split("\\s+")) : java.util.Set.of("190");
            instruments.put(f[0], new Instrument(f[1], refines));
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/acled-rules.tsv")) {
            acledRules.add(new AcledRule(java.util.List.of(f[0].trim().split("\\s+")), java.util.List.of(f[1].split("\\|")), f[2], f[3]));
        }
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
        Instrument i = instruments.get(lemma);
        return i == null ? null : i.code();
    }

    /** The refined code an instrument word gives a trigger coded {@code code}, or null when it does not refine it. */
    public String instrument(String lemma, String code) {
        Instrument i = instruments.get(lemma);
        return i != null && i.refines().contains(code) ? i.code() : null;
    }

    /** The ACLED rules in file order; the first that matches an event decides its sub-event type. */
    public java.util.List<AcledRule> acledRules() {
        return acledRules;
    }

    /** negated, future or hypothetical for a cue word, else null. */
    public String modality(String lemma) {
        return modality.get(lemma);
    }
}
