package sitrep.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The store's reads: exports, the API's filtered pages and aggregates, zones and feeds. Plain SQL with every
 * value bound; both dialects run the same statements.
 */
final class EventQueries {
    private final StoreConnection c;

    EventQueries(StoreConnection c) {
        this.c = c;
    }

    StoreStats stats() {
        try (Statement s = c.connection().createStatement()) {
            return new StoreStats(count(s, "SELECT count(*) FROM articles"), count(s, "SELECT count(*) FROM mentions"),
                    count(s, "SELECT count(*) FROM events"), count(s, "SELECT count(*) FROM articles WHERE errors <> '[]'"));
        } catch (SQLException e) {
            throw new StoreException("cannot count: " + e.getMessage(), e);
        }
    }

    /** See {@link EventStore#version}. */
    long version() {
        try (PreparedStatement q = c.prepared("SELECT max(version) FROM store_version"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's version: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    void export(ExportQuery query, Consumer<StoredEvent> sink) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        datesAndCountry(where, params, query.from(), query.to(), query.country());
        if (query.type() != null) {
            where.append(" AND (e.cameo_root = ? OR e.plover_type = ? OR e.acled_type = ? OR e.acled_sub_type = ?)");
            for (int i = 0; i < 4; i++) params.add(query.type());
        }
        stream(where.toString(), new ArrayList<>(params), " ORDER BY e.date_start, e.id", sink);
    }

    /** Streams the events selected by {@code where} with their mentions, in the given order (which must end in e.id). */
    /** Every event matching the query (paging ignored), each with its mentions, oldest first: what a report reads. */
    void events(EventQuery q, Consumer<StoredEvent> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        stream(where, params, " ORDER BY e.date_start, e.id", sink);
    }

    /** The stored articles with these ids (unknown ids left out), in id order, without their text. */
    List<StoredArticle> articles(java.util.Collection<String> ids) {
        List<StoredArticle> out = new ArrayList<>();
        List<String> all = ids.stream().distinct().sorted().toList();
        // In slices, so a report citing many articles stays within any driver's limit on bound parameters.
        for (int i = 0; i < all.size(); i += 500) {
            List<Object> slice = new ArrayList<>(all.subList(i, Math.min(all.size(), i + 500)));
            String in = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            out.addAll(rows("SELECT id, url, outlet, title, CAST(published AS VARCHAR) FROM articles WHERE id IN (" + in + ") ORDER BY id",
                    slice, r -> new StoredArticle(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5) == null ? null : java.time.LocalDate.parse(r.getString(5).substring(0, 10))), "cannot read articles"));
        }
        return out;
    }

    private void stream(String where, List<Object> params, String order, Consumer<StoredEvent> sink) {
        String events = "SELECT e.id, e.event_json, e.num_mentions, e.num_articles, e.num_sources, e.disagreements, e.first_seen "
                + "FROM events e" + where + order;
        String mentions = "SELECT m.id, m.event_id, m.article_id, m.url, m.outlet, m.sentence, m.start_offset, m.end_offset, "
                + "m.trigger_text, m.trigger_start, m.trigger_end, m.confidence, m.merge_reason FROM mentions m "
                + "JOIN events e ON m.event_id = e.id" + where + order + ", m.id";
        try (PreparedStatement eq = c.connection().prepareStatement(events); PreparedStatement mq = c.connection().prepareStatement(mentions)) {
            bind(eq, params);
            bind(mq, params);
            try (ResultSet er = eq.executeQuery(); ResultSet mr = mq.executeQuery()) {
                // Both cursors run in the same order, so mentions are read alongside their events, streaming.
                boolean moreMentions = mr.next();
                while (er.next()) {
                    String id = er.getString(1);
                    List<StoredMention> ms = new ArrayList<>();
                    while (moreMentions && mr.getString(2).equals(id)) {
                        ms.add(new StoredMention(mr.getString(1), id, mr.getString(3), mr.getString(4), mr.getString(5),
                                mr.getString(6), mr.getInt(7), mr.getInt(8), mr.getString(9), mr.getInt(10), mr.getInt(11),
                                mr.getDouble(12), mr.getString(13)));
                        moreMentions = mr.next();
                    }
                    sink.accept(new StoredEvent(id, er.getString(2), er.getInt(3), er.getInt(4), er.getInt(5),
                            er.getString(6), er.getString(7), ms));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot export: " + e.getMessage(), e);
        }
    }

    static void bind(PreparedStatement s, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Double d) s.setDouble(i + 1, d);
            else if (p instanceof Integer n) s.setInt(i + 1, n);
            else s.setString(i + 1, (String) p);
        }
    }

    /** Undated events sort as if dated on this day, after every real date in newest-first order. */
    static final LocalDate UNDATED = LocalDate.of(1, 1, 1);
    private static final String SORT_DATE = "COALESCE(e.date_start, CAST('0001-01-01' AS DATE))";

    /** The WHERE clause for an API query, its values appended to {@code params}. */
    private static String where(EventQuery q, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE 1 = 1");
        datesAndCountry(w, params, q.from(), q.to(), q.country());
        if (q.admin1() != null) {
            w.append(" AND lower(e.admin1) = ?");
            params.add(q.admin1().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.bbox() != null) {
            w.append(" AND e.lon >= ? AND e.lat >= ? AND e.lon <= ? AND e.lat <= ?");
            for (double v : q.bbox()) params.add(v);
        }
        if (q.actor() != null) {
            // A code prefix ("RUS" finds RUSMIL) or words of the actor's name, on either side of the event.
            String code = like(q.actor().toUpperCase(java.util.Locale.ROOT)) + "%";
            String name = "%" + like(q.actor().toLowerCase(java.util.Locale.ROOT)) + "%";
            w.append(" AND (e.source_code LIKE ? ESCAPE '\\' OR e.target_code LIKE ? ESCAPE '\\'"
                    + " OR lower(e.source_name) LIKE ? ESCAPE '\\' OR lower(e.target_name) LIKE ? ESCAPE '\\')");
            params.add(code);
            params.add(code);
            params.add(name);
            params.add(name);
        }
        if (q.cameoRoot() != null) {
            w.append(" AND e.cameo_root = ?");
            params.add(q.cameoRoot());
        }
        if (q.ploverType() != null) {
            w.append(" AND e.plover_type = ?");
            params.add(q.ploverType());
        }
        if (q.acledType() != null) {
            // ACLED's names are mixed case ("Battles", "Armed clash"): matched ignoring case, like the other filters.
            w.append(" AND (lower(e.acled_type) = ? OR lower(e.acled_sub_type) = ?)");
            String acled = q.acledType().toLowerCase(java.util.Locale.ROOT);
            params.add(acled);
            params.add(acled);
        }
        if (q.minConfidence() != null) {
            // An event stands when one of its reports was coded with enough confidence.
            w.append(" AND e.id IN (SELECT m.event_id FROM mentions m WHERE m.confidence >= ?)");
            params.add(q.minConfidence());
        }
        if (q.text() != null) {
            // A semi-join on the matching mentions' event ids: half the time of a correlated EXISTS on DuckDB.
            w.append(" AND e.id IN (SELECT m.event_id FROM mentions m WHERE lower(m.sentence) LIKE ? ESCAPE '\\')");
            params.add("%" + like(q.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        return w.toString();
    }

    /** The filters exports and the API share: events whose date range meets [from, to], in a country. */
    private static void datesAndCountry(StringBuilder w, List<Object> params, LocalDate from, LocalDate to, String country) {
        if (from != null) {
            w.append(" AND e.date_end >= CAST(? AS DATE)");
            params.add(from.toString());
        }
        if (to != null) {
            w.append(" AND e.date_start <= CAST(? AS DATE)");
            params.add(to.toString());
        }
        if (country != null) {
            w.append(" AND e.country = ?");
            params.add(country);
        }
    }

    /** Escapes LIKE's wildcards so user text matches literally. */
    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    EventPage search(EventQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        if (q.after() != null) {
            where += " AND (" + SORT_DATE + " < CAST(? AS DATE) OR (" + SORT_DATE + " = CAST(? AS DATE) AND e.id < ?))";
            String d = (q.after().date() == null ? UNDATED : q.after().date()).toString();
            params.add(d);
            params.add(d);
            params.add(q.after().id());
        }
        // Where the time went (EXPLAIN ANALYZE on 100k events): ranking rows with their JSON carried every row's
        // JSON through the scan (~150 ms a page). So a page is read in narrow steps: (1) the page's oldest date, on
        // dates alone; (2) the page's ids, ranked among the rows from that date on, a filter on the stored column
        // that the scan applies before reading ids; (3) those rows' JSON by id, through the key's index. A text
        // filter (a semi-join over mentions, costly) is not run twice, so there step 1 is left out.
        List<Object> pageParams = new ArrayList<>(params);
        String pageWhere = where;
        try {
            if (q.text() == null) {
                List<Object> newestParams = new ArrayList<>(params);
                newestParams.add(q.limit() + 1);
                List<String> oldest = rows("SELECT CAST(min(d) AS VARCHAR) FROM (SELECT " + SORT_DATE + " AS d FROM events e" + where
                        + " ORDER BY d DESC LIMIT ?) AS newest", newestParams, r -> r.getString(1), "cannot search events");
                if (oldest.isEmpty() || oldest.get(0) == null) return new EventPage(List.of(), List.of(), null);
                LocalDate from = LocalDate.parse(oldest.get(0).substring(0, 10));
                if (from.isAfter(UNDATED)) {
                    pageWhere += " AND e.date_start >= CAST(? AS DATE)";
                    pageParams.add(from.toString());
                }
            }
            // One more row than asked says whether there is a next page.
            pageParams.add(q.limit() + 1);
            String page = "SELECT e.id, CAST(" + SORT_DATE + " AS VARCHAR) FROM events e" + pageWhere + " ORDER BY " + SORT_DATE + " DESC, e.id DESC LIMIT ?";
            List<EventQuery.Position> positions = rows(page, pageParams,
                    r -> new EventQuery.Position(LocalDate.parse(r.getString(2).substring(0, 10)), r.getString(1)), "cannot search events");
            EventQuery.Position next = null;
            if (positions.size() > q.limit()) {
                positions = positions.subList(0, q.limit());
                next = positions.get(positions.size() - 1);
            }
            List<String> ids = positions.stream().map(EventQuery.Position::id).toList();
            java.util.Map<String, StoredEvent> byId = new java.util.HashMap<>();
            if (!ids.isEmpty()) {
                String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
                try (PreparedStatement s = c.connection().prepareStatement("SELECT " + STORED_EVENT_COLUMNS + " FROM events e WHERE e.id IN (" + in + ")")) {
                    bind(s, new ArrayList<>(ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) byId.put(r.getString(1), storedEvent(r, 1));
                    }
                }
            }
            List<StoredEvent> events = new ArrayList<>();
            for (String id : ids) events.add(byId.get(id));
            return new EventPage(events, List.copyOf(positions), next);
        } catch (SQLException e) {
            throw new StoreException("cannot search events: " + e.getMessage(), e);
        }
    }

    /** An event without its mentions, as the API's listings read it. */
    private static final String STORED_EVENT_COLUMNS = "e.id, e.event_json, e.num_mentions, e.num_articles, e.num_sources, e.disagreements, e.first_seen";

    /** A row's {@link #STORED_EVENT_COLUMNS} from column {@code at} on. */
    private static StoredEvent storedEvent(ResultSet r, int at) throws SQLException {
        return new StoredEvent(r.getString(at), r.getString(at + 1), r.getInt(at + 2), r.getInt(at + 3), r.getInt(at + 4),
                r.getString(at + 5), r.getString(at + 6), List.of());
    }

    Optional<StoredEventDetail> event(String id) {
        List<StoredEvent> found = new ArrayList<>();
        stream(" WHERE e.id = ?", List.of(id), " ORDER BY e.id", found::add);
        if (found.isEmpty()) return Optional.empty();
        java.util.Map<String, String> json = new java.util.HashMap<>();
        try (PreparedStatement q = c.connection().prepareStatement("SELECT id, event_json FROM mentions WHERE event_id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) json.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read event " + id + ": " + e.getMessage(), e);
        }
        return Optional.of(new StoredEventDetail(found.get(0), json));
    }

    Aggregates.Timeline timeline(EventQuery q, Aggregates.Interval interval) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params) + " AND e.date_start IS NOT NULL";
        if (interval == null) {
            List<Long> span = rows("SELECT CAST(min(e.date_start) AS VARCHAR), CAST(max(e.date_start) AS VARCHAR) FROM events e" + where,
                    params, r -> r.getString(1) == null ? 0L : java.time.temporal.ChronoUnit.DAYS.between(
                            LocalDate.parse(r.getString(1).substring(0, 10)), LocalDate.parse(r.getString(2).substring(0, 10))),
                    "cannot read the span of event dates");
            interval = Aggregates.Interval.forSpan(span.isEmpty() ? 0 : span.get(0));
        }
        String period = interval == Aggregates.Interval.DAY ? "e.date_start"
                : "CAST(date_trunc('" + interval.name().toLowerCase(java.util.Locale.ROOT) + "', e.date_start) AS DATE)";
        String sql = "SELECT CAST(" + period + " AS VARCHAR), COALESCE(e.plover_type, 'OTHER'), count(*) FROM events e" + where
                + " GROUP BY 1, 2 ORDER BY 1, 2";
        return new Aggregates.Timeline(interval, rows(sql, params,
                r -> new Aggregates.TimelineCount(r.getString(1).substring(0, 10), r.getString(2), r.getLong(3)),
                "cannot count events over time"));
    }

    List<Aggregates.ActorCount> topActors(EventQuery q, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.addAll(new ArrayList<>(params));
        params.add(limit);
        String sql = "SELECT code, max(name), sum(s), sum(t) FROM ("
                + "SELECT e.source_code AS code, e.source_name AS name, 1 AS s, 0 AS t FROM events e" + where + " AND e.source_code IS NOT NULL"
                + " UNION ALL SELECT e.target_code, e.target_name, 0, 1 FROM events e" + where + " AND e.target_code IS NOT NULL"
                + ") a GROUP BY code ORDER BY sum(s) + sum(t) DESC, code LIMIT ?";
        return rows(sql, params, r -> new Aggregates.ActorCount(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)),
                "cannot count actors");
    }

    List<Aggregates.DyadCount> dyads(EventQuery q, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        params.add(limit);
        String sql = "SELECT e.source_code, max(e.source_name), e.target_code, max(e.target_name), count(*) FROM events e" + where
                + " AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL GROUP BY e.source_code, e.target_code"
                + " ORDER BY count(*) DESC, e.source_code, e.target_code LIMIT ?";
        return rows(sql, params, r -> new Aggregates.DyadCount(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)),
                "cannot count dyads");
    }

    /** A row of a result set as a record. */
    private interface RowReader<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Runs a read-only query with bound parameters and reads every row; {@code what} names it in errors. */
    private <T> List<T> rows(String sql, List<Object> params, RowReader<T> reader, String what) {
        List<T> out = new ArrayList<>();
        try (PreparedStatement s = c.connection().prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(reader.read(r));
            }
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
        return out;
    }

    List<StoredEvent> withCameoCodes(List<String> codes, LocalDate to, String country) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE (1 = 0");
        for (String code : codes) {
            where.append(" OR e.cameo_code LIKE ? ESCAPE '\\'");
            params.add(like(code) + "%");
        }
        where.append(")");
        datesAndCountry(where, params, null, to, country);
        return rows("SELECT " + STORED_EVENT_COLUMNS + " FROM events e" + where + " ORDER BY e.id", params, r -> storedEvent(r, 1),
                "cannot list events by CAMEO code");
    }

    List<StoredEvent> seenAfter(String after, double[] bbox, int limit, boolean oldestFirst) {
        List<Object> params = new ArrayList<>();
        // Instants are compared as timestamps: as text, "…:05Z" would sort after "…:05.5Z".
        StringBuilder sql = new StringBuilder("SELECT " + STORED_EVENT_COLUMNS + " FROM events e WHERE " + SEEN + " > CAST(? AS TIMESTAMP)");
        params.add(timestamp(after));
        if (bbox != null) {
            sql.append(" AND e.lon >= ? AND e.lat >= ? AND e.lon <= ? AND e.lat <= ?");
            for (double v : bbox) params.add(v);
        }
        String order = oldestFirst ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(SEEN).append(order).append(", e.id").append(order).append(" LIMIT ?");
        params.add(limit);
        return rows(sql.toString(), params, r -> storedEvent(r, 1), "cannot list newly seen events");
    }

    /** first_seen (an ISO instant in UTC, stored as text) as a timestamp both dialects compare. */
    private static final String SEEN = "CAST(replace(replace(e.first_seen, 'T', ' '), 'Z', '') AS TIMESTAMP)";

    /** An ISO instant as the UTC timestamp text both dialects cast. */
    private static String timestamp(String instant) {
        return Instant.parse(instant).toString().replace('T', ' ').replace("Z", "");
    }

    Set<String> articleKeys() {
        Set<String> keys = new HashSet<>();
        try (Statement s = c.connection().createStatement(); ResultSet r = s.executeQuery("SELECT id, content_hash FROM articles")) {
            while (r.next()) {
                keys.add(r.getString(1));
                if (r.getString(2) != null) keys.add(r.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list stored articles: " + e.getMessage(), e);
        }
        return keys;
    }

    /** Events within {@code km} of a point, by PostGIS; only on a {@link #spatial()} store. */
    long countWithinKm(double lat, double lon, double km) {
        try (PreparedStatement q = c.connection().prepareStatement("SELECT count(*) FROM events WHERE "
                + "ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography, ?)")) {
            q.setDouble(1, lon);
            q.setDouble(2, lat);
            q.setDouble(3, km * 1000);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("spatial query failed: " + e.getMessage(), e);
        }
    }

    private static final String ZONE_COLUMNS = "SELECT id, name, geometry, min_lon, min_lat, max_lon, max_lat, created_at FROM zones";

    private static Zone zone(ResultSet r) throws SQLException {
        return new Zone(r.getString(1), r.getString(2), r.getString(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getString(8));
    }

    Optional<Zone> zone(String id) {
        List<Zone> found = rows(ZONE_COLUMNS + " WHERE id = ?", List.<Object>of(id), EventQueries::zone, "cannot read zone " + id);
        return found.stream().findFirst();
    }

    List<Zone> zones() {
        return rows(ZONE_COLUMNS + " ORDER BY created_at DESC, id", List.of(), EventQueries::zone, "cannot list zones");
    }


    List<String> feeds() {
        return rows("SELECT url FROM feeds ORDER BY added_at, url", List.of(), r -> r.getString(1), "cannot list feeds");
    }
}
