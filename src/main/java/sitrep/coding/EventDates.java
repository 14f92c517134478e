package sitrep.coding;

import sitrep.nlp.Sentence;
import sitrep.nlp.TimeExpression;
import sitrep.nlp.Token;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static sitrep.coding.Graph.lemma;

/**
 * When the act happened: a time expression attached to the trigger, else the sentence's only date, else the
 * publication date flagged as such. Rule discourse-dates: relative references ("two days later", "the same day",
 * "the previous month") count from the date the text last gave, not from the publication date, and a bare weekday
 * of a past act is the last such day on or before publication. Rule background: acts over a year old are out of
 * scope, and undated background acts ("those who took Aleppo", "had captured") get no date.
 */
final class EventDates {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY,
            "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY,
            "saturday", DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);

    /** Words that may stand with a weekday in "on Tuesday", "last Friday", "Tuesday morning". */
    private static final Set<String> WEEKDAY_COMPANIONS = Set.of("on", "last", "morning", "afternoon", "evening", "night");
    private static final Pattern SEASON = Pattern.compile("\\d{4}-(SP|SU|FA|WI)");

    private final CoderSettings settings;
    private final TriggerLexicon lexicon;

    EventDates(CoderSettings settings, TriggerLexicon lexicon) {
        this.settings = settings;
        this.lexicon = lexicon;
    }

    void date(Candidate c, Discourse d) {
        Sentence s = c.sentence;
        LocalDate published = d.published;
        if (settings.on(CodingRule.DISCOURSE_DATES)) {
            String relative = relative(s, c.head(), d);
            if (relative != null) {
                set(c, relative, "text");
                return;
            }
        }
        TimeExpression chosen = null;
        int bestDist = Integer.MAX_VALUE;
        for (TimeExpression t : s.times()) {
            if (dayOrCoarser(t.value()) == null) continue;
            if (t.firstToken() > 0 && s.token(t.firstToken() - 1).lemma().equals("since")) continue;
            int dist = Integer.MAX_VALUE;
            for (int i = t.firstToken(); i <= t.lastToken(); i++) dist = Math.min(dist, Graph.pathLength(s, i, c.head(), 4));
            if (dist < bestDist) {
                bestDist = dist;
                chosen = t;
            }
        }
        if (chosen != null) {
            String v = dayOrCoarser(chosen.value());
            if (settings.on(CodingRule.DISCOURSE_DATES)) v = pastWeekday(s, chosen, c, published, v);
            set(c, v, "text");
            return;
        }
        if (settings.on(CodingRule.BACKGROUND)) {
            String why = pastBackground(c);
            if (why != null) {
                c.drop(CodingRule.BACKGROUND, why);
                return;
            }
            if (background(c)) {
                c.background = true;
                return;
            }
        }
        if (published != null) set(c, published.toString(), "published");
    }

    /**
     * A TIMEX value as a day, month or year: "2018-02-27" as it is, "2018-02-27TMO" (Tuesday morning) or
     * "2018-02-27T14:00" as its day, "2017-FA" (in the autumn) as its year; null for what names no such span (a week,
     * a duration, a reference such as PAST_REF).
     */
    static String dayOrCoarser(String value) {
        if (value == null) return null;
        // "at 0700 EDT" comes back as the year 700: a year before 1000 is a clock time, never a news date.
        if (value.length() >= 4 && value.charAt(0) == '0' && Character.isDigit(value.charAt(1))) return null;
        if (ISO_DATE.matcher(value).matches()) return value;
        if (value.length() > 10 && value.charAt(10) == 'T' && ISO_DATE.matcher(value.substring(0, 10)).matches()) return value.substring(0, 10);
        if (SEASON.matcher(value).matches()) return value.substring(0, 4);
        return null;
    }

    private static void set(Candidate c, String v, String source) {
        c.date = v;
        c.datePrecision = v.length() == 10 ? "day" : v.length() == 7 ? "month" : "year";
        c.dateSource = source;
    }

    /**
     * "on Tuesday" for an act in the past tense is the Tuesday on or before publication; SUTime may give the one
     * after it. Future acts keep SUTime's reading.
     */
    private static String pastWeekday(Sentence s, TimeExpression t, Candidate c, LocalDate published, String value) {
        if (published == null || value.length() != 10 || "future".equals(c.modality)) return value;
        DayOfWeek day = null;
        for (int i = t.firstToken(); i <= t.lastToken(); i++) {
            DayOfWeek w = WEEKDAYS.get(s.token(i).word().toLowerCase(Locale.ROOT));
            if (w != null) day = w;
            else if (!WEEKDAY_COMPANIONS.contains(s.token(i).word().toLowerCase(Locale.ROOT))) return value;
        }
        if (day == null) return value;
        try {
            LocalDate v = LocalDate.parse(value);
            if (!v.isAfter(published)) return value;
        } catch (DateTimeParseException e) {
            return value;
        }
        return published.with(TemporalAdjusters.previousOrSame(day)).toString();
    }

    /**
     * "two days later", "the next day", "the same day", "a week earlier", "the previous month": the date counted from
     * the one the text last gave (in this sentence before the trigger, or an earlier one), or null when the
     * sentence has no such reference near the trigger or no date was given yet.
     */
    private static String relative(Sentence s, int trigger, Discourse d) {
        for (int i = 0; i < s.size(); i++) {
            String w = s.token(i).word().toLowerCase(Locale.ROOT);
            int offsetDays = 0, offsetMonths = 0;
            boolean found = false;
            int anchorEnd = i;
            if ((w.equals("later") || w.equals("earlier") || w.equals("after") || w.equals("before")) && i >= 2) {
                String unit = s.token(i - 1).lemma().toLowerCase(Locale.ROOT);
                Integer n = count(s.token(i - 2));
                int sign = w.equals("later") || w.equals("after") ? 1 : -1;
                if (n != null && (unit.equals("day") || unit.equals("week") || unit.equals("month"))) {
                    found = true;
                    if (unit.equals("day")) offsetDays = sign * n;
                    else if (unit.equals("week")) offsetDays = sign * 7 * n;
                    else offsetMonths = sign * n;
                }
            } else if ((w.equals("next") || w.equals("following") || w.equals("previous") || w.equals("same")) && i + 1 < s.size()
                    && i > 0 && s.token(i - 1).word().equalsIgnoreCase("the")) {
                String unit = s.token(i + 1).word().toLowerCase(Locale.ROOT);
                int sign = w.equals("previous") ? -1 : w.equals("same") ? 0 : 1;
                if (unit.equals("day") || unit.equals("night") || unit.equals("morning") || unit.equals("evening")) {
                    found = true;
                    offsetDays = sign;
                } else if (unit.equals("week")) {
                    found = true;
                    offsetDays = 7 * sign;
                } else if (unit.equals("month")) {
                    found = true;
                    offsetMonths = sign;
                }
                anchorEnd = i + 1;
            }
            if (!found || Graph.pathLength(s, Math.min(anchorEnd, s.size() - 1), trigger, 5) > 5 && Graph.pathLength(s, i, trigger, 5) > 5) continue;
            String anchor = d.lastDate;
            if (anchor == null) return null;
            try {
                if (anchor.length() == 10) {
                    LocalDate a = LocalDate.parse(anchor);
                    LocalDate v = offsetMonths != 0 ? a.plusMonths(offsetMonths) : a.plusDays(offsetDays);
                    return offsetMonths != 0 ? v.toString().substring(0, 7) : v.toString();
                }
                if (anchor.length() == 7 && offsetMonths != 0) {
                    return LocalDate.parse(anchor + "-01").plusMonths(offsetMonths).toString().substring(0, 7);
                }
            } catch (DateTimeParseException e) {
                return null;
            }
            return null;
        }
        return null;
    }

    private static Integer count(Token t) {
        Integer n = NUMBERS.get(t.word().toLowerCase(Locale.ROOT));
        if (n != null) return n;
        try {
            return Integer.parseInt(t.word());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Undated background that is out of scope: an act marked as past ("previously", "in the past", "formerly"). Returns why, or null. */
    private String pastBackground(Candidate c) {
        Sentence s = c.sentence;
        for (var dep : s.children(c.head())) {
            String rel = dep.baseRelation();
            String l = lemma(s, dep.dependent());
            if ((rel.equals("advmod") || rel.equals("obl")) && lexicon.cues("background-adverb").contains(l)) {
                return "told as past ('" + s.token(dep.dependent()).word() + "')";
            }
        }
        return null;
    }

    /** Background told without a date: a relative clause that says who someone is ("those who took Aleppo"). */
    private static boolean background(Candidate c) {
        Sentence s = c.sentence;
        if (!c.verb()) return false;
        List<String> aux = Graph.auxiliaries(s, c.head());
        // "had captured", "had been urging": past perfect with no date of its own tells what came before the story,
        // except in reported speech, where it is the report's tense moved back ("the RSF said its fighters had seized
        // the palace" reports "have seized": the news of the day).
        for (var dep : s.children(c.head())) {
            if (dep.baseRelation().startsWith("aux") && Graph.word(s, dep.dependent()).equals("had")) return c.attribution == null;
        }
        // A relative clause in the simple past ("who took Aleppo", "which struck in 2015") describes someone or something.
        return Graph.relationToHead(s, c.head()).equals("acl") && s.token(c.head()).pos().equals("VBD") && aux.isEmpty();
    }

    /**
     * "Ankara has been a prominent backer of the opposition since late 2011, arming rebel groups": an act its own
     * clause (or a clause it is coordinated with or subordinate to) says has gone on since a date over the background
     * window before publication is a standing state, not an event. The "since" phrase must qualify a clause
     * ("obl:since"); "the deadliest attack since 2015" compares, and a superlative or ordinal predicate is left alone.
     * An act the text dates itself ("and on Tuesday launched airstrikes") is that day's, whatever its clause's state.
     * The span counts from the start of the "since" date (a year from its 1 January), as a state began then; compare
     * {@link #tooOld}, where a dated act counts from the end of its period. Returns the time's text, or null.
     */
    String ongoingSince(Candidate c, LocalDate published) {
        if (published == null || "text".equals(c.dateSource)) return null;
        Sentence s = c.sentence;
        Set<String> rankWords = lexicon.cues("rank-word");
        int node = c.head();
        for (int hops = 0; hops < 3 && node >= 0; hops++) {
            if (Graph.ranked(s, node, rankWords)) return null;
            for (var d : s.children(node)) {
                if (!d.relation().equals("obl:since")) continue;
                for (TimeExpression t : s.times()) {
                    if (d.dependent() < t.firstToken() || d.dependent() > t.lastToken()) continue;
                    String day = dayOrCoarser(t.value());
                    if (day == null) continue;
                    try {
                        LocalDate start = LocalDate.parse(day.length() == 4 ? day + "-01-01" : day.length() == 7 ? day + "-01" : day);
                        if (ChronoUnit.DAYS.between(start, published) > settings.backgroundDays()) return t.text();
                    } catch (DateTimeParseException e) {
                        // not a calendar date
                    }
                }
            }
            node = Graph.clauseAbove(s, node);
        }
        return null;
    }


    /** Whether a dated act lies more than the setting's days before publication (out of scope). */
    boolean tooOld(Candidate c, LocalDate published) {
        if (published == null || c.date == null || !"text".equals(c.dateSource)) return false;
        try {
            String v = c.date;
            // A month or year counts from its last day: "last year" in January is still within twelve months.
            LocalDate end = v.length() == 10 ? LocalDate.parse(v) : v.length() == 7 ? LocalDate.parse(v + "-01").plusMonths(1).minusDays(1)
                    : LocalDate.parse(v + "-12-31");
            return ChronoUnit.DAYS.between(end, published) > settings.backgroundDays();
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
