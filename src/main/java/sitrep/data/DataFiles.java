package sitrep.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads sitrep's TAB-separated data files (dictionaries, codebooks, gazetteer) from the classpath:
 * UTF-8, '#' comment lines and blank lines skipped, columns split on TAB with empty columns kept.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** The rows of a required data file; a missing file is a broken build, reported as such. */
    public static List<String[]> rows(String resource) {
        List<String[]> rows = optionalRows(resource);
        if (rows == null) throw new IllegalStateException("data file " + resource + " is missing from the classpath; rebuild with `mvn package`");
        return rows;
    }

    /** The rows of a data file, or null when the classpath has no such file. Files ending in .gz are gunzipped. */
    public static List<String[]> optionalRows(String resource) {
        InputStream in = DataFiles.class.getResourceAsStream(resource);
        if (in == null) return null;
        List<String[]> out = new ArrayList<>();
        try (InputStream raw = resource.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
             BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
        return out;
    }
}
