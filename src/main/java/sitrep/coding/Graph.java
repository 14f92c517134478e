package sitrep.coding;

import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Walks over a sentence's enhanced++ dependency graph: the small questions every coding rule asks of a parse. */
final class Graph {
    private Graph() {
    }

    static String lemma(Sentence s, int i) {
        return s.token(i).lemma().toLowerCase(Locale.ROOT);
    }

    static String word(Sentence s, int i) {
        return s.token(i).word().toLowerCase(Locale.ROOT);
    }

    /** The first dependent of {@code head} under one of the relations (full names, "obl:in"), in the order given; -1 if none. */
    static int child(Sentence s, int head, String... relations) {
        for (String r : relations) {
            for (Dependency d : s.children(head)) if (d.relation().equals(r)) return d.dependent();
        }
        return -1;
    }

    /** The first dependent of {@code head} whose base relation ("obl" for "obl:in") is one of these; -1 if none. */
    static int childBase(Sentence s, int head, String... relations) {
        for (String r : relations) {
            for (Dependency d : s.children(head)) if (d.baseRelation().equals(r)) return d.dependent();
        }
        return -1;
    }

    static boolean hasChild(Sentence s, int head, String relation, String lemma) {
        for (Dependency d : s.children(head)) {
            if (d.baseRelation().equals(relation) && lemma(s, d.dependent()).equals(lemma)) return true;
        }
        return false;
    }

    /**
     * The preposition of an oblique of {@code head} that is one of {@code prepositions} ("alongside" in
     * "obl:alongside"), or null.
     */
    static String obliquePreposition(Sentence s, int head, java.util.Set<String> prepositions) {
        for (Dependency d : s.children(head)) {
            int colon = d.relation().indexOf(':');
            if (d.baseRelation().equals("obl") && colon > 0 && prepositions.contains(d.relation().substring(colon + 1))) {
                return d.relation().substring(colon + 1);
            }
        }
        return null;
    }

    /** The base relation by which {@code head} governs {@code dependent}, or "". */
    static String relation(Sentence s, int head, int dependent) {
        for (Dependency d : s.children(head)) if (d.dependent() == dependent) return d.baseRelation();
        return "";
    }

    /** The basic-tree relation of a token to its head ("root" for the root). */
    static String relationToHead(Sentence s, int token) {
        int head = s.head(token);
        return head < 0 ? "root" : relation(s, head, token);
    }

    /** The subject of a verb, looking through coordination and control ("forces ... liberated X and are moving"). */
    static int subject(Sentence s, int verb) {
        int node = verb;
        for (int hops = 0; hops < 3 && node >= 0; hops++) {
            for (Dependency d : s.children(node)) {
                String rel = d.relation();
                if (rel.startsWith("nsubj") && !rel.startsWith("nsubj:pass")) return d.dependent();
            }
            if (hops == 0) {
                int agent = child(s, node, "obl:agent");
                if (agent >= 0) return agent;
                // "shelling by forces loyal to Assad" read as a gerund with a "by" phrase: a participle or gerund
                // with no subject of its own has its agent after "by" (a time, "by Monday", is none).
                String tag = s.token(node).pos();
                int by = child(s, node, "obl:by");
                if (by >= 0 && (tag.equals("VBG") || tag.equals("VBN")) && !time(s.token(by))) return by;
            }
            node = clauseAbove(s, node);
        }
        return -1;
    }

    /**
     * The clause a verb is coordinated with, controlled by or subordinate to (conj, xcomp, advcl), whose subject and
     * circumstances it shares; -1 when none. "dep": the parser sometimes leaves the main verb hanging off a participle
     * ("forces, backed by X, liberated Y" parsed with "backed" as root). Not for a verb with an auxiliary of its own:
     * "..., and Erdoğan has threatened" misparsed as "dep" of the clause before is a finite clause whose subject the
     * parser lost, not that clause's.
     */
    static int clauseAbove(Sentence s, int verb) {
        for (Dependency d : s.parents(verb)) {
            String rel = d.baseRelation();
            if (rel.equals("conj") || rel.equals("xcomp") || rel.equals("advcl") || rel.equals("dep") && !hasAuxiliary(s, verb)) return d.head();
        }
        return -1;
    }

    /** A token NER reads as a time: a date, a time of day, a duration or a set ("on Sunday", "for two years"). */
    static boolean time(Token t) {
        String ner = t.ner();
        return ner.equals("DATE") || ner.equals("TIME") || ner.equals("DURATION") || ner.equals("SET");
    }

    /**
     * The noun a participle modifies as a reduced relative clause ("villagers killed by shelling", "a proposal calling
     * for elections"), or -1. Full relative clauses ("who attacked") are acl:relcl and have a subject of their own.
     * The parser may attach such a noun to a past participle as its subject: it is returned all the same.
     */
    static int participleNoun(Sentence s, int verb) {
        String tag = s.token(verb).pos();
        if (!tag.equals("VBN") && !tag.equals("VBG")) return -1;
        for (Dependency d : s.parents(verb)) {
            if (d.relation().equals("acl") && d.head() >= 0 && s.token(d.head()).isNoun()) return d.head();
        }
        // "Villagers killed by shelling were buried", "mourned the soldiers killed in the ambush" read as if "killed" had
        // the villagers or soldiers as subject: a past participle with no auxiliary and no object, left hanging off
        // another verb, as its clausal subject, or with a "by" phrase, is no active verb. (Being a main verb is not
        // enough: the tagger also gives VBN to simple pasts, "the resolution, which was approved on Saturday, called for
        // a ceasefire". One that reports a clause, "fighters ... occupied by Isis said they had", is the lost "said".)
        String up = relationToHead(s, verb);
        boolean hanging = up.equals("dep") || up.startsWith("csubj")
                || child(s, verb, "obl:by", "obl:agent") >= 0 && child(s, verb, "ccomp") < 0;
        if (tag.equals("VBN") && hanging && child(s, verb, "obj") < 0 && !hasAuxiliary(s, verb)) return child(s, verb, "nsubj");
        return -1;
    }

    /**
     * "the deadliest attack since 2015", "the first talks since": a superlative, or one of {@code rankWords} ("first",
     * "last": cues.tsv's rank-word), makes "since" a comparison.
     */
    static boolean ranked(Sentence s, int node, java.util.Set<String> rankWords) {
        for (Dependency d : s.children(node)) {
            if (!d.baseRelation().equals("amod")) continue;
            Token t = s.token(d.dependent());
            if (t.pos().equals("JJS") || t.pos().equals("RBS") || rankWords.contains(t.lemma().toLowerCase(java.util.Locale.ROOT))) return true;
        }
        return false;
    }

    /** The token of a span whose head lies outside it ("March" of "since March 2015" is inside; "2015"'s head is). */
    static int spanHead(Sentence s, int first, int last) {
        for (int i = first; i <= last; i++) {
            int h = s.head(i);
            if (h < first || h > last) return i;
        }
        return last;
    }

    /** The agent of a passive or participle: its "by" phrase, not a time ("killed by Monday"); -1 when none. */
    static int agent(Sentence s, int verb) {
        for (String r : new String[]{"obl:agent", "obl:by"}) {
            for (Dependency d : s.children(verb)) if (d.relation().equals(r) && !time(s.token(d.dependent()))) return d.dependent();
        }
        return -1;
    }

    /** Whether the verb has an auxiliary of any kind, passive ones included ("has", "was", "would"). */
    static boolean hasAuxiliary(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) if (d.baseRelation().startsWith("aux")) return true;
        return false;
    }

    /** The passive subject of a verb (the one acted on in "X was killed"), or -1. */
    static int passiveSubject(Sentence s, int verb) {
        return child(s, verb, "nsubj:pass", "nsubj:pass:xsubj");
    }

    /** The verb a token directly hangs from, or -1 when its head is not a verb. */
    static int governingVerbOf(Sentence s, int token) {
        for (Dependency d : s.parents(token)) if (d.head() >= 0 && s.token(d.head()).isVerb()) return d.head();
        return -1;
    }

    /**
     * "carried out airstrikes", "clearing the way ... with airstrikes": the verb a noun hangs from, found by climbing
     * through objects, obliques and modifiers (not clauses); -1 when there is none.
     */
    static int governingVerb(Sentence s, int noun) {
        int node = noun;
        for (int hops = 0; hops < 4; hops++) {
            int up = -1;
            for (Dependency d : s.parents(node)) {
                String rel = d.baseRelation();
                if (d.head() >= 0 && (rel.equals("obj") || rel.equals("obl") || rel.equals("conj") || rel.equals("nmod"))) {
                    up = d.head();
                    break;
                }
            }
            if (up < 0) return -1;
            if (s.token(up).isVerb()) return up;
            node = up;
        }
        return -1;
    }

    static int governingSubject(Sentence s, int noun) {
        int verb = governingVerb(s, noun);
        return verb < 0 ? -1 : subject(s, verb);
    }

    /** "X and Y clashed": the second conjoined subject is the other side of a symmetric event. */
    static int secondConjunct(Sentence s, int first) {
        if (first < 0) return -1;
        for (Dependency d : s.children(first)) if (d.relation().startsWith("conj")) return d.dependent();
        return -1;
    }

    /** Every token under {@code root} (inclusive), through all relations but "ref". */
    static List<Integer> subtree(Sentence s, int root) {
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[s.size()];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            int n = todo.poll();
            if (seen[n]) continue;
            seen[n] = true;
            out.add(n);
            for (Dependency d : s.children(n)) if (!d.relation().equals("ref")) todo.add(d.dependent());
        }
        return out;
    }

    /** Whether {@code token} lies under {@code root} in the basic tree (following first heads up from the token). */
    static boolean under(Sentence s, int token, int root) {
        int node = token;
        for (int guard = 0; node >= 0 && guard < s.size() + 1; guard++) {
            if (node == root) return true;
            node = s.head(node);
        }
        return false;
    }

    /** The chain of basic-tree heads above a token, nearest first (the token itself not included). */
    static List<Integer> ancestors(Sentence s, int token) {
        List<Integer> out = new ArrayList<>();
        int node = s.head(token);
        for (int guard = 0; node >= 0 && guard < s.size(); guard++) {
            if (out.contains(node)) break;
            out.add(node);
            node = s.head(node);
        }
        return out;
    }

    /** Undirected path length between two tokens in the dependency graph, or MAX_VALUE beyond {@code limit}. */
    static int pathLength(Sentence s, int from, int to, int limit) {
        if (from == to) return 0;
        int[] dist = new int[s.size()];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        dist[from] = 0;
        queue.add(from);
        while (!queue.isEmpty()) {
            int n = queue.poll();
            if (dist[n] >= limit) continue;
            for (Dependency d : s.dependencies()) {
                int next = d.head() == n ? d.dependent() : d.dependent() == n ? d.head() : -1;
                if (next < 0 || dist[next] >= 0) continue;
                dist[next] = dist[n] + 1;
                if (next == to) return dist[next];
                queue.add(next);
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The auxiliaries and copulas of a verb, lower-cased lemmas ("have", "be", "will"). */
    static List<String> auxiliaries(Sentence s, int verb) {
        List<String> out = new ArrayList<>();
        for (Dependency d : s.children(verb)) {
            String rel = d.baseRelation();
            if (rel.equals("aux") || rel.equals("aux:pass") || rel.equals("cop")) out.add(lemma(s, d.dependent()));
        }
        return out;
    }

    /** Whether a verb is passive ("was killed", "were hit"). */
    static boolean passive(Sentence s, int verb) {
        for (Dependency d : s.children(verb)) {
            if (d.relation().startsWith("aux:pass") || d.relation().startsWith("nsubj:pass")) return true;
        }
        return false;
    }
}
