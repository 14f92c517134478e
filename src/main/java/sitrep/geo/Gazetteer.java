package sitrep.geo;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.nlp.PhraseIndex;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The gazetteer: GeoNames populated places (derived at build time by scripts/build-gazetteer.mjs),
 * countries, and our own tables of administrative divisions and named features (regions.tsv) and of facilities and
 * routes (facilities.tsv).
 * Loaded once per process ({@link #shared()}); read-only afterwards, so safe to share between threads.
 */
public final class Gazetteer {
    static final String PLACES = "/sitrep/geo/places.tsv.gz";
    static final String COUNTRIES = "/sitrep/geo/countries.tsv";
    static final String REGIONS = "/sitrep/geo/regions.tsv";
    static final String FACILITIES = "/sitrep/geo/facilities.tsv";
    static final String COUNTRIES_EXTRA = "/sitrep/geo/countries-extra.tsv";
    static final String ABBREVIATIONS = "/sitrep/geo/abbreviations.tsv";
    static final String WORDS = "/sitrep/geo/toponym-words.tsv";
    static final String GEONAMES_FEATURES = "/sitrep/geo/geonames-features.tsv";

    /** GeoNames dump files the user gave (--gazetteer), read into the shared gazetteer when it loads. */
    private static final List<Path> USER_FILES = new ArrayList<>();
    private static volatile boolean sharedLoaded;
    private static final Lazy<Gazetteer> SHARED = new Lazy<>(() -> {
        sharedLoaded = true;
        synchronized (USER_FILES) {
            return new Gazetteer(List.copyOf(USER_FILES));
        }
    });

    private final PhraseIndex<GazetteerEntry> names = new PhraseIndex<>(true);
    private final Map<String, Country> countries = new HashMap<>();
    private final Map<String, GazetteerEntry> countryEntries = new HashMap<>();
    private final PhraseIndex<Country> demonyms = new PhraseIndex<>(false);
    /** First-level divisions by "ISO3 TAB lower-case name", for abbreviations. */
    private final Map<String, GazetteerEntry> admin1ByName = new HashMap<>();
    /** Abbreviations that are places only right after "Place," ("Alexandria, La."), keyed as written. */
    private final Map<String, GazetteerEntry> qualifierAbbreviations = new HashMap<>();
    private final Map<String, Set<String>> words = new HashMap<>();
    private int entries;
    private int userEntries;
    private final long loadMillis;
    /** Ids of the built-in entries, so a user's file adds only places the built-in data lacks. */
    private final Set<Long> builtInIds = new HashSet<>();
    /** "ISO3 TAB admin1 code" to the division's name as the built-in places give it. */
    private final Map<String, String> admin1Names = new HashMap<>();

    /** The built-in gazetteer and, loaded after it, the given GeoNames dump files (see {@link GeoNamesDump}). */
    public Gazetteer(List<Path> geoNamesFiles) {
        long t0 = System.nanoTime();
        List<Path> placeFiles = new ArrayList<>(), alternateFiles = new ArrayList<>();
        for (Path f : geoNamesFiles) (GeoNamesDump.isAlternateNames(f) ? alternateFiles : placeFiles).add(f);
        Set<String> kept = new HashSet<>();
        for (String[] f : DataFiles.rows(GEONAMES_FEATURES)) kept.add(f[0]);
        List<GeoNamesDump.Row> rows = new ArrayList<>();
        for (Path f : placeFiles) {
            rows.addAll(GeoNamesDump.places(f, r -> r.featureClass().equals("P") || kept.contains(r.featureCode())));
        }
        loadCountries(rows);
        loadRegions(REGIONS, -2_000_000);
        loadRegions(FACILITIES, -3_000_000);
        loadAbbreviations();
        loadWords();
        loadPlaces();
        if (!rows.isEmpty()) loadUserRows(rows, alternateFiles);
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public static Gazetteer shared() {
        return SHARED.get();
    }

    /**
     * Adds GeoNames dump files to the shared gazetteer (--gazetteer FILE). Only before it is first used: the gazetteer
     * is loaded once per process.
     */
    public static void addUserFiles(List<Path> files) {
        if (files.isEmpty()) return;
        synchronized (USER_FILES) {
            if (sharedLoaded) throw new IllegalStateException("the gazetteer is already loaded; give --gazetteer before it is used");
            for (Path f : files) {
                if (!Files.isReadable(f)) throw new IllegalArgumentException("cannot read gazetteer file " + f);
                USER_FILES.add(f);
            }
        }
    }

    /** How many entries came from user files. */
    public int userEntries() {
        return userEntries;
    }

    /** Candidates for one name (any spelling the gazetteer knows), or an empty list. */
    public List<GazetteerEntry> lookup(String name) {
        return names.lookup(name);
    }

    public PhraseIndex<GazetteerEntry> names() {
        return names;
    }

    public Country country(String iso3) {
        return iso3 == null ? null : countries.get(iso3);
    }

    public GazetteerEntry countryEntry(String iso3) {
        return iso3 == null ? null : countryEntries.get(iso3);
    }

    public List<Country> countries() {
        return List.copyOf(countries.values());
    }

    /** Countries whose people a word names ("Syrian" -> Syria). */
    public PhraseIndex<Country> demonyms() {
        return demonyms;
    }

    /** The division an abbreviation written right after "Place," stands for ("La." -> Louisiana), or null. */
    public GazetteerEntry qualifierAbbreviation(String token) {
        return qualifierAbbreviations.get(token);
    }

    /** Whether a lower-case word is of a kind in toponym-words.tsv (generic, institution, qualifier). */
    public boolean isWord(String kind, String lowerCaseWord) {
        Set<String> set = words.get(kind);
        return set != null && set.contains(lowerCaseWord);
    }

    public int size() {
        return entries;
    }

    public long loadMillis() {
        return loadMillis;
    }

    private void loadCountries(List<GeoNamesDump.Row> userRows) {
        // A user's GeoNames file gives one source of country points for every country it has a row for.
        Map<String, double[]> points = new HashMap<>();
        for (GeoNamesDump.Row r : userRows) if (r.featureCode().equals("PCLI")) points.put(r.countryIso2(), new double[]{r.lat(), r.lon()});
        Map<String, String[]> extra = new HashMap<>();
        for (String[] f : DataFiles.rows(COUNTRIES_EXTRA)) {
            if (extra.put(f[0], f) != null) throw new IllegalStateException(COUNTRIES_EXTRA + ": " + f[0] + " is listed twice");
        }
        long id = -1_000_000;
        for (String[] f : DataFiles.rows(COUNTRIES)) {
            String[] more = extra.get(f[0]);
            double lat = parse(f[4]), lon = parse(f[5]);
            double[] point = points.get(f[1]);
            if (point != null) {
                lat = point[0];
                lon = point[1];
            }
            List<String> capitals = new ArrayList<>(split(f[6]));
            if (more != null && more.length > 3) capitals.addAll(split(more[3]));
            Country c = new Country(f[0], f[1], f[2], lat, lon, capitals, split(f[7]), split(f[8]));
            countries.put(c.iso3(), c);
            GazetteerEntry e = new GazetteerEntry(id--, c.name(), c.lat(), c.lon(), "PCLI", c.iso3(), null, 0);
            countryEntries.put(c.iso3(), e);
            add(c.name(), e);
            add(f[3], e);
            for (String n : c.otherNames()) if (n.length() > 3) add(n, e);
            // Our curated names may be short abbreviations ("US", "UK"); they match only in capitals.
            if (more != null && more.length > 1) for (String n : split(more[1])) names.add(n, e);
            entries++;
        }
        // Demonyms a country has first claim to go in first, so they come first in the index's lists.
        for (String[] f : extra.values()) {
            if (f.length > 2 && countries.containsKey(f[0])) for (String d : split(f[2])) addDemonym(d, countries.get(f[0]));
        }
        for (Country c : countries.values()) for (String d : c.demonyms()) addDemonym(d, c);
    }

    private void addDemonym(String demonym, Country c) {
        demonyms.add(demonym, c);
        // The people as a plural noun: "Palestinians", "Americans", "Israelis".
        if (demonym.endsWith("n") || demonym.endsWith("i")) demonyms.add(demonym + "s", c);
    }

    /** Our own rows (regions.tsv, facilities.tsv: one format); rows without a GeoNames id get ids from {@code id} down. */
    private void loadRegions(String resource, long id) {
        List<String[]> regions = DataFiles.optionalRows(resource);
        if (regions == null) return;
        for (String[] f : regions) {
            if (f.length < 9) continue;
            long gid = f[0].isEmpty() ? id-- : Long.parseLong(f[0]);
            String iso3 = f[5].isEmpty() ? null : f[5];
            GazetteerEntry e = new GazetteerEntry(gid, f[1], parse(f[2]), parse(f[3]), f[4], iso3,
                    f[6].isEmpty() ? null : f[6], f[7].isEmpty() ? 0 : Long.parseLong(f[7]));
            add(f[1], e);
            for (String n : split(f[8])) add(n, e);
            builtInIds.add(gid);
            if (e.isAdmin1() && iso3 != null) admin1ByName.putIfAbsent(iso3 + "\t" + f[1].toLowerCase(Locale.ROOT), e);
            entries++;
        }
    }

    private void loadAbbreviations() {
        for (String[] f : DataFiles.rows(ABBREVIATIONS)) {
            GazetteerEntry e = admin1ByName.get(f[1] + "\t" + f[2].toLowerCase(Locale.ROOT));
            if (e == null) throw new IllegalStateException(ABBREVIATIONS + ": no division " + f[2] + " in " + f[1] + " in " + REGIONS);
            if (f[3].equals("any")) names.add(f[0], e);
            qualifierAbbreviations.put(f[0], e);
        }
    }

    private void loadWords() {
        for (String[] f : DataFiles.rows(WORDS)) words.computeIfAbsent(f[1], k -> new HashSet<>()).add(f[0]);
    }

    private void loadPlaces() {
        for (String[] f : DataFiles.rows(PLACES)) {
            String iso3 = f[5].isEmpty() ? null : f[5];
            GazetteerEntry e = new GazetteerEntry(Long.parseLong(f[0]), f[1], parse(f[2]), parse(f[3]), f[4], iso3,
                    f[7].isEmpty() ? null : f[7], f[8].isEmpty() ? 0 : Long.parseLong(f[8]));
            add(f[1], e);
            if (f.length > 9) for (String n : split(f[9])) add(n, e);
            builtInIds.add(e.geonameid());
            if (iso3 != null && !f[6].isEmpty() && e.admin1() != null) admin1Names.putIfAbsent(iso3 + "\t" + f[6], e.admin1());
            entries++;
        }
    }

    /**
     * The rows of the user's GeoNames files that the built-in data lacks: villages without a population figure,
     * divisions below the first level, facilities. A row's division is named as the built-in places name it (so
     * "Deir ez-Zor" is one division whichever file a place came from), else by the file's own ADM1 row.
     */
    private void loadUserRows(List<GeoNamesDump.Row> rows, List<Path> alternateFiles) {
        Map<String, String> iso3ByIso2 = new HashMap<>();
        for (Country c : countries.values()) iso3ByIso2.put(c.iso2(), c.iso3());
        Map<String, String> fileAdmin1 = new HashMap<>();
        for (GeoNamesDump.Row r : rows) {
            String iso3 = iso3ByIso2.get(r.countryIso2());
            if (r.featureCode().equals("ADM1") && iso3 != null) fileAdmin1.putIfAbsent(iso3 + "\t" + r.admin1Code(), r.name());
        }
        Set<Long> wanted = new HashSet<>();
        for (GeoNamesDump.Row r : rows) if (!builtInIds.contains(r.geonameid())) wanted.add(r.geonameid());
        Map<Long, List<String>> alternates = new HashMap<>();
        for (Path f : alternateFiles) {
            GeoNamesDump.alternateNames(f, wanted).forEach((id, names) -> alternates.computeIfAbsent(id, k -> new ArrayList<>()).addAll(names));
        }
        for (GeoNamesDump.Row r : rows) {
            if (!wanted.contains(r.geonameid()) || r.featureCode().startsWith("PCL")) continue;
            String iso3 = iso3ByIso2.get(r.countryIso2());
            String key = iso3 + "\t" + r.admin1Code();
            String admin1 = admin1Names.getOrDefault(key, fileAdmin1.get(key));
            // A division our table already has (by name) stays one entry.
            if (r.featureCode().equals("ADM1")) {
                if (iso3 != null && admin1ByName.containsKey(iso3 + "\t" + (admin1 == null ? r.name() : admin1).toLowerCase(Locale.ROOT))) continue;
                if (admin1 == null) admin1 = r.name();
            }
            GazetteerEntry e = new GazetteerEntry(r.geonameid(), r.name(), r.lat(), r.lon(), r.featureCode(), iso3, admin1, r.population());
            add(r.name(), e);
            if (!r.asciiName().equals(r.name())) add(r.asciiName(), e);
            for (String n : r.alternateNames()) add(n, e);
            for (String n : alternates.getOrDefault(r.geonameid(), List.of())) add(n, e);
            entries++;
            userEntries++;
        }
    }

    private void add(String name, GazetteerEntry e) {
        // Single letters and two-letter names are almost never meant as places in news text.
        if (name != null && name.strip().length() > 2) names.add(name, e);
    }

    private static double parse(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private static List<String> split(String s) {
        if (s == null || s.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\|")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }
}
