package sitrep.merge;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Mentions merged into events in memory, in arrival order, exactly as the store merges them when an ingest saves
 * the same mentions in the same order: the same candidate lookup ({@link #lookedUp}, the in-memory twin of the
 * store's candidate query), candidates in id order (the store's tie-break), {@link Merger} to decide and
 * {@link EventFold} to fold. The Spark job's merge stage runs one of these per block ({@link MergeBlocks}).
 */
public final class SequentialMerge {
    /** The widest distance the store's lookup reaches for located events, short of "same country". */
    public static final double LOOKUP_KM = 500;

    /** A mention as it arrives: the article it comes from and its event in the extract format's JSON. */
    public record Mention(String articleId, String url, String outlet, ObjectNode event) {
        public String id() {
            return event.path("id").asText();
        }
    }

    /** A mention as merged: the event it joined (or started) and why. */
    public record Merged(Mention mention, String eventId, String reason) {
    }

    /** An event as merged so far: its JSON (the first mention's, with merged fields), disagreements, mentions. */
    public static final class MergedEvent {
        private final String id;
        private final ObjectNode json;
        private final ObjectNode disagreements = JsonNodeFactory.instance.objectNode();
        private final List<Merged> mentions = new ArrayList<>();
        private EventKey key;

        private MergedEvent(String id, ObjectNode json) {
            this.id = id;
            this.json = json;
            this.key = EventKey.of(json);
        }

        public String id() {
            return id;
        }

        public ObjectNode json() {
            return json;
        }

        public ObjectNode disagreements() {
            return disagreements;
        }

        public List<Merged> mentions() {
            return List.copyOf(mentions);
        }

        public int numMentions() {
            return mentions.size();
        }

        public int numArticles() {
            Set<String> articles = new HashSet<>();
            for (Merged m : mentions) articles.add(m.mention().articleId());
            return articles.size();
        }

        /** Distinct outlets; an article with none counts as its own, as the store counts them. */
        public int numSources() {
            Set<String> outlets = new HashSet<>();
            for (Merged m : mentions) outlets.add(m.mention().outlet() != null ? m.mention().outlet() : "article:" + m.mention().articleId());
            return outlets.size();
        }
    }

    private final Merger merger = new Merger();
    private final Map<String, MergedEvent> events = new LinkedHashMap<>();
    /** Events by family (root, modality, PLOVER type), then by first day, as the store's lookup narrows them. */
    private final Map<List<String>, TreeMap<LocalDate, List<MergedEvent>>> byStart = new HashMap<>();

    /** Merges one mention: into the best candidate event {@link Merger} accepts, else as a new event. */
    public Merged add(Mention m) {
        ObjectNode json = m.event().deepCopy();
        EventKey key = EventKey.of(json);
        Optional<Merger.Decision> decision = key.dateStart() == null ? Optional.empty() : merger.decide(key, candidates(key));
        Merged merged;
        if (decision.isPresent()) {
            MergedEvent e = events.get(decision.get().eventId());
            merged = new Merged(m, e.id, decision.get().reason());
            e.mentions.add(merged);
            unindex(e);
            EventFold.fold(e.json, e.disagreements, json, decision.get().swapped());
            e.key = EventKey.of(e.json);
            index(e);
        } else {
            MergedEvent e = new MergedEvent(m.id(), json);
            merged = new Merged(m, e.id, "new event");
            e.mentions.add(merged);
            events.put(e.id, e);
            index(e);
        }
        return merged;
    }

    /** The outlet that published an article, as the store counts sources: its source name, else its URL's host. */
    public static String outlet(String source, String url) {
        if (source != null && !source.isBlank()) return source;
        return sitrep.ingest.ArticleReader.host(url);
    }

    /** The events in the order they were started. */
    public List<MergedEvent> events() {
        return List.copyOf(events.values());
    }

    private static List<String> family(EventKey k) {
        return java.util.Arrays.asList(k.cameoRoot(), k.modality(), k.ploverType());
    }

    private void index(MergedEvent e) {
        if (e.key.dateStart() == null) return; // never a candidate: the store's date condition fails on null
        byStart.computeIfAbsent(family(e.key), f -> new TreeMap<>()).computeIfAbsent(e.key.dateStart(), d -> new ArrayList<>()).add(e);
    }

    private void unindex(MergedEvent e) {
        if (e.key.dateStart() == null) return;
        TreeMap<LocalDate, List<MergedEvent>> days = byStart.get(family(e.key));
        List<MergedEvent> day = days.get(e.key.dateStart());
        day.remove(e);
        if (day.isEmpty()) days.remove(e.key.dateStart());
    }

    /** What the store's lookup returns for {@code key}, in its order (event id). */
    private List<Merger.Candidate> candidates(EventKey key) {
        TreeMap<LocalDate, List<MergedEvent>> days = byStart.get(family(key));
        if (days == null) return List.of();
        LocalDate first = key.dateStart();
        Set<MergedEvent> seen = new HashSet<>();
        List<MergedEvent> found = new ArrayList<>();
        for (List<MergedEvent> day : days.subMap(first.minusDays(1), true, key.dateEnd().plusDays(1), true).values()) found.addAll(day);
        for (LocalDate start : new LocalDate[]{first.withDayOfMonth(1), first.withDayOfYear(1)}) {
            List<MergedEvent> day = days.get(start);
            if (day != null) found.addAll(day);
        }
        List<Merger.Candidate> out = new ArrayList<>();
        for (MergedEvent e : found) if (seen.add(e) && lookedUp(key, e.key)) out.add(new Merger.Candidate(e.id, e.key));
        out.sort(Comparator.comparing(Merger.Candidate::eventId));
        return out;
    }

    /**
     * Whether the store's candidate lookup ({@code store.EventWrites.candidates}, SQL) returns the event keyed
     * {@code e} for a mention keyed {@code key}: a change to one needs the same change to the other
     * ({@code SequentialMergeTest} holds them together on DuckDB). Family, a start date that can overlap and an
     * end no earlier than the day before; then a place that can agree: both actors named on both sides when the
     * event has no place, the same country when the mention is at country precision or a located event is, else
     * the {@value #LOOKUP_KM} km box. Neither narrows by the full CAMEO code: the keys carry it for the rule alone.
     */
    static boolean lookedUp(EventKey key, EventKey e) {
        if (key.cameoRoot() == null || !key.cameoRoot().equals(e.cameoRoot()) || key.modality() == null
                || !key.modality().equals(e.modality()) || !Objects.equals(key.ploverType(), e.ploverType())) return false;
        LocalDate first = key.dateStart(), start = e.dateStart();
        if (start == null || e.dateEnd() == null) return false;
        boolean startFits = !start.isBefore(first.minusDays(1)) && !start.isAfter(key.dateEnd().plusDays(1))
                || start.equals(first.withDayOfMonth(1)) || start.equals(first.withDayOfYear(1));
        if (!startFits || e.dateEnd().isBefore(first.minusDays(1))) return false;
        boolean bothActors = key.sourceCode() != null && key.targetCode() != null;
        if (bothActors && e.lat() == null && e.sourceCode() != null && e.targetCode() != null) return true;
        if (key.lat() == null || e.lat() == null) return false;
        boolean sameCountry = key.country() != null && key.country().equals(e.country());
        if (key.precision() == null || "country".equals(key.precision())) return sameCountry;
        if (sameCountry && (e.precision() == null || "country".equals(e.precision()))) return true;
        double dLat = LOOKUP_KM / 111.0, cos = Math.cos(Math.toRadians(Math.min(90, Math.abs(key.lat()) + dLat)));
        double dLon = cos < 0.05 ? 360 : dLat / cos;
        if (e.lat() < key.lat() - dLat || e.lat() > key.lat() + dLat) return false;
        if (key.lon() - dLon < -180 || key.lon() + dLon > 180) return true;
        return e.lon() >= key.lon() - dLon && e.lon() <= key.lon() + dLon;
    }
}
