package sitrep.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One sentence with its tokens, dependency graph and time expressions; immutable. */
public record Sentence(int index, int start, int end, List<Token> tokens, List<Dependency> dependencies,
                       List<TimeExpression> times) {

    public Sentence {
        tokens = List.copyOf(tokens);
        dependencies = List.copyOf(dependencies);
        times = List.copyOf(times);
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    /** Dependencies whose head is {@code head}, in token order. */
    public List<Dependency> children(int head) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) if (d.head() == head) out.add(d);
        return out;
    }

    /** Dependencies whose dependent is {@code dependent} (enhanced graphs may give several heads). */
    public List<Dependency> parents(int dependent) {
        List<Dependency> out = new ArrayList<>();
        for (Dependency d : dependencies) if (d.dependent() == dependent) out.add(d);
        return out;
    }

    /** The first head of a token in the basic tree sense, or -1 for the root. */
    public int head(int dependent) {
        for (Dependency d : dependencies) {
            if (d.dependent() == dependent && !d.relation().equals("ref") && !d.relation().startsWith("conj")) return d.head();
        }
        for (Dependency d : dependencies) if (d.dependent() == dependent) return d.head();
        return -1;
    }

    /**
     * Token indexes in the subtree under {@code root} (inclusive), following only relations that stay inside a
     * phrase: clauses ("acl:relcl", "ccomp", "parataxis") are not entered, so a noun's subtree is its noun phrase.
     */
    public List<Integer> phrase(int root, int maxDepth) {
        List<Integer> out = new ArrayList<>();
        collect(root, maxDepth, out);
        Collections.sort(out);
        return out;
    }

    private void collect(int node, int depth, List<Integer> out) {
        if (out.contains(node)) return;
        out.add(node);
        if (depth == 0) return;
        for (Dependency d : dependencies) {
            if (d.head() != node) continue;
            String rel = d.baseRelation();
            if (rel.equals("acl:relcl") || rel.startsWith("acl") && d.relation().startsWith("acl:relcl") || rel.equals("ccomp")
                    || rel.equals("parataxis") || rel.equals("punct") || rel.equals("ref") || rel.equals("advcl")
                    || rel.equals("nsubj") || rel.equals("dep")) continue;
            if (rel.equals("conj")) {
                // Conjuncts are siblings, not parts: "centers, hubs and depots in X" shares X without going deeper.
                if (d.dependent() > node) collect(d.dependent(), depth, out);
                continue;
            }
            if (rel.equals("acl")) continue; // "forces, backed by Russian aviation": the backer is not the forces
            collect(d.dependent(), depth - 1, out);
        }
    }

    public String text(String articleText) {
        return articleText.substring(start, end);
    }
}
