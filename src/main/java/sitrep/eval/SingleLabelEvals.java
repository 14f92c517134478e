package sitrep.eval;

import sitrep.model.Event;
import sitrep.model.Place;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the PLOVER, CASE 2021 and FA-KES scorers read off a coded article. Kept apart from the command so the
 * choices (which event counts, what label it gives) are testable on hand-built events without CoreNLP.
 */
public final class SingleLabelEvals {
    private SingleLabelEvals() {
    }

    public static final String NONE = "none";
    /** CAMEO roots of verbal interaction that the CASE task files as diplomacy rather than political violence. */
    private static final Set<String> DIPLOMATIC_ROOTS = Set.of("02", "03", "04", "05", "06", "07", "08", "09",
            "10", "11", "12", "13", "16");
    private static final Set<String> TERRITORIAL = Set.of("Government regains territory", "Non-state actor overtakes territory");
    private static final Set<String> VIOLENT_ROOTS = Set.of("18", "19", "20");

    /** PLOVER: the top event that is not a statement; its PLOVER type, or "none". */
    public static String ploverType(List<Event> events) {
        return TopEvents.top(events, e -> TopEvents.notStatement(e) && e.plover() != null && e.plover().type() != null)
                .map(e -> e.plover().type()).orElse(NONE);
    }

    /** The country (ISO3) of the top event's source actor, or "none". */
    public static String sourceCountry(List<Event> events) {
        Optional<Event> top = TopEvents.top(events, e -> TopEvents.notStatement(e) && e.plover() != null && e.plover().type() != null);
        if (top.isEmpty() || top.get().source() == null) return NONE;
        var s = top.get().source();
        if (s.country() != null) return s.country();
        return s.code() != null && s.code().length() >= 3 ? s.code().substring(0, 3) : NONE;
    }

    /**
     * CASE 2021: the ACLED sub-event type of the top event in ACLED's scope, as the task's label; without one,
     * DIPLO when the text codes verbal or cooperative interaction, else "none".
     */
    public static String caseLabel(List<Event> events, Map<String, String> labels) {
        Map<String, String> bySubType = new HashMap<>();
        for (var e : labels.entrySet()) if (!e.getValue().isEmpty()) bySubType.put(e.getValue(), e.getKey());
        // ACLED codes a battle that changes who holds ground by its outcome, so territorial events come first.
        Optional<Event> top = TopEvents.top(events, e -> e.acled() != null && TERRITORIAL.contains(e.acled().subEventType()));
        if (top.isEmpty()) top = TopEvents.top(events, e -> e.acled() != null && bySubType.containsKey(e.acled().subEventType()));
        if (top.isPresent()) return bySubType.get(top.get().acled().subEventType());
        boolean diplomatic = events.stream().anyMatch(e -> e.cameo() != null && DIPLOMATIC_ROOTS.contains(e.cameo().root()));
        return diplomatic && labels.containsKey("DIPLO") ? "DIPLO" : NONE;
    }

    /**
     * FA-KES: the main violent event (CAMEO roots 18-20). A news article leads with its main event, so this is the
     * first asserted violent event in the text (negated, future or hypothetical ones only when there is no other).
     */
    public static Optional<Event> mainViolent(List<Event> events) {
        return events.stream().filter(e -> e.cameo() != null && VIOLENT_ROOTS.contains(e.cameo().root()))
                .min(java.util.Comparator.comparing((Event e) -> !"asserted".equals(e.modality()))
                        .thenComparingInt(e -> e.evidence() == null ? Integer.MAX_VALUE : e.evidence().trigger().start()));
    }

    /** Whether a day-precise event date lies within a day of the gold date. */
    public static boolean withinADay(String date, String precision, LocalDate gold) {
        if (date == null || gold == null || !"day".equals(precision)) return false;
        try {
            return Math.abs(ChronoUnit.DAYS.between(gold, LocalDate.parse(date))) <= 1;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    /**
     * The governorate key of the main event's place; when it has none, the Syrian governorate the article's
     * places fall in most often (ties: the first named), since FA-KES files each article under one governorate.
     */
    public static String governorate(Optional<Event> main, List<Place> places) {
        if (main.isPresent() && main.get().location() != null && main.get().location().admin1() != null
                && "SYR".equals(main.get().location().country())) {
            return GoldFiles.governorate(main.get().location().admin1());
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Place p : places) {
            if (p.kind() == sitrep.model.PlaceKind.EMBEDDED) continue; // "Aleppo University" in a report from Idlib
            if ("SYR".equals(p.country()) && p.admin1() != null) counts.merge(GoldFiles.governorate(p.admin1()), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(NONE);
    }

    static String lower(String s) {
        return s == null ? NONE : s.toLowerCase(Locale.ROOT);
    }
}
