package sitrep.eval;

import picocli.CommandLine.Option;
import sitrep.coding.UserDictionaries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The TABARI/PETRARCH dictionary options that extract and eval coding share (a picocli mixin). */
public final class DictionaryOptions {
    @Option(names = "--verbs", paramLabel = "FILE", description = "TABARI/PETRARCH verb dictionary.")
    Path verbs;
    @Option(names = "--actors", paramLabel = "FILE", description = "TABARI/PETRARCH actor dictionary (repeatable).")
    List<Path> actors;
    @Option(names = "--agents", paramLabel = "FILE", description = "TABARI/PETRARCH agent dictionary.")
    Path agents;
    @Option(names = "--discards", paramLabel = "FILE", description = "TABARI/PETRARCH discard list.")
    Path discards;
    @Option(names = "--dictionaries-only", description = "Code with the loaded dictionaries alone.")
    boolean dictionariesOnly;

    /** Whether any dictionary option was given. */
    public boolean any() {
        return verbs != null || actors != null || agents != null || discards != null || dictionariesOnly;
    }

    public boolean hasVerbs() {
        return verbs != null;
    }

    public boolean dictionariesOnly() {
        return dictionariesOnly;
    }

    /** The first dictionary file that cannot be read, or null when all can. */
    public Path unreadable() {
        List<Path> all = new ArrayList<>();
        if (verbs != null) all.add(verbs);
        if (actors != null) all.addAll(actors);
        if (agents != null) all.add(agents);
        if (discards != null) all.add(discards);
        for (Path p : all) if (!Files.isReadable(p)) return p;
        return null;
    }

    /** Loads the given dictionaries; {@code only} codes with them alone. */
    public UserDictionaries load(boolean only) {
        return UserDictionaries.load(verbs, actors, agents, discards, only);
    }
}
