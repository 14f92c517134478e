package sitrep.coding;

import sitrep.actors.PetrarchActorDictionary;

import java.nio.file.Path;
import java.util.List;

/**
 * Dictionaries a user loaded in the TABARI/PETRARCH formats (extract's --verbs/--actors/--agents/--discards).
 * Any of them may be absent (null). {@code only} says to code with these alone, without the built-in coder.
 */
public record UserDictionaries(VerbDictionary verbs, PetrarchActorDictionary actors, DiscardList discards, boolean only) {

    public static UserDictionaries load(Path verbs, List<Path> actors, Path agents, Path discards, boolean only) {
        PetrarchActorDictionary a = null;
        if ((actors != null && !actors.isEmpty()) || agents != null) {
            a = new PetrarchActorDictionary();
            if (actors != null) for (Path p : actors) a.loadActors(p);
            if (agents != null) a.loadAgents(agents);
        }
        return new UserDictionaries(verbs == null ? null : VerbDictionary.load(verbs), a,
                discards == null ? null : DiscardList.load(discards), only);
    }

    public boolean any() {
        return verbs != null || actors != null || discards != null;
    }
}
