package sitrep.nlp;

import edu.stanford.nlp.ling.Label;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.trees.GrammaticalStructure;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TypedDependency;
import edu.stanford.nlp.trees.UniversalEnglishGrammaticalStructure;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a Penn Treebank parse given with the text (as in PETRARCH's records) into a {@link Sentence}: tokens and
 * tags from the tree's leaves, lemmas from CoreNLP's morphology, and enhanced++ Universal Dependencies from
 * CoreNLP's converter, so the coder sees the same kind of sentence as from the parser, without loading models.
 * The sentence's text is its words joined by single spaces; offsets refer to that text.
 */
public final class TreebankSentences {
    /** A converted sentence and the text its offsets refer to. */
    public record Converted(String text, Sentence sentence) {
    }

    private TreebankSentences() {
    }

    public static Converted convert(String parse) {
        Tree tree = Tree.valueOf(parse.strip());
        if (tree == null) throw new IllegalArgumentException("unreadable parse");
        List<Label> words = tree.yield();
        List<Label> tags = tree.preTerminalYield();
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Morphology morphology = new Morphology();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).value();
            String tag = i < tags.size() ? tags.get(i).value() : "";
            if (text.length() > 0) text.append(' ');
            int start = text.length();
            text.append(w);
            String lemma = morphology.lemma(w, tag);
            tokens.add(new Token(i, w, lemma == null ? w.toLowerCase() : lemma, tag, "O", null, start, text.length()));
        }
        GrammaticalStructure gs = new UniversalEnglishGrammaticalStructure(tree);
        List<Dependency> deps = new ArrayList<>();
        for (TypedDependency td : gs.typedDependenciesEnhancedPlusPlus()) {
            int gov = td.gov().index() - 1, dep = td.dep().index() - 1;
            if (dep < 0 || dep >= tokens.size()) continue;
            String rel = td.reln().toString();
            deps.add(new Dependency(rel.equals("root") ? -1 : gov, dep, rel));
        }
        deps.sort((a, b) -> a.dependent() != b.dependent() ? Integer.compare(a.dependent(), b.dependent())
                : Integer.compare(a.head(), b.head()));
        return new Converted(text.toString(), new Sentence(0, 0, text.length(), tokens, deps, List.of()));
    }
}
