package sitrep.actors;

/**
 * A dictionary hit in a sentence: a named actor or country ({@code entry}) or a sector noun ({@code agent}).
 * Token indexes are inclusive and sentence-relative.
 */
public record ActorMention(int firstToken, int lastToken, int start, int end, ActorEntry entry, Agent agent) {

    public boolean isAgent() {
        return agent != null;
    }

    public boolean covers(int token) {
        return token >= firstToken && token <= lastToken;
    }
}
