package sitrep.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publication date an article prints at its head, for articles that reach the pipeline without one: wire
 * datelines ("DAMASCUS, April 4 (Reuters) -", "BEIRUT, Sept 14 (AFP) —") and the date lines of news sites
 * ("Wed 05 Apr 2017 10.12 BST", "Sunday 4 April 2017", "Posted on April 4 2017", "Last updated at Apr 232017",
 * "Date of publication 5 July 2016", "24.08.2013", "2017-04-04", "April 4, 2017").
 *
 * <p>Only the first {@link #HEAD} characters are read. A date is written as
 * <ul>
 *   <li>words, day first or month first: "4 April 2017", "05 Apr 2017", "4th of April, 2017", "April 4, 2017",
 *       "Sept. 14 2017", "Apr 232017" (the day glued to the year, as some sites print it); month names are English,
 *       full or abbreviated, capitalised or in capitals ("may" in lower case is a verb). Without a year
 *       ("April 4", "14 September") it needs another dateline in the head for its year (below);</li>
 *   <li>numbers with a four-digit year: year first ("2017-04-04", "2017/04/04", "2017.04.04"); day first with dots
 *       or dashes, as European and Middle-Eastern outlets write it ("24.08.2013", "15-09-2013"); with slashes only
 *       when the order cannot be mistaken ("13/04/2017", "04/13/2017"; "04/05/2017" is refused).</li>
 * </ul>
 * A date found there is taken as the dateline only where it looks like one, not like a date in running prose:
 * <ul>
 *   <li><b>start</b>: with its year, it begins the text (nothing but spaces and punctuation before it; a yearless
 *       "March 15" opening a text is more often a headline's);</li>
 *   <li><b>line</b>: with its year, it is a line of its own, perhaps with a time ("By A. Reporter\n3 March 2024\n");
 *       a date that merely starts a line is not one, as hard-wrapped prose puts dates there;</li>
 *   <li><b>cue</b>: it follows "Posted", "Published", "First published", "Updated", "Last updated", "Last modified",
 *       "Date of publication", "Publication date" or "Date" (capitalised), optionally with "on"/"at", a weekday
 *       and a time between ("Published 5:04 PM EDT April 4, 2017");</li>
 *   <li><b>weekday</b>: a weekday precedes it ("AFP Friday 15 Jul 2016", "Mon Oct 31 2016"), itself not after a
 *       lower-case word (US prose: "died Thursday, March 5, 2009") nor, but for a word in capitals ("BEIRUT,
 *       Monday 4 April 2017"), after a comma (a caption's "in Kessel, Veldoria, Monday March 23, 2009");</li>
 *   <li><b>wire</b>: an agency in parentheses or a dash follows it ("April 4 (Reuters) -", "April 4, 2017 —");</li>
 *   <li><b>time</b>: a clock time follows it ("05 Apr 2017 10.12 BST", "21 April 2017 18:32");</li>
 *   <li><b>numeric</b>: it is written in numbers, which English prose does not do.</li>
 * </ul>
 * The last three are refused after a lower-case word, a preposition or a determiner ("on", "since", "by", "of",
 * "the", ...): "killed on Sunday 14 September 2014 10:00", "talks broke down after April 4, 2017 - the day...",
 * "notes due March 31, 1994" are prose (see {@link #position}). A date in a first sentence such as "On 14 September
 * the army..." is therefore never a dateline. Dates do not run across line breaks. The earliest accepted date wins.
 * A weekday date after a capitalised word is taken, as AP's photo captions write it too ("in downtown Kessel
 * Saturday, August 22, 2020."): such a date in a text's head is seldom far from its publication. A
 * dateline without a year takes its year from the nearest other dateline in the head that has one (of the three
 * candidate years, the one that puts it closest to that date, so "January 2" beside "December 30, 2016" is 2017);
 * with none, the article stays undated: the year is never guessed from the clock, nor taken from a date in prose.
 */
public final class Dateline {
    /** How many characters of the text's head are read. */
    public static final int HEAD = 300;

    /** A dateline: its date, its span in the text and the rule that accepted it (start, cue, weekday, ...). */
    public record Found(LocalDate date, int start, int end, String rule) {
    }

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?\\b";
    private static final String YEAR = "((?:19|20)\\d{2})(?!\\d)";
    private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\\b\\.?";
    /** Spaces within a line: a date split over two lines of hard-wrapped prose is no dateline. */
    private static final String SP = "[ \\t\\u00A0]+";
    private static final String CLOCK = "(?:[01]?\\d|2[0-3])[:.][0-5]\\d(?!\\d)";
    private static final String TIME = CLOCK + "(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s+[A-Z]{2,4}\\b)?";

    private enum Form { DMY, MDY, MDY_GLUED, DM, MD, ISO, DAY_FIRST, SLASH }

    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<!\\d)" + DAY + SP + "(?:of" + SP + ")?" + MONTH + "," + "?" + SP + YEAR, CI), // DMY
            Pattern.compile("\\b" + MONTH + SP + DAY + ",?" + SP + YEAR, CI),                      // MDY
            Pattern.compile("\\b" + MONTH + SP + "(\\d{1,2})" + YEAR, CI),                          // MDY_GLUED
            Pattern.compile("(?<!\\d)" + DAY + SP + "(?:of" + SP + ")?" + MONTH, CI),                 // DM
            Pattern.compile("\\b" + MONTH + SP + DAY, CI),                                          // MD
            Pattern.compile("(?<![\\d.-])((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\d])"),  // ISO
            Pattern.compile("(?<![\\d.-])(\\d{1,2})([.-])(\\d{1,2})\\2((?:19|20)\\d{2})(?!\\d)"),    // DAY_FIRST
            Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})(?!\\d)"));           // SLASH

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** Words after which a date is prose, not a dateline: "on 4 April 2017", "since Sunday 14 September 2014". */
    private static final Set<String> PROSE = Set.of("on", "since", "until", "till", "by", "from", "to", "before", "after", "of",
            "between", "and", "or", "through", "in", "at", "during", "last", "next", "this", "that", "than", "as", "for",
            "around", "about", "early", "late", "mid", "every", "each", "the");

    private static final Pattern CUE_BEFORE = Pattern.compile("(?:^|[^\\p{L}])(posted|published|first published|updated|last updated"
            + "|last modified|date of publication|publication date|date)[\\s:,.|-]*(?:(?:on|at)\\b[\\s:,-]*)?(?:" + WEEKDAY
            + ",?\\s+)?(?:" + TIME + "[\\s,|-]*)?$", CI);
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(?:^|[^\\p{L}])(" + WEEKDAY + ")(?:,\\s*|\\s+)$", CI);
    /** On the date's line: an agency in parentheses, or a dash with space before it ("April 4 -", not "October 8-9"). */
    private static final Pattern WIRE_AFTER = Pattern.compile("^,?(?:[ \\t]*\\([ \\t]*\\p{Lu}[^()\\n]{0,40}\\)"
            + "|[ \\t]+-{1,2}(?=\\s)|[ \\t]*[\u2013\u2014](?=\\s|\\p{Lu}))");
    /** A clock time right after the date, on its line ("10.12 BST", "18:32"; not "at 11:00", which is prose). */
    private static final Pattern TIME_AFTER = Pattern.compile("^,?[ \\t]+(?:" + CLOCK + "|(?:1[0-2]|0?\\d)[ \\t]*[ap]\\.?m\\b)", CI);
    /** The rest of a line that holds nothing but the date (and perhaps a time and zone). */
    private static final Pattern ALONE = Pattern.compile("[ \\t]*(?:[,|\u2013\u2014-][ \\t]*)?(?:" + TIME + ")?[ \\t]*");
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)([^\\p{L}]*)$");

    private record Candidate(int start, int end, Form form, int year, int month, int day) {
        boolean hasYear() {
            return year > 0;
        }
    }

    private Dateline() {
    }

    /** The dateline's date, or null when the head has none (or only one without a year and no year beside it). */
    public static LocalDate read(String text) {
        Found f = find(text);
        return f == null ? null : f.date();
    }

    /** The dateline, or null. */
    public static Found find(String text) {
        if (text == null || text.isEmpty()) return null;
        String head = text.substring(0, Math.min(HEAD, text.length()));
        List<Candidate> datelines = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Candidate c : candidates(head)) {
            String rule = rule(text, head, c);
            if (rule == null) continue;
            datelines.add(c);
            rules.add(rule);
        }
        if (datelines.isEmpty()) return null;
        Candidate first = datelines.get(0);
        LocalDate date = first.hasYear() ? date(first.year, first.month, first.day) : withYearBeside(first, datelines);
        return date == null ? null : new Found(date, first.start, first.end, rules.get(0));
    }

    /** Every date written in the head, in text order, overlaps resolved in favour of the longer one. */
    private static List<Candidate> candidates(String head) {
        List<Candidate> all = new ArrayList<>();
        for (Form form : Form.values()) {
            Matcher m = PATTERNS.get(form.ordinal()).matcher(head);
            while (m.find()) {
                Candidate c = candidate(form, m);
                if (c != null) all.add(c);
            }
        }
        all.sort(Comparator.comparingInt(Candidate::start).thenComparing(c -> -(c.end - c.start)));
        List<Candidate> out = new ArrayList<>();
        int covered = 0;
        for (Candidate c : all) {
            if (c.start < covered) continue;
            out.add(c);
            covered = c.end;
        }
        return out;
    }

    private static Candidate candidate(Form form, Matcher m) {
        int s = m.start(), e = m.end();
        switch (form) {
            case DMY, DM -> {
                if (!capitalised(m.group(2))) return null;
                int y = form == Form.DMY ? Integer.parseInt(m.group(3)) : 0;
                return valid(new Candidate(s, e, form, y, month(m.group(2)), Integer.parseInt(m.group(1))));
            }
            case MDY, MDY_GLUED, MD -> {
                if (!capitalised(m.group(1))) return null;
                int y = form == Form.MD ? 0 : Integer.parseInt(m.group(3));
                return valid(new Candidate(s, e, form, y, month(m.group(1)), Integer.parseInt(m.group(2))));
            }
            case ISO -> {
                return valid(new Candidate(s, e, form, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
            }
            case DAY_FIRST -> {
                return valid(new Candidate(s, e, form, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1))));
            }
            default -> {
                int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2)), y = Integer.parseInt(m.group(3));
                if (a > 12 && b <= 12) return valid(new Candidate(s, e, form, y, b, a));
                if (b > 12 && a <= 12 || a == b) return valid(new Candidate(s, e, form, y, a, b));
                return null; // 04/05/2017: April 5 or 4 May, not ours to guess
            }
        }
    }

    /** The candidate when its day and month make a date (any leap year for one without a year), else null. */
    private static Candidate valid(Candidate c) {
        return date(c.hasYear() ? c.year : 2000, c.month, c.day) == null ? null : c;
    }

    /** Why {@code c} is a dateline (the rule's name), or null when it is not one. */
    private static String rule(String text, String head, Candidate c) {
        String before = head.substring(0, c.start);
        String line = head.substring(head.lastIndexOf('\n', c.start - 1) + 1, c.start);
        int lineEnd = text.indexOf('\n', c.end);
        String restOfLine = text.substring(c.end, lineEnd < 0 ? text.length() : lineEnd); // the whole line, past the head
        String after = head.substring(c.end);
        // A date that merely starts the text, or a line of its own, needs its year: a yearless "March 15" opening a
        // text is more often a headline's.
        if (c.hasYear() && line.codePoints().noneMatch(Character::isLetterOrDigit)) {
            if (before.codePoints().noneMatch(Character::isLetterOrDigit)) return "start";
            if (ALONE.matcher(restOfLine).matches()) return "line";
        }
        Matcher cue = CUE_BEFORE.matcher(before);
        if (cue.find() && Character.isUpperCase(cue.group(1).charAt(0))) return "cue";
        Matcher weekday = WEEKDAY_BEFORE.matcher(before);
        if (weekday.find() && Character.isUpperCase(weekday.group(1).charAt(0))
                && position(before.substring(0, weekday.start(1)), true)) {
            return "weekday";
        }
        if (!position(before, false)) return null;
        if (WIRE_AFTER.matcher(after).find()) return "wire";
        if (TIME_AFTER.matcher(after).find()) return "time";
        return switch (c.form) {
            case ISO, DAY_FIRST, SLASH -> "numeric";
            default -> null;
        };
    }

    /**
     * Whether what precedes a date (or its weekday, for {@code weekday}) leaves it where datelines stand: nothing,
     * a number or a mark, or a word that is capitalised (a place, an outlet, an agency) and no preposition or
     * determiner. A lower-case word before it is prose ("died Thursday, March 5, 2009", "the week to Wednesday
     * February 25"). Before a comma a weekday needs a word in capitals ("BEIRUT, Monday 4 April 2017"; "Palencia,
     * Spain, Monday March 23, 2009" is a caption's prose). A weekday just before the date is looked through for the
     * word before it, against the preposition list only ("on Sunday 14 September 2014 10:00" is prose; "Print this
     * page Tuesday 19 July 2016 16:45" is not).
     */
    private static boolean position(String before, boolean weekday) {
        String p = before.stripTrailing();
        if (!weekday) {
            Matcher w = WEEKDAY_BEFORE.matcher(before);
            if (w.find() && Character.isUpperCase(w.group(1).charAt(0))) {
                Matcher m = LAST_WORD.matcher(before.substring(0, w.start(1)));
                return !(m.find() && PROSE.contains(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        Matcher m = LAST_WORD.matcher(p);
        if (!m.find()) return true;                                   // nothing but numbers and marks before it
        String word = m.group(1), between = m.group(2).strip();
        boolean comma = between.endsWith(",");                        // "Kessel, Veldoria, ...", "Home, Inc., ..."
        if (!between.isEmpty() && !comma) return true;                // "I-4. Mar. 21 --", "2159 18.05.2017"
        if (PROSE.contains(word.toLowerCase(Locale.ROOT)) || Character.isLowerCase(word.charAt(0))) return false;
        boolean capitals = word.length() > 1 && word.codePoints().noneMatch(Character::isLowerCase);
        return !(weekday && comma && !capitals);
    }

    /**
     * A yearless dateline's date, its year from the nearest other dateline with a year in the head; null when there is
     * none. Dates in prose do not lend their year: in wire copy they are as often maturities, fiscal years and
     * references years away ("LONDON, March 2 - ... a eurobond due March 31, 1994").
     */
    private static LocalDate withYearBeside(Candidate c, List<Candidate> dates) {
        Candidate other = null;
        for (Candidate d : dates) {
            if (!d.hasYear()) continue;
            if (other == null || distance(c, d) < distance(c, other)) other = d;
        }
        if (other == null) return null;
        LocalDate anchor = date(other.year, other.month, other.day);
        LocalDate best = null;
        for (int y = other.year - 1; y <= other.year + 1; y++) {
            LocalDate d = date(y, c.month, c.day);
            if (d != null && (best == null || Math.abs(ChronoUnit.DAYS.between(anchor, d)) < Math.abs(ChronoUnit.DAYS.between(anchor, best)))) {
                best = d;
            }
        }
        return best;
    }

    private static int distance(Candidate a, Candidate b) {
        return Math.abs(a.start - b.start);
    }

    private static boolean capitalised(String word) {
        return Character.isUpperCase(word.charAt(0));
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }

    private static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
