import sitrep.geo.Country;
import sitrep.geo.Gazetteer;
import sitrep.nlp.TextKeys;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the Phoenix actor dictionaries of the PETRARCH2 project (openeventdata, MIT licence) into sitrep's
 * built-in actor file src/main/resources/sitrep/actors/phoenix-actors.tsv, keeping only what is safe to match
 * in news text. Run from the repository root after a build (it uses the gazetteer and the name keys of the jar):
 *
 * <pre>
 *   java -cp target/sitrep.jar scripts/ImportPhoenix.java ../shared/eval/coding/dictionaries \
 *       src/main/resources/sitrep/actors/phoenix-actors.tsv [--report SKIPPED.tsv]
 * </pre>
 *
 * Options: {@code --words FILE} (an English word list, one word a line, proper nouns capitalised; default
 * /usr/share/dict/words from Debian's wamerican package), {@code --actors FILE} and {@code --roles FILE} (default:
 * the repository's actors.tsv and roles.tsv), {@code --report FILE} (every skipped entry and alias with its rule).
 *
 * <p>Input: Phoenix.Countries.actors.txt, Phoenix.International.actors.txt and Phoenix.MilNonState.actors.txt in
 * the TABARI actor format: a line {@code NAME [CODE]} starts an entry, {@code +SYNONYM} lines add names, indented
 * {@code [CODE]} lines add codes, optionally restricted to {@code >DATE} (from), {@code <DATE} (before) or
 * {@code DATE-DATE} (both days included); dates are YYYYMMDD or YYMMDD, where TABARI and PETRARCH read YY 00-30 as
 * 20YY and 31-99 as 19YY. On a date the first restricted code that covers it applies, else the entry's first
 * unrestricted code. '#' starts a comment; '_' joins words (a trailing '_' marks a whole word in TABARI; sitrep
 * matches whole tokens always, so the marks are dropped and a TABARI stem is kept as the word it spells).
 *
 * <p>Output: rows in the 7-column format of actors.tsv (code, name, country, sector, from, to exclusive, aliases).
 * The date rules of an entry are unfolded into a timeline: every span between two boundaries gets the code
 * PETRARCH would give on its days, equal neighbours are merged, and each usable code's spans become rows, so
 * an undated fallback code ([SYRELI]) covers the time outside the dated ranges.
 *
 * <p>What is skipped, and why (each rule is counted in the output's header and on standard output):
 * <ul>
 *   <li>Codes. A bare country code ([SYR]): the country blocks list the country's names, demonyms, capitals and
 *   many of its cities ("KOBANE", "YABROUD", "GOLAN_HEIGHTS" under Syria) and nicknames ("THE_GRAVEYARD_OF_EMPIRES");
 *   countries, demonyms and capitals come from the gazetteer instead. Codes sitrep cannot place: corporations
 *   (MNC..., out of the scope of conflict coding), regional prefixes without a home country (WEU..., SAS..., as
 *   actors.tsv's conventions say), roles without an actor (ELI, MED), compound codes (A/B), the null code [---],
 *   placeholders (KKL...). A usable code is an ISO3 country of the gazetteer followed by a role of roles.tsv
 *   (SYRGOV, AFGGOVAGR), or IGO..., NGO..., IMG..., made of 3-letter groups. Restrictions whose date cannot be
 *   read (7 digits, 31 February) or whose end comes before their start are dropped, as PETRARCH drops them.
 *   The span of an unusable code gets no row (the fallback does not fill it: Phoenix says what the actor was then).</li>
 *   <li>Stale open ends. An open-ended restriction ([AFGGOV >011222]) is ended on SNAPSHOT (the newest date the
 *   files know): the files cannot know who left office or which group dissolved afterwards, and a stale role is a
 *   false actor. After it the fallback code, if any, applies.</li>
 *   <li>Duplicates of hand-made entries. An entry one of whose names is also an alias in actors.tsv is that
 *   actor, which actors.tsv already has: the whole entry is skipped, so our codes and dates stay the only ones.</li>
 *   <li>Aliases: malformed (unbalanced parentheses, characters other than Latin letters, digits, spaces and
 *   - ' . , &amp;, no letter at all), of 1-3 letters and digits, longer than the matcher's 9-token window; a place
 *   name the gazetteer finds (as the geoparser would) or a demonym; a single word of the English word list, an
 *   ordinary word ("DAWN", "YOUTH") or a name ("YAHWEH", "HUSSEIN"), unless written as an acronym; for entries
 *   without dates (organisations), a generic phrase (every word an ordinary English word or a function word, at
 *   most two content words: "Black Star", "Security Council", "Revolutionary Left"; office holders are exempt, as
 *   "John Major" or "Jack Straw" are such phrases), and a country's institution or group named in ordinary words
 *   only without naming the country ("National Security Council", "Supreme Court Justices", "National Liberation
 *   Army": other countries have one); a common name (two content words, each a word of at least
 *   COMMON_NAME_ACTORS Phoenix actors' names: "Abdul Ali", "Mohamed Ahmed"); ambiguous (the alias names Phoenix
 *   actors with different rows); a single word that is also a word of another actor's name (Phoenix or
 *   actors.tsv: "Abdullah", "Rafsanjani"). A leading "the" is dropped ("the X" matches as "X"). Parenthesised
 *   acronyms of the name ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_") become aliases of their own; double-quoted
 *   nicknames are dropped.</li>
 *   <li>Entries: without a code, without a usable code, without an alias left, repeats of an earlier entry
 *   (same rows and names: Phoenix often lists a person twice).</li>
 * </ul>
 * Aliases are written the way news prints them: words capitalised, Arabic articles and short function words in
 * lower case, acronyms in capitals (so that sitrep matches 4-6 letter acronyms only when written in capitals).
 */
public class ImportPhoenix {
    static final String[] FILES = {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"};
    /**
     * The end of open-ended restrictions: the day after the newest date in the three files (Phoenix.Countries was
     * generated on 2014-01-30; its Syrian section names 2013-11-20, the International file 2014-02-06).
     * Checked at run time: a restriction starting later is reported.
     */
    static LocalDate SNAPSHOT;
    /** A two-word alias both of whose words are in the names of this many Phoenix actors is a common name. */
    static final int COMMON_NAME_ACTORS = 50;
    /** How many tokens the phrase matcher looks at (sitrep.nlp.PhraseIndex.MAX_TOKENS). */
    static final int MAX_TOKENS = 9;
    static final Set<String> INTERNATIONAL = Set.of("IGO", "NGO", "IMG");
    /** Words that neither make a phrase specific nor are capitalised inside a name. */
    static final Set<String> FUNCTION_WORDS = Set.of("the", "of", "and", "for", "in", "on", "to", "at", "by", "with",
            "from", "a", "an", "against", "de", "du", "des", "la", "le", "les", "del", "di", "da", "do", "dos", "e", "y",
            "van", "von", "der", "den");
    /** Arabic articles and particles, written in lower case as news does ("Jabhat al-Nusra", "Liwa al-Tawhid"). */
    static final Set<String> ARTICLES = Set.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "ath", "ud", "ul", "wal", "wa", "bin", "ibn");
    /** Function words written in lower case inside a name ("Army of the Republic", "Antonio di Pietro"). */
    static final Set<String> LOWER_IN_NAMES = Set.of("the", "of", "and", "for", "in", "on", "to", "at", "by", "with",
            "from", "a", "an", "against", "de", "du", "des", "del", "di", "da", "dos", "y", "van", "von", "der", "den");
    static final Pattern CODE_BLOCK = Pattern.compile("\\[([^\\]]*)\\]");
    static final Pattern ALLOWED = Pattern.compile("[\\p{IsLatin}\\p{M}0-9 '.,&-]+");

    record Restriction(String code, LocalDate from, LocalDate to) { // [from, to), null = open
    }

    record Entry(String file, int line, String head, List<String> names, List<Restriction> restricted, List<String> plain) {
    }

    record Row(String code, LocalDate from, LocalDate to) {
    }

    /** An entry to write: its name, aliases (display form, by key, in order) and rows. */
    static final class Group {
        final String name;
        final List<Row> rows;
        final Map<String, String> aliases = new LinkedHashMap<>(); // key -> display
        final String where;
        boolean dated;
        boolean national;
        boolean repeated;

        Group(String name, List<Row> rows, String where) {
            this.name = name;
            this.rows = rows;
            this.where = where;
        }
    }

    final Map<String, Integer> counts = new TreeMap<>();
    final List<String> report = new ArrayList<>();
    final Set<String> roles = new HashSet<>();
    final Set<String> iso3 = new HashSet<>();
    final Set<String> ordinary = new HashSet<>();
    final Set<String> properNouns = new HashSet<>();
    final Set<String> handMadeKeys = new HashSet<>();
    final Set<String> handMadeWords = new HashSet<>();
    Gazetteer gazetteer;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java -cp target/sitrep.jar scripts/ImportPhoenix.java PHOENIX_DIR OUT.tsv"
                    + " [--words FILE] [--actors FILE] [--roles FILE] [--report FILE]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]), out = Path.of(args[1]);
        Path words = Path.of("/usr/share/dict/words"), actors = Path.of("src/main/resources/sitrep/actors/actors.tsv"),
                roles = Path.of("src/main/resources/sitrep/actors/roles.tsv"), report = null;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--words" -> words = Path.of(args[i + 1]);
                case "--actors" -> actors = Path.of(args[i + 1]);
                case "--roles" -> roles = Path.of(args[i + 1]);
                case "--report" -> report = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (!Files.isReadable(words)) {
            System.err.println("no word list at " + words + " (Debian: apt-get install wamerican), or give --words FILE");
            System.exit(2);
        }
        new ImportPhoenix().run(dir, out, words, actors, roles, report);
    }

    void run(Path dir, Path out, Path wordList, Path actors, Path rolesFile, Path reportFile) throws IOException {
        for (String w : Files.readAllLines(wordList, StandardCharsets.UTF_8)) {
            if (w.isEmpty() || w.endsWith("'s")) continue;
            if (Character.isLowerCase(w.charAt(0))) ordinary.add(w.toLowerCase(Locale.ROOT));
            else properNouns.add(w.toLowerCase(Locale.ROOT));
        }
        for (String[] f : tsv(rolesFile)) roles.add(f[0].strip());
        for (String[] f : tsv(actors)) {
            if (f.length < 7) continue;
            for (String a : f[6].split("\\|")) {
                String k = TextKeys.key(a);
                if (k.isEmpty()) continue;
                handMadeKeys.add(k);
                handMadeWords.addAll(List.of(k.split(" ")));
            }
        }
        gazetteer = Gazetteer.shared();
        for (Country c : gazetteer.countries()) iso3.add(c.iso3());

        List<Entry> entries = new ArrayList<>();
        LocalDate newest = LocalDate.MIN;
        for (String name : FILES) {
            List<Entry> read = read(dir.resolve(name));
            entries.addAll(read);
            for (Entry e : read) {
                for (Restriction r : e.restricted()) {
                    if (r.from() != null && r.from().isAfter(newest)) newest = r.from();
                    if (r.to() != null && r.to().minusDays(1).isAfter(newest)) newest = r.to().minusDays(1);
                }
            }
        }
        count("entries read", entries.size());
        SNAPSHOT = newest.plusDays(1);
        System.out.println("snapshot (end of open-ended restrictions): " + SNAPSHOT);

        // Entries -> rows; entries sharing a name with actors.tsv are skipped whole. An actor's identity in the
        // rules across actors is its rows: Phoenix repeats people under other spellings with the same rows.
        List<Group> groups = new ArrayList<>();
        Map<Group, List<String>> rawNames = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.restricted().isEmpty() && e.plain().isEmpty()) {
                skipEntry(e, "entry without a code");
                continue;
            }
            List<String> cleaned = new ArrayList<>();
            for (String n : e.names()) cleaned.addAll(clean(n));
            String dup = null;
            for (String c : cleaned) if (handMadeKeys.contains(TextKeys.key(c))) dup = c;
            if (dup != null) {
                skipEntry(e, "entry: duplicate of an actors.tsv actor (shares \"" + dup + "\")");
                continue;
            }
            List<Row> rows = rows(e);
            if (rows.isEmpty()) continue; // counted in rows()
            List<String> head = clean(e.head());
            Group g = new Group(display(head.isEmpty() ? e.head() : head.get(0), acronyms(e.names())), rows, e.file() + ":" + e.line());
            g.dated = !e.restricted().isEmpty();
            g.national = rows.stream().allMatch(r -> iso3.contains(r.code().substring(0, 3)));
            groups.add(g);
            rawNames.put(g, e.names());
            count("entries with a usable code", 1);
        }

        // Aliases: cleaned, filtered one by one, then across actors.
        Map<String, Set<List<Row>>> byKey = new HashMap<>();
        Map<String, Group> firstWithKey = new HashMap<>();
        Map<String, Set<List<Row>>> byWord = new HashMap<>();
        for (Group g : groups) {
            List<String> names = rawNames.get(g);
            Set<String> acronyms = acronyms(names);
            for (String raw : names) {
                for (String alias : cleanReported(raw, g)) {
                    String shown = display(alias, acronyms);
                    String rule = aliasRule(shown, g.dated, g.national, acronyms);
                    String key = TextKeys.key(shown);
                    if (rule != null) {
                        skipAlias(g, shown, rule);
                        continue;
                    }
                    if (g.aliases.containsKey(key)) continue;
                    byKey.computeIfAbsent(key, k -> new HashSet<>()).add(g.rows);
                    Group earlier = firstWithKey.putIfAbsent(key, g);
                    if (earlier != null && earlier.rows.equals(g.rows)) { // the same actor again: written once
                        g.repeated = true;
                        continue;
                    }
                    g.aliases.put(key, shown);
                }
            }
            Set<String> nameWords = new HashSet<>();
            for (String raw : names) for (String alias : clean(raw)) nameWords.addAll(contentWords(TextKeys.key(alias)));
            for (String w : nameWords) byWord.computeIfAbsent(w, k -> new HashSet<>()).add(g.rows);
        }
        for (Group g : groups) {
            for (var it = g.aliases.entrySet().iterator(); it.hasNext(); ) {
                var a = it.next();
                String key = a.getKey();
                String rule = null;
                List<String> content = contentWords(key);
                if (byKey.get(key).size() > 1) {
                    rule = "alias: ambiguous (names Phoenix actors with different codes or dates)";
                } else if (!key.contains(" ") && (byWord.getOrDefault(key, Set.of()).size() > 1 || handMadeWords.contains(key))) {
                    rule = "alias: single word shared with another actor's name";
                } else if (content.size() == 2 && content.stream().allMatch(w -> byWord.getOrDefault(w, Set.of()).size() >= COMMON_NAME_ACTORS)) {
                    rule = "alias: common name (two words, each in " + COMMON_NAME_ACTORS + "+ actors' names)";
                }
                if (rule != null) {
                    skipAlias(g, a.getValue(), rule);
                    it.remove();
                }
            }
        }

        // Write.
        List<Group> kept = new ArrayList<>();
        for (Group g : groups) {
            if (g.aliases.isEmpty()) {
                String rule = g.repeated ? "entries: repeat of an earlier entry (same names and rows)" : "entries: no alias left";
                count(rule, 1);
                report.add("entry\t" + g.name + "\t" + g.where + "\t" + rule);
            } else {
                kept.add(g);
            }
        }
        int rows = 0, aliases = 0;
        StringBuilder body = new StringBuilder();
        for (Group g : kept) {
            for (Row r : g.rows) {
                String[] cs = countryAndSector(r.code());
                body.append(r.code()).append('\t').append(g.name).append('\t').append(cs[0]).append('\t').append(cs[1]).append('\t')
                        .append(r.from() == null ? "" : r.from()).append('\t').append(r.to() == null ? "" : r.to()).append('\t')
                        .append(String.join("|", g.aliases.values())).append('\n');
                rows++;
                aliases += g.aliases.size();
            }
        }
        count("written: actors", kept.size());
        count("written: rows", rows);
        count("written: aliases (over all rows)", aliases);
        int distinct = 0;
        for (Group g : kept) distinct += g.aliases.size();
        count("written: distinct aliases", distinct);

        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.print(header());
            w.print(body);
        }
        if (reportFile != null) Files.write(reportFile, report, StandardCharsets.UTF_8);
        for (var c : counts.entrySet()) System.out.printf("%7d  %s%n", c.getValue(), c.getKey());
    }

    // ------------------------------------------------------------------ reading

    List<Entry> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        String name = file.getFileName().toString();
        String head = null;
        int headLine = 0;
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = uncomment(lines.get(i));
            if (raw.isBlank()) continue;
            String t = raw.strip();
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (t.startsWith("[") && (indented || head != null && codes.isEmpty())) {
                codes.addAll(blocks(t));
            } else if (t.startsWith("+")) {
                if (head == null) continue;
                names.add(beforeCode(t.substring(1)));
                codes.addAll(blocks(t));
            } else {
                if (head != null) out.add(entry(name, headLine, head, names, codes));
                head = beforeCode(t);
                headLine = i + 1;
                names = new ArrayList<>(List.of(head));
                codes = new ArrayList<>(blocks(t));
            }
        }
        if (head != null) out.add(entry(name, headLine, head, names, codes));
        return out;
    }

    /** The line without its comment: '#' outside brackets starts one ("[ELI]# IGOrulers.txt"). */
    static String uncomment(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth = Math.max(0, depth - 1);
            else if (c == '#' && depth == 0) return line.substring(0, i);
        }
        return line;
    }

    static String beforeCode(String t) {
        int b = t.indexOf('[');
        return (b < 0 ? t : t.substring(0, b)).strip();
    }

    static List<String> blocks(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = CODE_BLOCK.matcher(line);
        while (m.find()) out.add(m.group(1).strip());
        return out;
    }

    Entry entry(String file, int line, String head, List<String> names, List<String> codes) {
        List<Restriction> restricted = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String block : codes) {
            String[] parts = block.split("\\s+", 2);
            String code = parts[0].toUpperCase(Locale.ROOT);
            if (code.isEmpty()) continue;
            // CAMEO's East Timor; the gazetteer (ISO 3166) calls it TLS.
            if (code.startsWith("TMP")) code = "TLS" + code.substring(3);
            if (parts.length == 1) {
                plain.add(code);
                continue;
            }
            String r = parts[1].replace(" ", "");
            try {
                if (r.startsWith(">")) restricted.add(new Restriction(code, date(r.substring(1)), null));
                else if (r.startsWith("<")) restricted.add(new Restriction(code, null, date(r.substring(1))));
                else if (r.indexOf('-') > 0) {
                    int dash = r.indexOf('-');
                    LocalDate from = date(r.substring(0, dash)), last = date(r.substring(dash + 1));
                    if (last.isBefore(from)) {
                        count("restrictions dropped: end before start", 1);
                        report.add("restriction\t" + block + "\t" + file + ":" + line + "\tend before start");
                        continue;
                    }
                    restricted.add(new Restriction(code, from, last.plusDays(1)));
                } else {
                    throw new IllegalArgumentException("no restriction");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                count("restrictions dropped: unreadable date", 1);
                report.add("restriction\t" + block + "\t" + file + ":" + line + "\tunreadable date");
            }
        }
        return new Entry(file, line, head, List.copyOf(names), restricted, plain);
    }

    /** YYYYMMDD, or YYMMDD with the TABARI/PETRARCH century rule: YY 00-30 is 20YY, 31-99 is 19YY. */
    static LocalDate date(String s) {
        if (!s.matches("\\d{6}|\\d{8}")) throw new IllegalArgumentException("bad date " + s);
        if (s.length() == 6) s = (Integer.parseInt(s.substring(0, 2)) <= 30 ? "20" : "19") + s;
        return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE.withResolverStyle(java.time.format.ResolverStyle.STRICT));
    }

    // ------------------------------------------------------------------ codes and timelines

    /** Null when the code is usable, else the rule that rejects it. */
    String codeRule(String code) {
        if (code.equals("---")) return "null code [---]";
        if (code.contains("/")) return "compound code (A/B)";
        if (!code.matches("([A-Z]{3})+")) return "not a CAMEO code (not 3-letter groups)";
        String first = code.substring(0, 3);
        if (first.equals("MNC")) return "corporation (MNC)";
        if (INTERNATIONAL.contains(first)) return null;
        if (iso3.contains(first)) {
            if (code.length() == 3) return "country-level code (country blocks: names, cities, nicknames)";
            return roles.contains(code.substring(3, 6)) ? null : "country + a code that is not a role (territories: GBRVGBGOV, USAPRIELI)";
        }
        if (roles.contains(first)) return "role without an actor (ELI, MED ...)";
        return "no home country (regional, historical or placeholder prefix: WEU, SAS, MEA, USR, KSV, KKL ...)";
    }

    /** [country, sector] of a usable code, in actors.tsv's conventions. */
    String[] countryAndSector(String code) {
        String first = code.substring(0, 3), second = code.length() >= 6 ? code.substring(3, 6) : "";
        return switch (first) {
            case "IGO" -> new String[]{"", "IGO"};
            case "NGO" -> new String[]{iso3.contains(second) ? second : "", "NGO"};
            case "IMG" -> new String[]{"", "REB"};
            default -> new String[]{first, second};
        };
    }

    /** The entry's rows: its date rules unfolded into a timeline, spans of usable codes only. */
    List<Row> rows(Entry e) {
        String fallback = e.plain().isEmpty() ? null : e.plain().get(0);
        List<Restriction> rs = new ArrayList<>();
        for (Restriction r : e.restricted()) {
            if (r.to() == null) {
                rs.add(new Restriction(r.code(), r.from(), SNAPSHOT));
                count("open-ended restrictions ended on the snapshot", 1);
            } else {
                rs.add(r);
            }
        }
        TreeSet<LocalDate> bounds = new TreeSet<>();
        for (Restriction r : rs) {
            if (r.from() != null) bounds.add(r.from());
            if (r.to() != null) bounds.add(r.to());
        }
        List<LocalDate> b = new ArrayList<>(bounds);
        List<Row> spans = new ArrayList<>();
        for (int i = 0; i <= b.size(); i++) {
            // Spans between consecutive bounds; every day of one is covered by the same restrictions.
            LocalDate from = i == 0 ? null : b.get(i - 1), to = i == b.size() ? null : b.get(i);
            String code = fallback;
            if (from != null || to != null) {
                LocalDate probe = from != null ? from : to.minusDays(1);
                for (Restriction r : rs) {
                    if ((r.from() == null || !probe.isBefore(r.from())) && (r.to() == null || probe.isBefore(r.to()))) {
                        code = r.code();
                        break;
                    }
                }
            }
            if (code == null) continue;
            Row last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.code().equals(code) && Objects.equals(last.to(), from)) {
                spans.set(spans.size() - 1, new Row(code, last.from(), to));
            } else {
                spans.add(new Row(code, from, to));
            }
        }
        List<Row> out = new ArrayList<>();
        Set<String> rejected = new LinkedHashSet<>();
        for (Row r : spans) {
            String rule = codeRule(r.code());
            if (rule == null) out.add(r);
            else rejected.add(rule);
        }
        for (String rule : rejected) count("code spans skipped: " + rule, 1);
        if (out.isEmpty()) {
            String rule = rejected.isEmpty() ? "no span" : rejected.iterator().next();
            skipEntry(e, "entry without a usable code: " + rule);
            return List.of();
        }
        // What PETRARCH codes when the date is unknown first (the fallback), then the dated rows in time order:
        // with no date, sitrep takes a name's first row.
        List<Row> ordered = new ArrayList<>();
        for (Row r : out) if (r.code().equals(fallback)) ordered.add(r);
        for (Row r : out) if (!r.code().equals(fallback)) ordered.add(r);
        return List.copyOf(ordered);
    }

    // ------------------------------------------------------------------ aliases

    /** An alias's spellings: underscores to spaces, parentheses out (an acronym in them kept apart), no leading "the". */
    List<String> clean(String raw) {
        List<String> out = new ArrayList<>();
        // Nicknames in double quotes ("TZIPORA_\"TZIPI\"_LIVNI") go; a backtick stands for an apostrophe (ayn).
        String s = raw.replace('_', ' ').replace('\t', ' ').replaceAll("\"[^\"]*\"", " ").replace('`', '\'');
        String outside = s.replaceAll("\\([^()]*\\)", " ");
        Matcher m = Pattern.compile("\\(([^()]*)\\)").matcher(s);
        while (m.find()) {
            // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": an acronym of the name is an alias; "(GREECE)", "(ACTING" are not.
            String inner = m.group(1).strip();
            if (inner.matches("[A-Z0-9]{2,6}") && (initials(outside).contains(inner) || !inner.matches(".*[AEIOU].*"))) out.add(inner);
        }
        s = outside;
        int open = s.indexOf('(');
        if (open >= 0 && s.indexOf(')', open) < 0) s = s.substring(0, open); // "STANKO_TODOROV (ACTING_"
        s = s.replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[-,.' ]+|[-,' ]+$", "");
        if (s.regionMatches(true, 0, "THE ", 0, 4)) s = s.substring(4).strip();
        if (!s.isEmpty()) out.add(0, s);
        return out;
    }

    List<String> cleanReported(String raw, Group g) {
        List<String> out = clean(raw);
        if (out.isEmpty()) skipAlias(g, raw, "alias: malformed (empty)");
        return out;
    }

    /** Null when the alias may be kept, else the rule that drops it. */
    String aliasRule(String alias, boolean dated, boolean national, Set<String> acronyms) {
        if (alias.contains("(") || alias.contains(")")) return "alias: malformed (unbalanced parentheses)";
        if (!ALLOWED.matcher(alias).matches()) return "alias: malformed (odd characters)";
        int letters = 0, digits = 0;
        for (int i = 0; i < alias.length(); i++) {
            if (Character.isLetter(alias.charAt(i))) letters++;
            else if (Character.isDigit(alias.charAt(i))) digits++;
        }
        if (letters == 0) return "alias: malformed (no letter)";
        if (letters + digits <= 3) return "alias: 1-3 letters";
        if (tokens(alias) > MAX_TOKENS) return "alias: longer than the matcher's " + MAX_TOKENS + " tokens";
        if (!gazetteer.lookup(alias).isEmpty()) return "alias: place name in the gazetteer";
        if (!gazetteer.demonyms().lookup(alias).isEmpty()) return "alias: demonym";
        String key = TextKeys.key(alias);
        String[] words = key.split(" ");
        if (words.length == 1 && isOrdinary(words[0])) return "alias: single ordinary English word";
        if (words.length == 1 && properNouns.contains(words[0]) && !acronyms.contains(alias.replace(".", "")))
            return "alias: single word the word list has as a name";
        boolean allOrdinary = true;
        int content = 0;
        for (String w : words) {
            if (FUNCTION_WORDS.contains(w)) continue;
            content++;
            if (!isOrdinary(w)) allOrdinary = false;
        }
        // Office holders are exempt: their names are dated, and "John Major", "Jack Straw" are names.
        if (!dated && allOrdinary && content <= 2) return "alias: generic phrase of ordinary words";
        // "National Security Council", "Supreme Court Justices", "National Liberation Army": a country's institution
        // or group named in ordinary words only, and not naming its country, is a name other countries share.
        if (!dated && national && allOrdinary && !namesCountry(words)) return "alias: a country's institution in ordinary words (other countries have one)";
        return null;
    }

    /** Whether some run of the words is a country's name or demonym ("united states", "us", "chinese"). */
    boolean namesCountry(String[] words) {
        for (int i = 0; i < words.length; i++) {
            StringBuilder span = new StringBuilder();
            for (int j = i; j < Math.min(words.length, i + 4); j++) {
                span.append(j > i ? " " : "").append(words[j]);
                String t = span.toString();
                String asWritten = t.length() <= 3 ? t.toUpperCase(Locale.ROOT) : t;
                if (gazetteer.lookup(asWritten).stream().anyMatch(e -> e.isCountry()) || !gazetteer.demonyms().lookup(asWritten).isEmpty()) return true;
            }
        }
        return false;
    }

    boolean isOrdinary(String lowerWord) {
        return ordinary.contains(lowerWord);
    }

    /** Tokens CoreNLP makes of an alias, roughly: words, hyphens, commas and "'s" each count. */
    static int tokens(String alias) {
        int n = 0;
        for (String w : alias.split(" ")) {
            if (w.isEmpty()) continue;
            n += 1 + 2 * (int) w.chars().filter(c -> c == '-').count();
            if (w.endsWith(",")) n++;
            if (w.toLowerCase(Locale.ROOT).endsWith("'s")) n++;
        }
        return n;
    }

    static List<String> contentWords(String key) {
        List<String> out = new ArrayList<>();
        for (String w : key.split(" ")) if (!w.isEmpty() && !FUNCTION_WORDS.contains(w) && !ARTICLES.contains(w)) out.add(w);
        return out;
    }

    /** Initials of a name: of all its words, and of its words other than function words (hyphens split words). */
    static Set<String> initials(String name) {
        String[] ws = name.toUpperCase(Locale.ROOT).split("[ -]+");
        StringBuilder all = new StringBuilder(), content = new StringBuilder();
        for (String w : ws) {
            if (w.isEmpty() || !Character.isLetterOrDigit(w.charAt(0))) continue;
            all.append(w.charAt(0));
            if (!FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) content.append(w.charAt(0));
        }
        return ws.length < 2 ? Set.of() : new HashSet<>(List.of(all.toString(), content.toString()));
    }

    /** Words of an entry's names that are acronyms: in parentheses, with dots, without vowels, or initials of a name. */
    Set<String> acronyms(List<String> names) {
        Set<String> out = new HashSet<>(), initials = new HashSet<>();
        for (String n : names) {
            for (String c : clean(n)) initials.addAll(initials(c));
            Matcher m = Pattern.compile("\\(([A-Z0-9]{2,8})\\)").matcher(n);
            while (m.find()) if (clean(n).contains(m.group(1))) out.add(m.group(1));
        }
        for (String n : names) {
            for (String c : clean(n)) {
                for (String w : c.toUpperCase(Locale.ROOT).split(" ")) {
                    String bare = w.replace(".", "");
                    if (bare.isEmpty() || !bare.matches("[A-Z0-9]+")) continue;
                    boolean acronym = w.contains(".") && bare.length() >= 2 || initials.contains(bare) && bare.length() >= 2
                            || bare.length() >= 2 && bare.length() <= 6 && !bare.matches(".*[AEIOU].*")
                            || bare.matches(".*[0-9].*") && bare.matches(".*[A-Z].*");
                    if (acronym) out.add(bare);
                }
            }
        }
        return out;
    }

    /** A name as news prints it: capitalised words, articles and function words in lower case, acronyms in capitals. */
    static String display(String alias, Set<String> acronyms) {
        String s = alias.replace('_', ' ').replace('\t', ' ').replaceAll("\\([^()]*\\)", " ").replaceAll("\\s+", " ").strip();
        if (!s.equals(s.toUpperCase(Locale.ROOT))) return s; // written in mixed case already
        String[] words = s.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) out.append(' ');
            String w = words[i];
            String bare = w.replace(".", "");
            if (acronyms.contains(bare) && !bare.matches("\\d+(ST|ND|RD|TH)") || w.contains(".") && bare.length() <= 3
                    || bare.matches("[IVX]+") && i > 0) {
                out.append(w);
                continue;
            }
            String[] parts = w.split("-", -1);
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) out.append('-');
                String part = parts[p].toLowerCase(Locale.ROOT);
                boolean lower = (i > 0 || p > 0 || words.length > 1 && ARTICLES.contains(part) && p + 1 < parts.length)
                        && (LOWER_IN_NAMES.contains(part) || ARTICLES.contains(part));
                out.append(lower || part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ bookkeeping

    void count(String rule, int n) {
        counts.merge(rule, n, Integer::sum);
    }

    void skipEntry(Entry e, String rule) {
        count(rule.replaceAll(" \\(shares .*", ""), 1);
        report.add("entry\t" + e.head() + "\t" + e.file() + ":" + e.line() + "\t" + rule);
    }

    void skipAlias(Group g, String alias, String rule) {
        count(rule, 1);
        report.add("alias\t" + alias + "\t" + g.where + " " + g.name + "\t" + rule);
    }

    static List<String[]> tsv(Path p) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            out.add(line.split("\t", -1));
        }
        return out;
    }

    String header() {
        StringBuilder h = new StringBuilder();
        h.append("""
                # sitrep named actors from the Phoenix dictionaries: phoenix-actors.tsv
                #
                # GENERATED by scripts/ImportPhoenix.java; do not edit by hand. Regenerate from the repository root,
                # after a build, with the Phoenix files in ../shared/eval/coding/dictionaries:
                #   java -cp target/sitrep.jar scripts/ImportPhoenix.java ../shared/eval/coding/dictionaries \\
                #       src/main/resources/sitrep/actors/phoenix-actors.tsv
                # (it needs an English word list, /usr/share/dict/words: Debian's wamerican package).
                # Loaded after actors.tsv: a name that actors.tsv or the country table already has is never taken
                # from here, so the hand-made entries always win.
                #
                # FORMAT: as actors.tsv, 7 TAB-separated columns:
                #   1 code     CAMEO actor code as Phoenix gives it (SYRGOV, AFGGOVAGR, IGOUNOKID, NGOHRIAMN, SYRREBMUS)
                #   2 name     the entry's name in Phoenix (several spellings of one person are merged: the first's)
                #   3 country  ISO3 of the code's country; empty for IGO and IMG codes, and NGOs without one
                #   4 sector   the code's role (GOV, MIL, REB, OPP, ELI ...); IGO, NGO; REB for IMG codes (as actors.tsv)
                #   5 from     first day the row applies (YYYY-MM-DD); empty = no lower bound
                #   6 to       first day the row NO LONGER applies (exclusive); empty = no upper bound
                #   7 aliases  names separated by "|", matched case-insensitively on whole tokens (4-6 letter acronyms
                #              in capitals only)
                #   One actor with dated roles has several rows, each with all its aliases. With no date, sitrep takes
                #   an alias's first row: the actor's undated Phoenix code comes first, as PETRARCH would code it.
                #
                # SOURCE: the Phoenix actor dictionaries of the PETRARCH2 project (Open Event Data Alliance,
                #   openeventdata): Phoenix.Countries.actors.txt (from CountryInfo.txt, Computational Event Data System
                #   Project, funded by the National Science Foundation), Phoenix.International.actors.txt,
                #   Phoenix.MilNonState.actors.txt; converted and filtered, as below. Licence (also LICENSE-phoenix.txt):
                #
                #   The MIT License (MIT)
                #
                #   Copyright (c) 2014 Open Event Data Alliance
                #
                #   Permission is hereby granted, free of charge, to any person obtaining a copy
                #   of this software and associated documentation files (the "Software"), to deal
                #   in the Software without restriction, including without limitation the rights
                #   to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
                #   copies of the Software, and to permit persons to whom the Software is
                #   furnished to do so, subject to the following conditions:
                #
                #   The above copyright notice and this permission notice shall be included in
                #   all copies or substantial portions of the Software.
                #
                #   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
                #   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
                #   FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
                #   AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
                #   LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
                #   OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
                #   THE SOFTWARE.
                #
                # CONVERSION
                #   Dates: YYYYMMDD, or YYMMDD with TABARI's century rule (YY 00-30 = 20YY, 31-99 = 19YY). [C >D] is
                #   from D, [C <D] before D, [C D1-D2] D1 to D2 both included (to = D2 + 1 day). On a day the first
                #   restricted code that covers it applies, else the entry's first undated code; the timeline this
                #   gives is cut into rows, so an undated fallback ([SYRELI]) fills the time outside the dated ranges.
                """);
        h.append("#   Open-ended restrictions [C >D] end on ").append(SNAPSHOT)
                .append(", the day after the newest date the files hold: they cannot know\n")
                .append("#   who left office afterwards (after it, the undated fallback applies, if any).\n");
        h.append("""
                #   Names: '_' to spaces, TABARI's whole-word marks dropped (sitrep matches whole tokens), parenthesised
                #   parts removed ("(AAIA)" becomes an alias of its own), a leading "the" dropped.
                #
                # FILTERS (quality before coverage; counts from the run that wrote this file)
                #   Codes kept: ISO3 country + a role of roles.tsv (SYRGOV, SYRGOVAGR, SYRREBMUS), IGO..., NGO..., IMG...,
                #   as Phoenix writes them (a defence minister stays SYRGOVMIL, sector GOV); CAMEO's TMP is written TLS.
                #   Skipped: bare country codes (the country blocks, which list capitals, cities such as KOBANE or
                #   YABROUD and nicknames such as THE_GRAVEYARD_OF_EMPIRES: countries come from the gazetteer),
                #   corporations (MNC), regional prefixes without a home country (WEU, SAS, MEA ...), roles alone (ELI),
                #   compound codes (A/B), the null code [---], unreadable dates. A span with such a code gets no row.
                #   Entries sharing any name with actors.tsv are skipped whole (ours has them, with our dates).
                #   Aliases skipped: malformed or odd characters; 1-3 letters; longer than the matcher's 9 tokens; place
                #   names the gazetteer finds and demonyms; single words of the English word list (ordinary words, and
                #   names such as "Hussein", "Yahweh"), unless acronyms; for organisations, phrases of ordinary words
                #   with at most two content words ("Black Star", "Security Council"), and a country's institutions or
                #   groups in ordinary words that do not name the country ("National Security Council", "National
                #   Liberation Army": other countries have one); common names (two words, each
                #   in 50+ Phoenix actors' names: "Abdul Ali"); names of several Phoenix actors with different rows;
                #   single words that are part of another actor's name ("Abdullah").
                #   At load time an alias the country table or actors.tsv already has is skipped, and a one-word name
                #   from here followed by another proper noun ("Amit Shah") is not taken as this actor.
                #
                """);
        for (var c : counts.entrySet()) h.append(String.format("#   %7d  %s%n", c.getValue(), c.getKey()));
        h.append("#\n# code\tname\tcountry\tsector\tfrom\tto\taliases\n");
        return h.toString();
    }
}
