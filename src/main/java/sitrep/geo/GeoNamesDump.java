package sitrep.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the dump files of the GeoNames project that a user downloads: a country file (SY.txt), cities or allCountries
 * (tab-separated: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
 * country code, cc2, admin1..admin4 codes, population, elevation, dem, timezone, modification date), as .txt, .gz
 * or the project's .zip; and alternateNamesV2 (alternateNameId, geonameid, isolanguage, alternate name,
 * isPreferredName, isShortName, isColloquial, isHistoric, from, to), told by its file name. Hand-written because the
 * format is one split per line and no maintained Java library reads it.
 */
public final class GeoNamesDump {
    private GeoNamesDump() {
    }

    /** One place row of a dump: the columns sitrep reads. */
    public record Row(long geonameid, String name, String asciiName, List<String> alternateNames, double lat, double lon,
                      String featureClass, String featureCode, String countryIso2, String admin1Code, long population) {
    }

    /** Whether a file is an alternate-names file (alternateNamesV2.txt, alternateNames.zip) rather than a place file. */
    public static boolean isAlternateNames(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("alternatenames");
    }

    /**
     * The place rows of a file that {@code keep} accepts. A malformed line is an error that names the file and line:
     * a file the user gave should be read whole or not at all.
     */
    public static List<Row> places(Path file, Predicate<Row> keep) {
        List<Row> out = new ArrayList<>();
        lines(file, (n, f) -> {
            if (f.length < 15) throw new IllegalArgumentException(file + " line " + n + ": " + f.length + " columns, a GeoNames place row has 19");
            Row r;
            try {
                r = new Row(Long.parseLong(f[0]), f[1], f[2], names(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        f[6], f[7], f[8], f[10], f[14].isEmpty() ? 0 : Long.parseLong(f[14]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + n + ": not a GeoNames place row (" + e.getMessage() + ")");
            }
            if (keep.test(r)) out.add(r);
        });
        return out;
    }

    /**
     * Extra names from an alternate-names file for the given places, by geonameid: historic names and the file's
     * non-name entries (links, postal codes, airport codes, Wikidata ids) are left out.
     */
    public static Map<Long, List<String>> alternateNames(Path file, Set<Long> wanted) {
        Set<String> notNames = Set.of("link", "post", "iata", "icao", "faac", "wkdt", "unlc", "fr_1793", "tcid");
        Map<Long, List<String>> out = new HashMap<>();
        lines(file, (n, f) -> {
            if (f.length < 4) throw new IllegalArgumentException(file + " line " + n + ": not an alternate-names row");
            long id;
            try {
                id = Long.parseLong(f[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + n + ": not an alternate-names row (" + e.getMessage() + ")");
            }
            if (!wanted.contains(id) || notNames.contains(f[2]) || f.length > 7 && f[7].equals("1")) return;
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(f[3]);
        });
        return out;
    }

    private interface LineHandler {
        void line(long number, String[] fields);
    }

    private static void lines(Path file, LineHandler handler) {
        try (InputStream raw = open(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
            long n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                handler.line(n, line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read GeoNames file " + file, e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) return new GZIPInputStream(in, 1 << 16);
        if (name.endsWith(".zip")) {
            ZipInputStream zip = new ZipInputStream(in);
            // The project's zips hold the data file and sometimes a readme: take the first .txt that is not one.
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String entry = e.getName().toLowerCase(Locale.ROOT);
                if (entry.endsWith(".txt") && !entry.contains("readme")) return zip;
            }
            zip.close();
            throw new IOException(file + " holds no GeoNames .txt file");
        }
        return in;
    }

    private static List<String> names(String field) {
        if (field.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String n : field.split(",")) if (!n.isBlank()) out.add(n.strip());
        return out;
    }
}
