package sitrep.nlp;

/**
 * A typed dependency from the enhanced++ graph: {@code head} governs {@code dependent} (token indexes
 * within the sentence; head -1 for the root). Relations are Universal Dependencies, with the
 * preposition folded in for enhanced relations ("obl:in", "nmod:from", "conj:and").
 */
public record Dependency(int head, int dependent, String relation) {

    /** The relation without its enhanced suffix: "obl:in" -> "obl", "nsubj:pass" stays "nsubj:pass". */
    public String baseRelation() {
        if (relation.startsWith("nsubj:pass") || relation.startsWith("aux:pass") || relation.startsWith("obl:agent")
                || relation.startsWith("nmod:poss") || relation.startsWith("obl:tmod") || relation.startsWith("compound:prt")
                || relation.startsWith("csubj:pass") || relation.startsWith("nmod:tmod")) {
            return relation;
        }
        int colon = relation.indexOf(':');
        return colon < 0 ? relation : relation.substring(0, colon);
    }
}
