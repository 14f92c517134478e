package sitrep.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.merge.EventKey;
import sitrep.store.Aggregates;
import sitrep.store.ControlLedger;
import sitrep.store.EventQuery;
import sitrep.store.EventStore;
import sitrep.store.StoredEvent;
import sitrep.store.StoredMention;
import sitrep.store.Zone;
import sitrep.store.ZoneGeometry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a situation report from the store: one read of the scope's events over the period and the year
 * before it (for the comparisons), then every section from those events in memory. Ties are broken by stable
 * keys (counts, then names and ids), so the same store and request give the same report.
 */
public final class ReportBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored event with what the sections need of it, read once. */
    record Item(StoredEvent stored, JsonNode json, LocalDate start, LocalDate end, int killed) {
        String plover() {
            return json.path("plover").path("type").asText("OTHER");
        }

        boolean meets(LocalDate from, LocalDate to) {
            return start != null && !end.isBefore(from) && !start.isAfter(to);
        }

        JsonNode location() {
            JsonNode loc = json.get("location");
            return loc == null || loc.isNull() || !loc.hasNonNull("lat") ? null : loc;
        }
    }

    private final ReportSettings settings;

    public ReportBuilder(ReportSettings settings) {
        this.settings = settings;
    }

    public SituationReport build(EventStore store, ReportRequest request, Instant generated) {
        EventQuery q = request.scope();
        ZoneGeometry zoneArea = null;
        Zone zone = null;
        if (request.zoneId() != null) {
            zone = store.zone(request.zoneId()).orElseThrow(() -> new IllegalArgumentException("no zone with id '" + request.zoneId() + "'"));
            zoneArea = ZoneGeometry.parse(parse(zone.geometryJson()));
            q = with(q, q.from(), q.to(), zone.bbox());
        }
        LocalDate[] period = period(store, q, generated);
        LocalDate from = period[0], to = period[1];
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1), previousFrom = from.minusDays(days);
        LocalDate lookback = previousFrom.isBefore(from.minusDays(settings.lookbackDays())) ? previousFrom : from.minusDays(settings.lookbackDays());

        List<Item> all = new ArrayList<>();
        ZoneGeometry area = zoneArea;
        store.events(with(q, lookback, to, q.bbox()), e -> {
            Item item = item(e);
            if (area != null) {
                JsonNode loc = item.location();
                if (loc == null || !area.contains(loc.path("lon").asDouble(), loc.path("lat").asDouble())) return;
            }
            all.add(item);
        });
        List<Item> now = all.stream().filter(i -> i.meets(from, to)).toList();
        List<Item> before = all.stream().filter(i -> i.meets(previousFrom, previousTo)).toList();
        boolean withYear = from.getYear() != to.getYear() || from.getYear() != generated.atZone(java.time.ZoneOffset.UTC).getYear();

        Citations citations = new Citations();
        EventSentences sentences = EventSentences.shared();
        List<SituationReport.Highlight> highlights = new ArrayList<>();
        for (Item i : highlighted(now)) {
            highlights.add(new SituationReport.Highlight(i.stored().id(), sentences.sentence(i.json(), withYear),
                    i.stored().numSources(), i.stored().numMentions(), citations.cite(i.stored())));
        }
        List<SituationReport.ControlChange> control = control(now, citations, withYear);
        List<SituationReport.ZoneAlert> alerts = alerts(store, request.zoneId() == null ? store.zones() : List.of(zone), now, citations, withYear);

        Set<String> articles = new HashSet<>(), outlets = new HashSet<>();
        for (Item i : now) {
            for (StoredMention m : i.stored().mentions()) {
                articles.add(m.articleId());
                outlets.add(m.outlet() == null ? "article:" + m.articleId() : m.outlet());
            }
        }
        List<String> chartTypes = topTypes(now, settings.chartTypes());
        return new SituationReport(title(q, zone, from, to), scope(q, zone), from, to, previousFrom, previousTo, generated,
                articles.size(), outlets.size(), q.minConfidence(), figures(now, before), highlights,
                ReportMaps.mapData(now, q.bbox(), q.country() == null ? null : ActorWords.shared().country(q.country()), control, settings.mapLabels()),
                series(now, from, to, chartTypes), areas(now, before, all, from, days), control, alerts,
                actors(now), pairs(now), citations.references(store.articles(citations.articleIds())));
    }

    /** The period asked for; a bound not given is the earliest or latest event date in scope (today for none). */
    private static LocalDate[] period(EventStore store, EventQuery q, Instant generated) {
        LocalDate from = q.from(), to = q.to();
        if (from == null || to == null) {
            List<Aggregates.TimelineCount> days = store.timeline(q, Aggregates.Interval.DAY).counts();
            LocalDate today = generated.atZone(java.time.ZoneOffset.UTC).toLocalDate();
            if (to == null) to = days.isEmpty() ? (from != null && from.isAfter(today) ? from : today) : LocalDate.parse(days.get(days.size() - 1).period());
            if (from == null) from = days.isEmpty() ? to : LocalDate.parse(days.get(0).period());
            if (from.isAfter(to)) from = to;
        }
        return new LocalDate[]{from, to};
    }

    private static EventQuery with(EventQuery q, LocalDate from, LocalDate to, double[] bbox) {
        return new EventQuery(from, to, q.country(), q.admin1(), bbox, q.actor(), q.cameoRoot(), q.ploverType(), q.acledType(),
                q.text(), null, Integer.MAX_VALUE, q.minConfidence());
    }

    private static Item item(StoredEvent e) {
        JsonNode json = parse(e.eventJson());
        String date = json.path("date").asText(null);
        LocalDate[] range = date == null || date.isEmpty() ? new LocalDate[]{null, null}
                : EventKey.range(date, json.path("date_precision").asText(null));
        return new Item(e, json, range[0], range[1], Math.max(0, json.path("quantities").path("killed").asInt(0)));
    }

    /** Asserted events, most reported first (sources, then mentions), then the most severe (Goldstein, deaths). */
    private List<Item> highlighted(List<Item> now) {
        return now.stream().filter(i -> "asserted".equals(i.json().path("modality").asText()))
                .sorted(Comparator.comparingInt((Item i) -> -i.stored().numSources())
                        .thenComparingInt(i -> -i.stored().numMentions())
                        .thenComparingDouble(i -> i.json().path("cameo").path("goldstein").asDouble(0))
                        .thenComparingInt(i -> -i.killed())
                        .thenComparing(Item::start).thenComparing(i -> i.stored().id()))
                .limit(settings.highlights()).toList();
    }

    private static SituationReport.Figures figures(List<Item> now, List<Item> before) {
        return new SituationReport.Figures(new SituationReport.Count("events", now.size(), before.size()),
                new SituationReport.Count("reported fatalities", killed(now), killed(before)),
                counts(now, before, Item::plover), counts(now, before, i -> {
                    JsonNode acled = i.json().get("acled");
                    return acled == null || acled.isNull() ? null : acled.path("event_type").asText(null);
                }));
    }

    private static int killed(List<Item> items) {
        return items.stream().mapToInt(Item::killed).sum();
    }

    /** Counts per label now and before, most now first; labels null are left out. */
    static List<SituationReport.Count> counts(List<Item> now, List<Item> before, java.util.function.Function<Item, String> label) {
        Map<String, int[]> c = new TreeMap<>();
        for (Item i : now) if (label.apply(i) != null) c.computeIfAbsent(label.apply(i), k -> new int[2])[0]++;
        for (Item i : before) if (label.apply(i) != null) c.computeIfAbsent(label.apply(i), k -> new int[2])[1]++;
        List<SituationReport.Count> out = new ArrayList<>();
        c.forEach((k, v) -> out.add(new SituationReport.Count(k, v[0], v[1])));
        out.sort(Comparator.comparingInt((SituationReport.Count x) -> -x.now()).thenComparingInt(x -> -x.before()).thenComparing(SituationReport.Count::label));
        return out;
    }

    /** The {@code n} PLOVER types with most events, most first. */
    private static List<String> topTypes(List<Item> now, int n) {
        return counts(now, List.of(), Item::plover).stream().limit(n).map(SituationReport.Count::label).toList();
    }

    private static SituationReport.Series series(List<Item> now, LocalDate from, LocalDate to, List<String> types) {
        Aggregates.Interval interval = Aggregates.Interval.forSpan(ChronoUnit.DAYS.between(from, to));
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = periodStart(from, interval); !p.isAfter(to); p = next(p, interval)) periods.add(p);
        List<String> labels = new ArrayList<>(types);
        boolean other = now.stream().anyMatch(i -> !types.contains(i.plover()));
        if (other) labels.add("OTHER");
        List<int[]> counts = new ArrayList<>();
        for (int t = 0; t < labels.size(); t++) counts.add(new int[periods.size()]);
        int[] fatalities = new int[periods.size()];
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int p = 0; p < periods.size(); p++) index.put(periods.get(p), p);
        for (Item i : now) {
            LocalDate day = i.start().isBefore(from) ? from : i.start();
            Integer p = index.get(periodStart(day, interval));
            if (p == null) continue;
            int t = types.indexOf(i.plover());
            counts.get(t < 0 ? labels.size() - 1 : t)[p]++;
            fatalities[p] += i.killed();
        }
        return new SituationReport.Series(interval, periods, labels, counts, fatalities);
    }

    static LocalDate periodStart(LocalDate d, Aggregates.Interval interval) {
        return switch (interval) {
            case DAY -> d;
            case WEEK -> d.minusDays(d.getDayOfWeek().getValue() - 1L);
            case MONTH -> d.withDayOfMonth(1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    private static LocalDate next(LocalDate p, Aggregates.Interval interval) {
        return switch (interval) {
            case DAY -> p.plusDays(1);
            case WEEK -> p.plusWeeks(1);
            case MONTH -> p.plusMonths(1);
            case YEAR -> p.plusYears(1);
        };
    }

    /**
     * First-level divisions with most events. The year-high flag compares the period's fatalities with each
     * earlier window of the same length within the look-back (events placed by the start of their date range).
     */
    private List<SituationReport.Area> areas(List<Item> now, List<Item> before, List<Item> all, LocalDate from, long days) {
        Map<String, List<Item>> nowBy = byArea(now), beforeBy = byArea(before);
        int windows = (int) Math.max(1, settings.lookbackDays() / days);
        Map<String, int[]> windowDeaths = new HashMap<>();
        for (Item i : all) {
            String key = areaKey(i);
            if (key == null || !nowBy.containsKey(key) || !i.start().isBefore(from)) continue;
            long w = ChronoUnit.DAYS.between(i.start(), from.minusDays(1)) / days;
            if (w < windows) windowDeaths.computeIfAbsent(key, k -> new int[windows])[(int) w] += i.killed();
        }
        List<SituationReport.Area> out = new ArrayList<>();
        for (Map.Entry<String, List<Item>> a : nowBy.entrySet()) {
            List<Item> was = beforeBy.getOrDefault(a.getKey(), List.of());
            List<SituationReport.Count> types = counts(a.getValue(), was, Item::plover);
            List<SituationReport.Count> rose = types.stream().filter(c -> c.now() > c.before())
                    .sorted(Comparator.comparingInt((SituationReport.Count c) -> c.before() - c.now()).thenComparing(SituationReport.Count::label)).limit(2).toList();
            List<SituationReport.Count> fell = types.stream().filter(c -> c.now() < c.before())
                    .sorted(Comparator.comparingInt((SituationReport.Count c) -> c.now() - c.before()).thenComparing(SituationReport.Count::label)).limit(2).toList();
            int deaths = killed(a.getValue());
            int highest = java.util.Arrays.stream(windowDeaths.getOrDefault(a.getKey(), new int[0])).max().orElse(0);
            JsonNode loc = a.getValue().get(0).location();
            out.add(new SituationReport.Area(loc.path("admin1").asText(), loc.path("country").asText(null),
                    new SituationReport.Count("events", a.getValue().size(), was.size()), rose, fell, deaths, deaths > 0 && deaths > highest));
        }
        out.sort(Comparator.comparingInt((SituationReport.Area x) -> -x.events().now()).thenComparing(SituationReport.Area::name)
                .thenComparing(x -> String.valueOf(x.country())));
        return out.stream().limit(settings.areas()).toList();
    }

    private static Map<String, List<Item>> byArea(List<Item> items) {
        Map<String, List<Item>> out = new TreeMap<>();
        for (Item i : items) {
            String key = areaKey(i);
            if (key != null) out.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return out;
    }

    private static String areaKey(Item i) {
        JsonNode loc = i.location();
        if (loc == null || loc.path("admin1").asText("").isEmpty() || i.start() == null) return null;
        return loc.path("country").asText("") + "\t" + loc.path("admin1").asText();
    }

    /** The period's control ledger: the latest claim within it per place, newest first. */
    private static List<SituationReport.ControlChange> control(List<Item> now, Citations citations, boolean withYear) {
        Map<String, Item> byId = new HashMap<>();
        for (Item i : now) byId.put(i.stored().id(), i);
        List<SituationReport.ControlChange> out = new ArrayList<>();
        ActorWords words = ActorWords.shared();
        // Only territorial events go to the ledger: it reads each event's JSON again, and most events are not.
        List<StoredEvent> territorial = now.stream().filter(i -> ControlLedger.CODES.stream()
                .anyMatch(c -> i.json().path("cameo").path("code").asText("").startsWith(c))).map(Item::stored).toList();
        for (ControlLedger.Entry e : ControlLedger.build(territorial)) {
            Item i = byId.get(e.eventId());
            String place = e.place().path("name").asText();
            String sentence = e.controller() != null ? words.actor(e.controller()) + " took control of " + place
                    : words.actor(e.relinquishedBy()) + " withdrew from " + place;
            sentence = EventSentences.capitalise(sentence) + EventSentences.date(i.json().path("date").asText(null),
                    i.json().path("date_precision").asText(null), withYear) + ".";
            out.add(new SituationReport.ControlChange(place, e.place().path("lon").asDouble(), e.place().path("lat").asDouble(),
                    sentence, e.date(), e.claims(), citations.cite(i.stored())));
        }
        return out;
    }

    /** Events of the period inside each zone, first seen after the zone was drawn: newest first, at most the setting. */
    private List<SituationReport.ZoneAlert> alerts(EventStore store, List<Zone> zones, List<Item> now, Citations citations, boolean withYear) {
        record Hit(Zone zone, Item item) {
        }
        List<Hit> hits = new ArrayList<>();
        for (Zone z : zones) {
            ZoneGeometry g = ZoneGeometry.parse(parse(z.geometryJson()));
            Instant created = Instant.parse(z.createdAt());
            for (Item i : now) {
                JsonNode loc = i.location();
                if (loc == null || i.stored().firstSeen() == null || !Instant.parse(i.stored().firstSeen()).isAfter(created)) continue;
                if (g.contains(loc.path("lon").asDouble(), loc.path("lat").asDouble())) hits.add(new Hit(z, i));
            }
        }
        hits.sort(Comparator.comparing((Hit h) -> Instant.parse(h.item().stored().firstSeen())).reversed()
                .thenComparing(h -> h.item().stored().id()).thenComparing(h -> h.zone().id()));
        List<SituationReport.ZoneAlert> out = new ArrayList<>();
        for (Hit h : hits.subList(0, Math.min(hits.size(), settings.alerts()))) {
            out.add(new SituationReport.ZoneAlert(h.zone().name() == null ? h.zone().id() : h.zone().name(),
                    EventSentences.shared().sentence(h.item().json(), withYear), h.item().stored().firstSeen(), citations.cite(h.item().stored())));
        }
        return out;
    }

    private List<SituationReport.ActorRow> actors(List<Item> now) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (Item i : now) {
            for (int side = 0; side < 2; side++) {
                JsonNode a = i.json().get(side == 0 ? "source" : "target");
                if (a == null || a.isNull() || a.path("code").asText("").isEmpty()) continue;
                String code = a.path("code").asText();
                counts.computeIfAbsent(code, k -> new int[2])[side]++;
                names.putIfAbsent(code, ActorWords.shared().actor(a));
            }
        }
        List<SituationReport.ActorRow> out = new ArrayList<>();
        counts.forEach((code, c) -> out.add(new SituationReport.ActorRow(names.get(code), code, c[0] + c[1], c[0], c[1])));
        out.sort(Comparator.comparingInt((SituationReport.ActorRow r) -> -r.events()).thenComparing(SituationReport.ActorRow::code));
        return out.stream().limit(settings.actors()).toList();
    }

    private List<SituationReport.PairRow> pairs(List<Item> now) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String[]> names = new HashMap<>();
        for (Item i : now) {
            JsonNode s = i.json().get("source"), t = i.json().get("target");
            if (s == null || s.isNull() || t == null || t.isNull()) continue;
            String key = s.path("code").asText() + "\t" + t.path("code").asText();
            counts.merge(key, 1, Integer::sum);
            names.putIfAbsent(key, new String[]{ActorWords.shared().actor(s), ActorWords.shared().actor(t)});
        }
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return rows.stream().limit(settings.actors())
                .map(r -> new SituationReport.PairRow(names.get(r.getKey())[0], names.get(r.getKey())[1], r.getValue())).toList();
    }

    private static String title(EventQuery q, Zone zone, LocalDate from, LocalDate to) {
        String where = zone != null ? (zone.name() == null ? "zone " + zone.id() : zone.name())
                : q.admin1() != null ? q.admin1() + (q.country() == null ? "" : ", " + ActorWords.shared().country(q.country()))
                : q.country() != null ? ActorWords.shared().country(q.country())
                : q.bbox() != null ? "the area mapped" : "all stored events";
        return "Situation report: " + where + ", " + ReportText.period(from, to);
    }

    /** The filters in words, for the report's scope line. */
    private static String scope(EventQuery q, Zone zone) {
        List<String> parts = new ArrayList<>();
        if (q.country() != null) parts.add("events located in " + ActorWords.shared().country(q.country()) + " (" + q.country() + ")");
        if (q.admin1() != null) parts.add("first-level division " + q.admin1());
        if (q.bbox() != null && zone == null) {
            double[] b = q.bbox();
            parts.add(String.format(Locale.ROOT, "inside longitude %.2f to %.2f, latitude %.2f to %.2f", b[0], b[2], b[1], b[3]));
        }
        if (zone != null) parts.add("inside zone " + (zone.name() == null ? zone.id() : zone.name() + " (" + zone.id() + ")"));
        if (q.actor() != null) parts.add("actor " + q.actor());
        if (q.cameoRoot() != null) parts.add("CAMEO root " + q.cameoRoot());
        if (q.ploverType() != null) parts.add("PLOVER type " + q.ploverType());
        if (q.acledType() != null) parts.add("ACLED type " + q.acledType());
        if (q.text() != null) parts.add("evidence containing \u201c" + q.text() + "\u201d");
        if (q.minConfidence() != null) parts.add(String.format(Locale.ROOT, "reports coded with confidence of at least %.2f", q.minConfidence()));
        return parts.isEmpty() ? "all stored events" : String.join("; ", parts);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }
}
