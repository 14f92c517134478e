package sitrep.coding;

import sitrep.actors.PetrarchActorDictionary;
import sitrep.actors.PetrarchActorDictionary.Hit;
import sitrep.coding.VerbDictionary.Element;
import sitrep.coding.VerbDictionary.Kind;
import sitrep.coding.VerbDictionary.Verb;
import sitrep.coding.VerbDictionary.VerbPattern;
import sitrep.nlp.Dependency;
import sitrep.nlp.Sentence;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Codes a sentence with TABARI/PETRARCH dictionaries: every verb found in the verb dictionary is coded with its
 * best-matching pattern (most elements matched; the first in the file on a tie) over the token sequence, or its
 * block's default code. Actors come from the pattern's '$'/'+'/'%' slots when it has them, otherwise from the
 * dependency parse: the subject (or passive "by" agent) is the source, the object, obliques, passive subject or
 * complement clause subject the target. Coordinated actors ("Gondor and Osgiliath") each get an event, and
 * agents compose with the actor they qualify ("Arnor's foreign minister" -> ARN + GOVFRM).
 */
public final class PatternCoder {
    private static final String NONE = "---";
    private static final Set<String> PRONOUNS = Set.of("it", "he", "she", "they", "we", "its", "their", "his", "her");
    private static final Set<String> CORE_RELATIONS = Set.of("compound", "amod", "flat", "nmod:poss", "det", "nummod",
            "appos", "case", "nmod:tmod", "dep");

    /** A coded event: codes, and the tokens of the verb and of the actors it rests on (-1 when none). */
    public record Coded(String source, String target, String code, int verbFirst, int verbLast, int sourceToken,
                        int targetToken) {
    }

    /** Where a pattern put the source, target and compound actors (token of the actor hit, or -1). */
    private record Binding(int source, int target, int compound, boolean compoundBefore) {
        static final Binding EMPTY = new Binding(-1, -1, -1, false);

        Binding with(Kind kind, int token, boolean before) {
            return switch (kind) {
                case SOURCE -> new Binding(token, target, compound, compoundBefore);
                case TARGET -> new Binding(source, token, compound, compoundBefore);
                default -> new Binding(source, target, token, before);
            };
        }
    }

    private record Choice(VerbPattern pattern, Binding binding) {
    }

    private final VerbDictionary verbs;
    private final PetrarchActorDictionary actors;
    private final DiscardList discards;
    private final boolean requireDyad;

    public PatternCoder(VerbDictionary verbs, PetrarchActorDictionary actors, DiscardList discards, boolean requireDyad) {
        this.verbs = verbs;
        this.actors = actors == null ? new PetrarchActorDictionary() : actors;
        this.discards = discards;
        this.requireDyad = requireDyad;
    }

    public List<Coded> code(Sentence s, LocalDate date) {
        List<Coded> out = new ArrayList<>();
        if (verbs == null || discards != null && discards.match(s) != null) return out;
        List<Hit> hits = actors.find(s);
        Set<String> seen = new HashSet<>();
        int coveredTo = -1;
        for (int i = 0; i < s.size(); i++) {
            if (i <= coveredTo || !s.token(i).isVerb() || auxiliary(s, i)) continue;
            int[] span = new int[2];
            Verb verb = verb(s, i, span);
            int verbHead = i;
            if (verb == null) continue;
            coveredTo = span[1];
            Choice choice = choose(s, hits, verb, span[0], span[1]);
            String code = choice.pattern() != null ? choice.pattern().code() : verb.code() != null ? verb.code() : verb.block().code();
            if (code == null || code.isBlank() || code.startsWith(NONE)) continue;
            String forward = code, backward = null;
            int colon = code.indexOf(':');
            if (colon >= 0) {
                forward = code.substring(0, colon);
                backward = code.substring(colon + 1);
            }
            Binding b = choice.binding();
            if (b.compound() >= 0 && b.compoundBefore()) {
                List<String> group = codes(s, hits, headOf(s, hits, b.compound()), date);
                for (String x : group) for (String y : group) if (!x.equals(y)) add(out, seen, x, y, forward, span, b.compound(), b.compound());
                continue;
            }
            int src = b.source() >= 0 ? headOf(s, hits, b.source()) : defaultSource(s, verbHead, hits, date);
            int tgt = b.target() >= 0 ? headOf(s, hits, b.target()) : b.compound() >= 0 ? headOf(s, hits, b.compound())
                    : defaultTarget(s, verbHead, src, hits, date);
            List<String> sources = src < 0 ? List.of() : codes(s, hits, src, date);
            List<String> targets = tgt < 0 ? List.of() : codes(s, hits, tgt, date);
            if (requireDyad && (sources.isEmpty() || targets.isEmpty())) continue;
            if (sources.isEmpty() && targets.isEmpty()) continue;
            for (String x : sources.isEmpty() ? List.of(NONE) : sources) {
                for (String y : targets.isEmpty() ? List.of(NONE) : targets) {
                    add(out, seen, x, y, forward, span, src, tgt);
                    if (backward != null && !backward.startsWith(NONE)) add(out, seen, y, x, backward, span, tgt, src);
                }
            }
        }
        return out;
    }

    private static void add(List<Coded> out, Set<String> seen, String source, String target, String code, int[] span,
                            int sourceToken, int targetToken) {
        if (source.equals(target)) return;
        if (seen.add(source + "|" + target + "|" + code)) {
            out.add(new Coded(source, target, code, span[0], span[1], sourceToken, targetToken));
        }
    }

    private static boolean auxiliary(Sentence s, int i) {
        for (Dependency d : s.parents(i)) {
            String r = d.baseRelation();
            if (r.equals("aux") || r.equals("aux:pass") || r.equals("cop")) return true;
        }
        return false;
    }

    /** The dictionary verb at token i (exact form before lemma, longer multi-word verbs first); span gets its tokens. */
    private Verb verb(Sentence s, int i, int[] span) {
        String form = s.token(i).word().toUpperCase(Locale.ROOT);
        String lemma = s.token(i).lemma().toUpperCase(Locale.ROOT);
        Verb best = null;
        int bestScore = -1;
        for (int pass = 0; pass < 2; pass++) {
            for (Verb v : pass == 0 ? verbs.byForm(form) : verbs.byBase(lemma)) {
                int first = i - v.before().size();
                if (first < 0) continue;
                boolean ok = true;
                for (int k = 0; k < v.before().size() && ok; k++) ok = word(s, first + k).equals(v.before().get(k));
                int last = i;
                for (int k = 0; k < v.after().size() && ok; k++) {
                    // A particle may stand a word away: "broke the talks off" is rare, "cordoned off" common.
                    int at = -1;
                    for (int p = last + 1; p <= Math.min(s.size() - 1, last + 2) && at < 0; p++) if (word(s, p).equals(v.after().get(k))) at = p;
                    ok = at >= 0;
                    last = at;
                }
                if (!ok) continue;
                int score = (v.before().size() + v.after().size()) * 4 + (pass == 0 ? 2 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = v;
                    span[0] = first;
                    span[1] = last;
                }
            }
        }
        return best;
    }

    private Choice choose(Sentence s, List<Hit> hits, Verb verb, int first, int last) {
        int end = clauseEnd(s, first, last);
        Choice best = new Choice(null, Binding.EMPTY);
        for (VerbPattern p : verb.block().patterns()) {
            Binding[] found = new Binding[1];
            if (!matchBefore(s, hits, p.before(), 0, 0, first, Binding.EMPTY, found)) continue;
            Binding[] after = new Binding[1];
            if (!matchAfter(s, hits, p.after(), 0, last + 1, end, found[0], after)) continue;
            if (best.pattern() == null || p.weight() > best.pattern().weight()) best = new Choice(p, after[0]);
        }
        return best;
    }

    /** Matches "before" elements left to right within [pos, verbStart); a trailing VERB marker pins the end. */
    private boolean matchBefore(Sentence s, List<Hit> hits, List<Element> els, int idx, int pos, int verbStart,
                                Binding b, Binding[] out) {
        if (idx == els.size()) {
            out[0] = b;
            return true;
        }
        Element e = els.get(idx);
        if (e.kind() == Kind.VERB) {
            if (pos == verbStart) {
                out[0] = b;
                return true;
            }
            return false;
        }
        int from = pos, to = idx > 0 && e.adjacent() ? pos : verbStart - 1;
        for (int p = from; p <= to; p++) {
            for (int next : elementEnds(s, hits, e, p, verbStart)) {
                Binding nb = slot(e) ? b.with(e.kind(), p, true) : b;
                if (matchBefore(s, hits, els, idx + 1, next, verbStart, nb, out)) return true;
            }
        }
        return false;
    }

    private boolean matchAfter(Sentence s, List<Hit> hits, List<Element> els, int idx, int pos, int end, Binding b,
                               Binding[] out) {
        if (idx == els.size()) {
            out[0] = b;
            return true;
        }
        Element e = els.get(idx);
        int to = e.adjacent() ? pos : end;
        for (int p = pos; p <= Math.min(to, end); p++) {
            for (int next : elementEnds(s, hits, e, p, end + 1)) {
                Binding nb = slot(e) ? b.with(e.kind(), p, false) : b;
                if (matchAfter(s, hits, els, idx + 1, next, end, nb, out)) return true;
            }
        }
        return false;
    }

    private static boolean slot(Element e) {
        return e.kind() == Kind.SOURCE || e.kind() == Kind.TARGET || e.kind() == Kind.COMPOUND;
    }

    /** Positions just after element e when it starts at token p (empty when it does not match there). */
    private List<Integer> elementEnds(Sentence s, List<Hit> hits, Element e, int p, int limit) {
        List<Integer> out = new ArrayList<>();
        if (p >= limit) return out;
        switch (e.kind()) {
            case WORD -> {
                String w = e.word().endsWith("_") ? e.word().substring(0, e.word().length() - 1) : e.word();
                if (word(s, p).equals(w)) out.add(p + 1);
            }
            case SYNSET -> {
                for (int len : synsetMatches(s, e.word(), p, limit, 0)) out.add(p + len);
            }
            case SOURCE, TARGET, COMPOUND -> {
                for (Hit h : hits) if (h.first() == p && h.last() < limit) out.add(h.last() + 1);
            }
            case SKIP -> {
                // '^' skips one noun phrase, actor or not: "warned at ^ +" passes over "the Gondor".
                int q = p;
                while (q < limit && nounPhraseWord(s.token(q).pos())) q++;
                if (q > p) out.add(q);
            }
            default -> {
            }
        }
        return out;
    }

    /** Lengths of the synonym-set members (phrases, nested sets, regular plurals) that match at token p. */
    private List<Integer> synsetMatches(Sentence s, String set, int p, int limit, int depth) {
        List<Integer> out = new ArrayList<>();
        List<String> members = verbs.synsets().get(set);
        if (members == null || depth > 4) return out;
        for (String member : members) {
            String[] words = member.split("[_\\s]+");
            List<Integer> lengths = new ArrayList<>();
            lengths.add(0);
            for (int k = 0; k < words.length; k++) {
                String w = words[k];
                List<Integer> next = new ArrayList<>();
                for (int len : lengths) {
                    int at = p + len;
                    if (w.startsWith("&")) {
                        for (int l : synsetMatches(s, w.substring(1).replaceAll("_+$", ""), at, limit, depth + 1)) next.add(len + l);
                    } else if (at < limit && (word(s, at).equals(w) || k == words.length - 1 && word(s, at).equals(plural(w)))) {
                        next.add(len + 1);
                    }
                }
                lengths = next;
            }
            for (int len : lengths) if (len > 0) out.add(len);
        }
        return out;
    }

    private static boolean nounPhraseWord(String pos) {
        return pos.startsWith("NN") || pos.startsWith("JJ") || pos.equals("DT") || pos.equals("PRP$") || pos.equals("CD")
                || pos.equals("POS") || pos.equals("PRP");
    }

    private static String plural(String w) {
        if (w.endsWith("Y")) return w.substring(0, w.length() - 1) + "IES";
        if (w.endsWith("S")) return w + "ES";
        return w + "S";
    }

    private static String word(Sentence s, int i) {
        return s.token(i).word().toUpperCase(Locale.ROOT);
    }

    /** The last token of the verb's clause: its dependency subtree, at least the verb itself. */
    private static int clauseEnd(Sentence s, int first, int last) {
        int end = last;
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        for (int v = first; v <= last; v++) todo.add(v);
        while (!todo.isEmpty()) {
            int n = todo.poll();
            if (!seen.add(n)) continue;
            end = Math.max(end, n);
            for (Dependency d : s.children(n)) {
                if (d.relation().equals("ref") || d.relation().startsWith("conj") && s.token(d.dependent()).isVerb()) continue;
                if (d.baseRelation().equals("punct")) continue;
                todo.add(d.dependent());
            }
        }
        return Math.min(end, s.size() - 1);
    }

    /** The token standing for the actor hit that starts at token p: its last token, the phrase head. */
    private static int headOf(Sentence s, List<Hit> hits, int p) {
        int node = p;
        for (Hit h : hits) if (h.first() == p) node = h.last();
        // "Gondor police": the name modifies the noun that heads the phrase, and the phrase is the actor.
        for (int hops = 0; hops < 3; hops++) {
            int up = -1;
            for (Dependency d : s.parents(node)) {
                String r = d.baseRelation();
                if (d.head() >= 0 && s.token(d.head()).isNoun() && (r.equals("compound") || r.equals("flat")
                        || r.equals("amod") || r.equals("nmod:poss"))) up = d.head();
            }
            if (up < 0) break;
            node = up;
        }
        return node;
    }

    private int defaultSource(Sentence s, int verb, List<Hit> hits, LocalDate date) {
        int node = verb;
        for (int hops = 0; hops < 5 && node >= 0; hops++) {
            int passiveSubject = -1;
            for (Dependency d : s.children(node)) if (d.relation().startsWith("nsubj:pass")) passiveSubject = d.dependent();
            if (passiveSubject >= 0) {
                for (Dependency d : s.children(node)) {
                    if ((d.relation().equals("obl:agent") || d.relation().equals("obl:by"))
                            && !codes(s, hits, d.dependent(), date).isEmpty()) return d.dependent();
                }
                // No "by" phrase: PETRARCH codes the passive subject as the source ("X was criticized over ...");
                // a subject without an actor ("a hafling was reported") leaves the event without one.
                return codes(s, hits, passiveSubject, date).isEmpty() ? -1 : passiveSubject;
            }
            for (Dependency d : s.children(node)) {
                String r = d.relation();
                if (r.equals("nsubj") || r.startsWith("nsubj:xsubj")) {
                    int subj = d.dependent();
                    if (!codes(s, hits, subj, date).isEmpty()) return subj;
                    if (!PRONOUNS.contains(s.token(subj).word().toLowerCase(Locale.ROOT))) return subj;
                }
            }
            int up = -1;
            for (Dependency d : s.parents(node)) {
                String r = d.baseRelation();
                // Only clauses that share their governor's subject: control ("is about to restore") and
                // coordination ("condemned ... and promised"); "after crowds trashed" has its own subject.
                if (d.head() >= 0 && (r.equals("xcomp") || r.equals("conj"))) {
                    up = d.head();
                    // A controlled clause's subject is its controller's object when there is one ("urged X to go").
                    if (r.equals("xcomp")) {
                        for (Dependency o : s.children(up)) {
                            if (o.baseRelation().equals("obj") && !codes(s, hits, o.dependent(), date).isEmpty()) return o.dependent();
                        }
                    }
                    break;
                }
            }
            node = up;
        }
        // No subject in the parse (fragments, odd trees): the nearest actor before the verb, as TABARI did.
        for (int i = verb - 1; i >= 0; i--) {
            for (Hit h : hits) if (h.last() == i && !h.isAgent()) return i;
        }
        return -1;
    }

    private int defaultTarget(Sentence s, int v, int source, List<Hit> hits, LocalDate date) {
        List<Integer> candidates = new ArrayList<>();
        boolean passive = false;
        for (Dependency d : s.children(v)) if (d.relation().startsWith("nsubj:pass")) passive = true;
        for (Dependency d : s.children(v)) {
            String r = d.baseRelation();
            if (r.equals("obj") || r.equals("iobj") || r.equals("nsubj:pass")) candidates.add(d.dependent());
        }
        List<Integer> later = new ArrayList<>();
        {
            for (Dependency d : s.children(v)) {
                String r = d.baseRelation();
                if (r.equals("obl") && !(passive && (d.relation().equals("obl:agent") || d.relation().equals("obl:by")))
                        || r.equals("nmod")) later.add(d.dependent());
                // What a verb says about someone is in the clause after it ("believes X can cope"); a clause before
                // it ("X is about to ..., an official said") is what was said, not whom it was said to.
                if ((r.equals("xcomp") || r.equals("ccomp")) && d.dependent() > v) {
                    for (Dependency c : s.children(d.dependent())) {
                        String cr = c.baseRelation();
                        if (cr.equals("nsubj") || cr.equals("obj") || cr.equals("obl") || cr.equals("nsubj:pass")) later.add(c.dependent());
                    }
                }
            }
        }
        later.sort(Integer::compare);
        candidates.addAll(later);
        Set<String> sourceCodes = source < 0 ? Set.of() : new HashSet<>(codes(s, hits, source, date));
        for (int c : candidates) {
            if (c == source) continue;
            List<String> codes = codes(s, hits, c, date);
            if (!codes.isEmpty() && !sourceCodes.containsAll(codes)) return c;
        }
        return -1;
    }

    /**
     * The actor codes of the phrase headed by {@code head}: its conjuncts each, the nearest phrase inside it with
     * an actor when the head has none ("an attack by Osgiliath soldiers"), agents composed with their actor.
     */
    List<String> codes(Sentence s, List<Hit> hits, int head, LocalDate date) {
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        Set<Integer> seen = new HashSet<>();
        todo.add(new int[]{head, 0});
        while (!todo.isEmpty()) {
            int[] n = todo.poll();
            if (!seen.add(n[0]) || n[1] > 3) continue;
            List<String> codes = group(s, hits, n[0], date);
            if (!codes.isEmpty()) return codes;
            for (Dependency d : s.children(n[0])) {
                String r = d.baseRelation();
                if (r.equals("nmod") || r.equals("obl") || r.equals("appos") || r.equals("compound") || r.equals("amod")
                        || r.equals("nmod:poss") || r.equals("acl")) {
                    todo.add(new int[]{d.dependent(), n[1] + 1});
                }
            }
        }
        return List.of();
    }

    /** Codes of a noun and its conjuncts, sharing the first conjunct's modifiers ("Danish media and government"). */
    private List<String> group(Sentence s, List<Hit> hits, int head, LocalDate date) {
        List<Integer> alternatives = new ArrayList<>();
        alternatives.add(head);
        collectConjuncts(s, head, alternatives);
        Set<Integer> headCore = core(s, head, alternatives);
        List<Hit> sharedNamed = new ArrayList<>(), sharedAgents = new ArrayList<>();
        for (Hit h : hits) {
            if (!inside(h, headCore) || covers(h, head)) continue;
            (h.isAgent() ? sharedAgents : sharedNamed).add(h);
        }
        Set<String> out = new LinkedHashSet<>();
        for (int a : alternatives) {
            Set<Integer> core = a == head ? headCore : core(s, a, alternatives);
            List<Hit> named = new ArrayList<>(), agents = new ArrayList<>();
            for (Hit h : hits) {
                if (!inside(h, core)) continue;
                (h.isAgent() ? agents : named).add(h);
            }
            if (named.isEmpty() && agents.isEmpty()) continue;
            // Two names in one noun phrase ("Ithilen's minister Calimehtar") are one actor: the first qualifies it.
            if (named.size() > 1) named.subList(1, named.size()).clear();
            if (a != head) {
                if (named.isEmpty()) named.addAll(sharedNamed);
                List<Hit> stacked = new ArrayList<>(sharedAgents);
                stacked.removeIf(h -> !inside(h, headCore) || h.last() >= head);
                stacked.addAll(agents);
                agents = stacked;
            }
            if (named.isEmpty() && !agents.isEmpty()) named.addAll(namedInModifiers(s, hits, a));
            if (named.isEmpty() && !agents.isEmpty() && a != head) named.addAll(namedInModifiers(s, hits, head));
            out.addAll(compose(named, agents, date));
        }
        return List.copyOf(out);
    }

    private static void collectConjuncts(Sentence s, int node, List<Integer> out) {
        for (Dependency d : s.children(node)) {
            if (d.relation().startsWith("conj") && !out.contains(d.dependent())) {
                out.add(d.dependent());
                collectConjuncts(s, d.dependent(), out);
            }
        }
    }

    /** A noun's own words: itself and its compound/adjective/possessive/determiner modifiers, two levels deep. */
    private static Set<Integer> core(Sentence s, int node, List<Integer> exclude) {
        Set<Integer> out = new HashSet<>();
        ArrayDeque<int[]> todo = new ArrayDeque<>();
        todo.add(new int[]{node, 0});
        while (!todo.isEmpty()) {
            int[] n = todo.poll();
            if (!out.add(n[0]) || n[1] >= 2) continue;
            for (Dependency d : s.children(n[0])) {
                if (exclude.contains(d.dependent()) && d.dependent() != node) continue;
                String r = d.baseRelation();
                if (CORE_RELATIONS.contains(r) || r.equals("nmod:poss")) todo.add(new int[]{d.dependent(), n[1] + 1});
            }
        }
        return out;
    }

    /** Named actors in a noun's "of/in/from" phrases, each conjunct apart ("ambassadors of Arnor, Osgiliath and Gondor"). */
    private static List<Hit> namedInModifiers(Sentence s, List<Hit> hits, int node) {
        List<Hit> out = new ArrayList<>();
        for (Dependency d : s.children(node)) {
            if (!d.baseRelation().equals("nmod")) continue;
            List<Integer> nodes = new ArrayList<>();
            nodes.add(d.dependent());
            collectConjuncts(s, d.dependent(), nodes);
            for (int n : nodes) {
                Set<Integer> core = core(s, n, nodes);
                for (Hit h : hits) if (!h.isAgent() && inside(h, core)) out.add(h);
            }
            if (!out.isEmpty()) return out;
        }
        return out;
    }

    /** Each named actor's codes with the agents applied: prefixes before, suffixes after, none repeated. */
    private static List<String> compose(List<Hit> named, List<Hit> agents, LocalDate date) {
        List<String> bases = new ArrayList<>();
        for (Hit h : named) bases.addAll(h.actor().codesOn(date));
        if (bases.isEmpty() && !named.isEmpty()) return List.of(); // "[---]" actors block, they do not fall back
        if (bases.isEmpty()) bases.add(NONE);
        List<String> out = new ArrayList<>();
        for (String base : bases) {
            if (base.equals(NONE) && agents.isEmpty()) continue;
            StringBuilder prefix = new StringBuilder();
            StringBuilder code = new StringBuilder(base);
            for (Hit a : agents) {
                String c = a.agent().code();
                if (c.isEmpty()) continue;
                if (a.agent().prefix()) {
                    if (!prefix.toString().contains(c)) prefix.append(c);
                } else if (!code.substring(Math.min(3, code.length())).contains(c)) {
                    code.append(c);
                }
            }
            out.add(prefix + code.toString());
        }
        return out;
    }

    private static boolean inside(Hit h, Set<Integer> tokens) {
        for (int i = h.first(); i <= h.last(); i++) if (tokens.contains(i)) return true;
        return false;
    }

    private static boolean covers(Hit h, int token) {
        return token >= h.first() && token <= h.last();
    }
}
