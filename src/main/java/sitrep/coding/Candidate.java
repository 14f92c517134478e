package sitrep.coding;

import sitrep.model.Actor;
import sitrep.model.Event;
import sitrep.model.Place;
import sitrep.nlp.Sentence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One act being coded in a sentence: a trigger and what the rules have found about it so far. It is the coder's
 * working state within one sentence, filled in rule by rule; what leaves the coder is the immutable {@link Event}.
 */
final class Candidate {
    final Sentence sentence;
    /** Trigger tokens first..last (a two-word noun spans two); the head is the last. */
    final int first, last;
    final TriggerLexicon.Trigger trigger;
    /** The CAMEO code as coded so far: the trigger's, refined by instruments, rewritten by speech rules. */
    String code;
    Actor source, target;
    /** Token heads the roles were resolved from (-1: none, or from another sentence). */
    int sourceToken = -1, targetToken = -1;
    Event.Attribution attribution;
    /** Inside a direct quotation. */
    boolean quoted;
    String modality = "asserted";
    /** The condition word of the clause ("if", "unless"), when the act is announced on a condition. */
    String conditional;
    /** The PLOVER type the speech rules settled on (AGREE for "will help", THREATEN for "will strike"), or null. */
    String ploverOverride;
    /** Other trigger words of the same act ("raid ... struck ... killing"), merged in by the one-act rule. */
    final List<Event.Span> alsoTriggers = new ArrayList<>();
    final Map<String, Integer> quantities = new LinkedHashMap<>();
    Place place;
    /** For an act inside reported speech: the tokens of what was reported (its place must be among them); else null. */
    boolean[] scope;
    /** The place came from an earlier sentence (rule discourse-place), so it anchors no later sentence. */
    boolean placeInherited;
    /** The target is a town or area attacked, coded as its country (rule place-targets); it is also where the act was. */
    boolean placeTarget;
    String date, datePrecision, dateSource;
    /** Undated background ("those who took Aleppo"): no publication date is put on it. */
    boolean background;
    /** Why a rule dropped it (for --show-errors and the rule report); null while it stands. */
    String dropped;
    double confidence;
    /** The confidence model's features of this act. */
    Map<String, Double> features = Map.of();
    /** The candidate this one was merged into (rule one-act), or null. */
    Candidate merged;
    /** Other candidates merged into this one (their heads), for counts and places. */
    final List<Integer> mergedHeads = new ArrayList<>();

    Candidate(Sentence sentence, int first, int last, TriggerLexicon.Trigger trigger) {
        this.sentence = sentence;
        this.first = first;
        this.last = last;
        this.trigger = trigger;
        this.code = trigger.code();
    }

    int head() {
        return last;
    }

    boolean verb() {
        return trigger.verb();
    }

    String root() {
        return code.substring(0, 2);
    }

    /** Material conflict: CAMEO roots 18 to 20 (assault, fight, mass violence). */
    boolean violent() {
        String r = root();
        return r.equals("18") || r.equals("19") || r.equals("20");
    }

    /** Verbal acts: statements, appeals, intents, consultations, demands, accusations, rejections, threats. */
    boolean verbal() {
        int r = Integer.parseInt(root());
        return r <= 5 || r >= 10 && r <= 13;
    }

    boolean heads(int token) {
        return token == head() || mergedHeads.contains(token);
    }

    void drop(CodingRule rule, String why) {
        if (dropped == null) dropped = rule.id() + ": " + why;
    }

    @Override
    public String toString() {
        return code + " '" + sentence.token(first).word() + (first == last ? "" : " " + sentence.token(last).word()) + "'"
                + (dropped == null ? "" : " dropped (" + dropped + ")");
    }
}
