package sitrep.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a TABARI/PETRARCH dictionary file (verbs, actors, agents, discards) with the comments
 * those formats allow removed: {@code <!-- ... -->} (possibly over several lines), lines starting with '#',
 * and a trailing comment after " #". Blank lines are kept as "" because they end synonym sets.
 * A '#' without a space before it is kept, since codes such as [###] use it.
 */
public final class TabariText {
    private TabariText() {
    }

    public static List<String> lines(Path file) {
        try {
            return lines(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + file, e);
        }
    }

    public static List<String> lines(String content) {
        List<String> out = new ArrayList<>();
        boolean inComment = false;
        for (String raw : content.split("\r?\n", -1)) {
            StringBuilder kept = new StringBuilder();
            int i = 0;
            while (i < raw.length()) {
                if (inComment) {
                    int end = raw.indexOf("-->", i);
                    if (end < 0) {
                        i = raw.length();
                    } else {
                        inComment = false;
                        i = end + 3;
                    }
                } else {
                    int start = raw.indexOf("<!", i);
                    if (start < 0) {
                        kept.append(raw, i, raw.length());
                        i = raw.length();
                    } else {
                        kept.append(raw, i, start);
                        // "<!-- x -->" and the malformed "<! -- x -->" both occur in the published files.
                        int end = raw.indexOf("-->", start);
                        if (end < 0) {
                            inComment = true;
                            i = raw.length();
                        } else {
                            i = end + 3;
                        }
                    }
                }
            }
            String line = kept.toString();
            if (line.stripLeading().startsWith("#")) line = "";
            int hash = line.indexOf(" #");
            if (hash < 0) hash = line.indexOf("\t#");
            if (hash >= 0) line = line.substring(0, hash);
            out.add(line.strip().isEmpty() ? "" : line.stripTrailing());
        }
        return out;
    }
}
