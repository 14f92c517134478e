package sitrep.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.data.DataFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for the single-label gold files (PLOVER GSR JSON, CASE 2021 TSV, FA-KES CSV) and their label tables. */
public final class GoldFiles {
    private GoldFiles() {
    }

    /** A PLOVER gold record: its type as scored (current PLOVER), its first source actor's country (ISO3 or null). */
    public record PloverRecord(String id, String text, LocalDate date, String goldType, String sourceCountry) {
    }

    /** A CASE 2021 task 2 snippet and its label. */
    public record CaseRecord(String id, String text, String label) {
    }

    /** A FA-KES article: text, the gold date of its event and the gold governorate (as written in the file). */
    public record FakesRecord(String id, String text, LocalDate date, String location) {
    }

    public static List<PloverRecord> plover(InputStream in) throws IOException {
        Map<String, String> renames = new HashMap<>();
        for (String[] f : DataFiles.rows("/sitrep/eval/plover-gsr.tsv")) renames.put(f[0], f[1]);
        JsonNode root = new ObjectMapper().readTree(in);
        List<PloverRecord> out = new ArrayList<>();
        for (JsonNode r : root) {
            String type = r.path("event").asText("");
            String scored = renames.getOrDefault(type, type);
            if (scored.equals("-") || !r.hasNonNull("text")) continue;
            LocalDate date = null;
            try {
                if (r.hasNonNull("date")) date = LocalDate.parse(r.get("date").asText());
            } catch (DateTimeParseException e) {
                date = null; // an undated record is coded without an anchor for relative dates
            }
            String country = null;
            JsonNode src = r.path("source");
            JsonNode first = src.isArray() && src.size() > 0 ? src.get(0) : src;
            String code = first.path("code").asText("");
            if (code.length() >= 3) country = code.substring(0, 3);
            out.add(new PloverRecord(r.path("id").asText(), r.get("text").asText(), date, scored, country));
        }
        return out;
    }

    public static List<CaseRecord> case2021(Reader in) throws IOException {
        List<CaseRecord> out = new ArrayList<>();
        var lines = new java.io.BufferedReader(in).lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 3) continue;
            out.add(new CaseRecord(f[0], f[1], f[2].trim()));
        }
        return out;
    }

    /** CASE labels and the ACLED sub-event type each stands for (empty for the labels outside ACLED). */
    public static Map<String, String> caseLabels() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String[] f : DataFiles.rows("/sitrep/eval/case2021.tsv")) out.put(f[0], f.length > 1 ? f[1] : "");
        return out;
    }

    /** FA-KES CSV (header row; quoted fields with commas and line breaks), decoded by the caller. */
    public static List<FakesRecord> fakes(Reader in) throws IOException {
        List<List<String>> rows = sitrep.ingest.CsvReader.readAll(in);
        if (rows.isEmpty()) return List.of();
        List<String> header = rows.get(0);
        int id = header.indexOf("unit_id"), text = header.indexOf("article_content"), date = header.indexOf("date"),
                loc = header.indexOf("location");
        if (text < 0 || date < 0 || loc < 0) throw new IOException("FA-KES header lacks article_content, date or location");
        List<FakesRecord> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() <= Math.max(text, Math.max(date, loc))) continue;
            out.add(new FakesRecord(id >= 0 ? r.get(id) : String.valueOf(out.size() + 1), r.get(text), usDate(r.get(date)), r.get(loc)));
        }
        return out;
    }

    /** m/d/yy as in FA-KES (years 00-69 are 20xx), or null. */
    static LocalDate usDate(String s) {
        Matcher m = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2,4})").matcher(s.trim());
        if (!m.matches()) return null;
        int y = Integer.parseInt(m.group(3));
        if (y < 100) y += y < 70 ? 2000 : 1900;
        try {
            return LocalDate.of(y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Canonical governorate key for a spelling (syria-governorates.tsv), or the normalised spelling itself. */
    public static String governorate(String name) {
        if (name == null) return null;
        return GOVERNORATES.getOrDefault(key(name), key(name));
    }

    private static final Map<String, String> GOVERNORATES = new HashMap<>();

    static {
        for (String[] f : DataFiles.rows("/sitrep/eval/syria-governorates.tsv")) GOVERNORATES.put(key(f[0]), f[1]);
    }

    private static String key(String s) {
        // GeoNames writes admin1 names with transliteration marks ("Muḩāfaz̧at Ḩamāh"): compare on base letters.
        String k = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("governorate", "").replace("province", "").replaceFirst("^muhafazat ", "").trim();
        k = k.replaceFirst("^(al|ar|as|ad|el|an)[- ]", "");
        return k.replaceAll("[^a-z]", "");
    }

    static Reader utf8(InputStream in) {
        return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
