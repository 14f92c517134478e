package sitrep.coding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the coder's TAB-separated data files from the classpath ('#' comments, blank lines skipped). */
final class DataFiles {
    private DataFiles() {
    }

    static List<String[]> rows(String resource) {
        InputStream in = DataFiles.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("coding data " + resource + " is missing from the classpath");
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
