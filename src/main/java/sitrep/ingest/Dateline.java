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
 *       ("April 4", "14 September") it needs another date in the head for its year (below);</li>
 *   <li>numbers with a four-digit year: year first ("2017-04-04", "2017/04/04", "2017.04.04"); day first with dots
 *       or dashes, as European and Middle-Eastern outlets write it ("24.08.2013", "15-09-2013"); with slashes only
 *       when the order cannot be mistaken ("13/04/2017", "04/13/2017"; "04/05/2017" is refused).</li>
 * </ul>
 * A date found there is taken as the dateline only where it looks like one, not like a date in running prose:
 * <ul>
 *   <li><b>start</b>: with its year, it begins the text or one of its lines (nothing but spaces and punctuation
 *       before it; a yearless "March 15" opening a text is more often a headline's);</li>
 *   <li><b>cue</b>: it follows "Posted", "Published", "First published", "Updated", "Last updated", "Last modified",
 *       "Date of publication", "Publication date" or "Date" (capitalised), optionally with "on"/"at", a weekday
 *       and a time between ("Published 5:04 PM EDT April 4, 2017");</li>
 *   <li><b>weekday</b>: a weekday precedes it ("AFP Friday 15 Jul 2016", "Mon Oct 31 2016");</li>
 *   <li><b>wire</b>: an agency in parentheses or a dash follows it ("April 4 (Reuters) -", "April 4, 2017 —");</li>
 *   <li><b>time</b>: a clock time follows it ("05 Apr 2017 10.12 BST", "21 April 2017 18:32");</li>
 *   <li><b>numeric</b>: it is written in numbers, which English prose does not do.</li>
 * </ul>
 * The last four are refused after a preposition or determiner ("on", "since", "by", "of", "last", ...): "killed
 * on Sunday 14 September 2014", "the attack of 4 April 2017 (local time)" are prose. A date in a first sentence
 * such as "On 14 September the army..." is therefore never a dateline. The earliest accepted date wins. A
 * dateline without a year takes its year from the nearest other date with a year in the head (of the three
 * candidate years, the one that puts it closest to that date, so "January 2" beside "December 30, 2016" is 2017);
 * with none, the article stays undated: the year is never guessed from the clock.
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
    private static final String TIME = "\\d{1,2}[:.]\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s+[A-Z]{2,4}\\b)?";

    private enum Form { DMY, MDY, MDY_GLUED, DM, MD, ISO, DAY_FIRST, SLASH }

    private static final int CI = Pattern.CASE_INSENSITIVE;
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?<!\\d)" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR, CI),   // DMY
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR, CI),                  // MDY
            Pattern.compile("\\b" + MONTH + "\\s+(\\d{1,2})" + YEAR, CI),                          // MDY_GLUED
            Pattern.compile("(?<!\\d)" + DAY + "\\s+(?:of\\s+)?" + MONTH, CI),                     // DM
            Pattern.compile("\\b" + MONTH + "\\s+" + DAY, CI),                                     // MD
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
    private static final Pattern WIRE_AFTER = Pattern.compile("^,?\\s*(?:\\(\\s*\\p{Lu}[^()\\n]{0,40}\\)|-{1,2}(?=\\s)|[\u2013\u2014])");
    private static final Pattern TIME_AFTER = Pattern.compile("^,?\\s+(?:at\\s+)?(?:\\d{1,2}[:.]\\d{2}(?!\\d)|\\d{1,2}\\s*[ap]\\.?m\\b)", CI);
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)[\\s,]*$");

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
        List<Candidate> dates = candidates(head);
        for (Candidate c : dates) {
            String rule = rule(head, c);
            if (rule == null) continue;
            LocalDate date = c.hasYear() ? date(c.year, c.month, c.day) : withYearBeside(c, dates);
            return date == null ? null : new Found(date, c.start, c.end, rule);
        }
        return null;
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
    private static String rule(String head, Candidate c) {
        int lineStart = head.lastIndexOf('\n', c.start - 1) + 1;
        String before = head.substring(lineStart, c.start);
        String after = head.substring(c.end);
        // A date alone at the start needs its year: a yearless "March 15" opening a text is more often a headline's.
        if (c.hasYear() && before.codePoints().noneMatch(Character::isLetterOrDigit)) return "start";
        Matcher cue = CUE_BEFORE.matcher(before);
        if (cue.find() && Character.isUpperCase(cue.group(1).charAt(0))) return "cue";
        Matcher weekday = WEEKDAY_BEFORE.matcher(before);
        if (weekday.find() && Character.isUpperCase(weekday.group(1).charAt(0))) {
            return prose(before.substring(0, weekday.start(1))) ? null : "weekday";
        }
        if (prose(before)) return null;
        if (WIRE_AFTER.matcher(after).find()) return "wire";
        if (TIME_AFTER.matcher(after).find()) return "time";
        return switch (c.form) {
            case ISO, DAY_FIRST, SLASH -> "numeric";
            default -> null;
        };
    }

    /** True when the text before a date ends with a preposition or determiner, as prose introduces dates. */
    private static boolean prose(String before) {
        Matcher m = LAST_WORD.matcher(before);
        return m.find() && PROSE.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** A yearless dateline's date, its year from the nearest date with a year in the head; null when there is none. */
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
