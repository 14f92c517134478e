package sitrep.coding;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coder's word data: trigger words (triggers.tsv), their other senses (senses.tsv), instrument cues
 * (instruments.tsv), modality cues (modality.tsv), ACLED sub-event rules (acled-rules.tsv) and the cue word lists
 * the rules consult (cues.tsv). Read once, shared by all threads.
 */
public final class TriggerLexicon {
    /**
     * One trigger: what the word codes and under which conditions (see triggers.tsv). A lemma may have several rows;
     * the first whose conditions hold is the one coded.
     */
    public record Trigger(String lemma, boolean verb, String code, List<String> conditions, String otherwise) {
        public Trigger {
            conditions = List.copyOf(conditions);
        }

        /** A reporting or speech-act verb: its clausal complement holds what was said. */
        public boolean speech() {
            return conditions.contains("speech") || conditions.contains("speech-act");
        }

        /** A speech verb that is itself an act (warn, accuse, urge, deny): coded with its own code. */
        public boolean speechAct() {
            return conditions.contains("speech-act");
        }

        /** The value of a condition "name=value" ("prt=out" gives "out"), or null. */
        public String condition(String name) {
            for (String c : conditions) if (c.startsWith(name + "=")) return c.substring(name.length() + 1);
            return null;
        }

        public boolean has(String condition) {
            return conditions.contains(condition);
        }

        public Trigger withCode(String newCode) {
            return new Trigger(lemma, verb, newCode, List.of(), null);
        }
    }

    /**
     * Another sense of a trigger word (senses.tsv): when the word's dependent under {@code relation} has one of
     * {@code cues} as its lemma ("*": any), the word codes {@code outcome} instead ("-": no event).
     */
    public record Sense(String lemma, boolean verb, String relation, Set<String> cues, String outcome) {
    }

    /** An instrument cue: the code it gives and the trigger codes it may refine (instruments.tsv). */
    public record Instrument(String code, Set<String> refines) {
    }

    /**
     * An ACLED sub-event rule (acled-rules.tsv): an event whose CAMEO code starts with one of {@code codes} and
     * whose sentence holds one of {@code cues} (lemmas; two-word cues are adjacent lemmas) gets {@code subType}.
     */
    public record AcledRule(List<String> codes, List<String> cues, String eventType, String subType, List<String> also) {
    }

    private static final Lazy<TriggerLexicon> SHARED = new Lazy<>(TriggerLexicon::new);

    private final Map<String, List<Trigger>> verbs = new HashMap<>();
    private final Map<String, List<Trigger>> nouns = new HashMap<>();
    private final Map<String, List<Sense>> senses = new HashMap<>();
    private final Map<String, Instrument> instruments = new HashMap<>();
    private final List<AcledRule> acledRules = new ArrayList<>();
    private final Map<String, String> modality = new HashMap<>();
    private final Map<String, Set<String>> cues = new HashMap<>();
    /** First words of two-word noun triggers ("air" of "air strike"). */
    private final Set<String> firstWords = new HashSet<>();
    /** Lemmas whose first row codes violence (CAMEO 18 to 20). */
    private final Set<String> violent = new HashSet<>();

    /** A checksum of the word lists that decide which sentences may hold an act (see {@link #fingerprint()}). */
    private final String fingerprint;

    private TriggerLexicon() {
        java.util.zip.CRC32 checksum = new java.util.zip.CRC32();
        for (String file : List.of("triggers.tsv", "instruments.tsv", "cues.tsv")) {
            for (String[] f : DataFiles.rows("/sitrep/coding/" + file)) checksum.update(String.join("\t", f).concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        fingerprint = Long.toHexString(checksum.getValue());
        for (String[] f : DataFiles.rows("/sitrep/coding/triggers.tsv")) {
            List<String> conditions = new ArrayList<>();
            if (f.length > 3 && !f[3].isBlank()) for (String c : f[3].strip().split("\\+")) conditions.add(c.strip());
            Trigger t = new Trigger(f[0], f[1].equals("V"), f[2], conditions, f.length > 4 && !f[4].isBlank() ? f[4].strip() : null);
            (t.verb() ? verbs : nouns).computeIfAbsent(f[0], k -> new ArrayList<>()).add(t);
            if (!t.verb() && f[0].contains(" ")) firstWords.add(f[0].substring(0, f[0].indexOf(' ')));
            if (t.code().compareTo("18") >= 0 && t.code().compareTo("21") < 0 && !f[0].contains(" ")) violent.add(f[0]);
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/senses.tsv")) {
            senses.computeIfAbsent(f[0] + "/" + f[1], k -> new ArrayList<>())
                    .add(new Sense(f[0], f[1].equals("V"), f[2], Set.of(f[3].split("\\|")), f[4].strip()));
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/instruments.tsv")) {
            Set<String> refines = f.length > 2 && f[2].trim().equals("-") ? Set.of()
                    : f.length > 2 && !f[2].isBlank() ? Set.of(f[2].trim().split("\\s+")) : Set.of("190");
            instruments.put(f[0], new Instrument(f[1], refines));
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/acled-rules.tsv")) {
            acledRules.add(new AcledRule(List.of(f[0].trim().split("\\s+")), List.of(f[1].split("\\|")), f[2], f[3],
                    f.length > 4 && !f[4].isBlank() ? List.of(f[4].strip().split("\\|")) : List.of()));
        }
        for (String[] f : DataFiles.rows("/sitrep/coding/modality.tsv")) modality.put(f[0], f[1]);
        for (String[] f : DataFiles.rows("/sitrep/coding/cues.tsv")) {
            for (String w : f[1].split("\\|")) cues.computeIfAbsent(f[0].strip(), k -> new HashSet<>()).add(w.strip());
        }
    }

    public static TriggerLexicon shared() {
        return SHARED.get();
    }

    /** The trigger rows of a verb lemma, in file order (empty when it is no trigger). */
    public List<Trigger> verbs(String lemma) {
        return verbs.getOrDefault(lemma, List.of());
    }

    public List<Trigger> nouns(String lemma) {
        return nouns.getOrDefault(lemma, List.of());
    }

    /**
     * Which trigger words, instruments and cues this lexicon has, as a short code: annotations cached for one plan of
     * parsing (which sentences get parsed follows from these lists) are not reused once the lists change.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Whether some row of a trigger word could apply in a sentence with these lemmas and words, judged from the words
     * alone before any parse: a row that needs a particle, a preposition, a "to", a listed object, a weapon or ground
     * (territory) cannot apply where the sentence lacks the word. A necessary condition, never a sufficient one.
     */
    public boolean mayApply(String lemma, boolean verb, Set<String> words, boolean properNoun) {
        List<Trigger> rows = verb ? verbs(lemma) : nouns(lemma);
        if (rows.isEmpty()) return false;
        for (Trigger t : rows) {
            if (t.has("victim") && words.stream().noneMatch(w -> violent.contains(w) || cues("violent-cause").contains(w))) continue;
            if (t.condition("prt") != null && !words.contains(t.condition("prt"))) continue;
            if (t.condition("with") != null && java.util.Arrays.stream(t.condition("with").split("\\|")).noneMatch(words::contains)) continue;
            if (t.has("xcomp") && !words.contains("to")) continue;
            String obj = t.condition("obj");
            if (obj != null && t.otherwise() == null && java.util.Arrays.stream(obj.split("\\|")).noneMatch(words::contains)) continue;
            if (t.has("weapon") && t.otherwise() == null && words.stream().noneMatch(instruments::containsKey)) continue;
            if (t.has("territory") && t.otherwise() == null && !properNoun && words.stream().noneMatch(cues("territory-noun")::contains)) continue;
            return true;
        }
        return false;
    }

    /** Whether every row of a verb is a bare reporting verb ("say", "add"), never a speech act or another act. */
    public boolean reportingOnly(String lemma) {
        List<Trigger> rows = verbs(lemma);
        if (rows.isEmpty()) return false;
        for (Trigger t : rows) if (!t.has("speech") || t.speechAct()) return false;
        return true;
    }

    /** The first row of a verb lemma, or null. */
    public Trigger verb(String lemma) {
        List<Trigger> t = verbs(lemma);
        return t.isEmpty() ? null : t.get(0);
    }

    public Trigger noun(String lemma) {
        List<Trigger> t = nouns(lemma);
        return t.isEmpty() ? null : t.get(0);
    }

    /** The other senses of a trigger word (senses.tsv). */
    public List<Sense> senses(String lemma, boolean verb) {
        return senses.getOrDefault(lemma + "/" + (verb ? "V" : "N"), List.of());
    }

    /** A cue word list of cues.tsv by its kind ("aggregate", "opinion-speaker", ...); empty when unknown. */
    public Set<String> cues(String kind) {
        return cues.getOrDefault(kind, Set.of());
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
    public List<AcledRule> acledRules() {
        return acledRules;
    }

    /** negated, future or hypothetical for a cue word, else null. */
    public String modality(String lemma) {
        return modality.get(lemma);
    }
}
