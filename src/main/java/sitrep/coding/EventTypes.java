package sitrep.coding;

import sitrep.model.Actor;
import sitrep.model.Event;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static sitrep.coding.Graph.lemma;

/**
 * The act's codes in the three schemes: the CAMEO code refined by the weapons named around it, the PLOVER type read
 * as PLOVER reads intentions, and the ACLED event and sub-event type.
 */
final class EventTypes {
    private static final Set<String> CIVILIAN_SECTORS = Set.of("CVL", "REF", "EDU", "MED", "JRN", "HLH", "LAB", "AGR", "BUS", "REL");

    private final Codebook codebook;
    private final TriggerLexicon lexicon;

    EventTypes(Codebook codebook, TriggerLexicon lexicon) {
        this.codebook = codebook;
        this.lexicon = lexicon;
    }

    /** Attacks get a finer code from the weapons named around them ("cruise missile attacks" -> 195). */
    String refine(Candidate c) {
        String code = c.code;
        if (!code.startsWith("18") && !code.startsWith("19") && !code.startsWith("20")) return code;
        Sentence s = c.sentence;
        List<Integer> around = new ArrayList<>(s.phrase(c.head(), 1));
        for (int h : withMerged(c)) {
            for (Dependency d : s.children(h)) {
                String rel = d.relation();
                if (rel.startsWith("nsubj") || rel.equals("obj") || rel.equals("obl:with") || rel.equals("obl:agent") || rel.equals("obl:in")) {
                    around.addAll(s.phrase(d.dependent(), 2));
                }
            }
        }
        for (int i : around) {
            String refined = lexicon.instrument(lemma(s, i), code);
            if (refined != null && codebook.contains(refined)) return refined;
        }
        return code;
    }

    private static List<Integer> withMerged(Candidate c) {
        List<Integer> out = new ArrayList<>();
        out.add(c.head());
        out.addAll(c.mergedHeads);
        return out;
    }

    /**
     * PLOVER codes intentions and refusals by what is said, not by the act named: a cooperative act announced for the
     * future ("will allow", "will provide") is AGREE, a harmful one ("would blockade", "will withdraw unless")
     * THREATEN, and a negated cooperative act ("will not accept") REJECT.
     */
    static Event.Plover plover(Codebook.Entry entry, String modality, String conditional, boolean reported) {
        int quad = entry.quadClass();
        // An intent is someone's announcement: "X said it would strike". A writer's forecast ("are likely to focus on
        // flushing out") keeps the act, not yet done.
        if (!reported) return new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext());
        boolean cooperative = quad == 1 || quad == 2;
        if (conditional != null && ("future".equals(modality) || "hypothetical".equals(modality))
                && (quad >= 3 || quad == 2 && conditional.equals("unless"))) {
            return new Event.Plover("THREATEN", null, entry.ploverContext());
        }
        // A planned meeting, visit or signing ("will attend the talks"), or a planned appeal ("the statement will urge
        // the west to help") is that act, not yet done: what is announced is the meeting or the appeal, not an intent
        // to cooperate.
        if ("future".equals(modality) && quad == 1 && !entry.code().startsWith("03")
                && ("CONSULT".equals(entry.ploverType()) || "REQUEST".equals(entry.ploverType()) || entry.code().startsWith("057"))) {
            return new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext());
        }
        if ("future".equals(modality) && cooperative && !"AGREE".equals(entry.ploverType())) return new Event.Plover("AGREE", null, entry.ploverContext());
        if ("future".equals(modality) && quad == 4) return new Event.Plover("THREATEN", null, entry.ploverContext());
        if ("negated".equals(modality) && cooperative) return new Event.Plover("REJECT", null, entry.ploverContext());
        return new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext());
    }

    /**
     * The CAMEO code and modality an intent takes once PLOVER has read it as one: "will help" is an asserted intent to
     * cooperate (03), "will strike" an asserted threat (138; 130 for a verbal one), "will not accept" an asserted
     * rejection (12). Returns {code, modality}; the act's own code and modality where PLOVER kept the act.
     */
    static String[] intent(String code, String modality, Event.Plover plover, Codebook.Entry entry) {
        String type = plover.type();
        if (type == null || type.equals(entry.ploverType())) return new String[]{code, modality};
        return switch (type) {
            case "AGREE" -> new String[]{"030", "asserted"};
            case "THREATEN" -> new String[]{entry.quadClass() == 4 ? "138" : "130", "asserted"};
            case "REJECT" -> new String[]{"120", "asserted"};
            default -> new String[]{code, modality};
        };
    }

    /** The word by which the sentence sets a condition ("unless", else "if"), or null. */
    static String conditional(Sentence s) {
        String found = null;
        for (Token t : s.tokens()) {
            String l = t.lemma().toLowerCase(java.util.Locale.ROOT);
            if (l.equals("unless")) return l;
            if (l.equals("if")) found = l;
        }
        return found;
    }

    /** The ACLED event and sub-event type: cue rules first (acled-rules.tsv), else the CAMEO code's mapping. */
    Event.Acled acled(String code, Sentence s, Actor source, Actor target) {
        Codebook.Entry entry = codebook.get(code);
        TriggerLexicon.AcledRule rule = acledRule(code, s);
        if (rule != null) {
            // "-": the sentence tells a disaster or a claim, not political violence: outside ACLED's scope.
            return rule.eventType().equals("-") ? null : new Event.Acled(rule.eventType(), rule.subType());
        }
        if (entry.acledType() == null) return null;
        String sub = entry.acledSubType();
        String type = entry.acledType();
        if (code.startsWith("192") && source != null && source.country() != null
                && ("GOV".equals(source.sector()) || "MIL".equals(source.sector()) || "COP".equals(source.sector()))) {
            sub = "Government regains territory";
        }
        // Unarmed victims make an armed attack one on civilians (ACLED's distinction, not CAMEO's).
        if ("Armed clash".equals(sub) && target != null && target.sector() != null && CIVILIAN_SECTORS.contains(target.sector())) {
            type = "Violence against civilians";
            sub = "Attack";
        }
        return new Event.Acled(type, sub);
    }

    private static boolean holds(List<String> lemmas, String cue) {
        String[] w = cue.trim().split(" ");
        for (int i = 0; i + w.length <= lemmas.size(); i++) {
            boolean all = true;
            for (int k = 0; k < w.length && all; k++) all = lemmas.get(i + k).equals(w[k]);
            if (all) return true;
        }
        return false;
    }

    /** The first ACLED rule whose code prefix fits and one of whose cues the sentence holds, or null. */
    private TriggerLexicon.AcledRule acledRule(String code, Sentence s) {
        List<String> lemmas = new ArrayList<>();
        for (Token t : s.tokens()) lemmas.add(t.lemma().toLowerCase(java.util.Locale.ROOT));
        for (TriggerLexicon.AcledRule r : lexicon.acledRules()) {
            boolean fits = false;
            for (String c : r.codes()) if (c.equals("*") || code.startsWith(c)) fits = true;
            if (!fits) continue;
            if (!r.also().isEmpty() && r.also().stream().noneMatch(cue -> holds(lemmas, cue))) continue;
            for (String cue : r.cues()) if (holds(lemmas, cue)) return r;
        }
        return null;
    }
}
