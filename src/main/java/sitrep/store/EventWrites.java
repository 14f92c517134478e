package sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sitrep.merge.EventFold;
import sitrep.merge.EventKey;
import sitrep.merge.Merger;
import sitrep.merge.SequentialMerge;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Problem;
import sitrep.pipeline.ExtractJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's writes: an article with its mentions, each merged into a stored event or stored as a new one,
 * in one transaction (so a process killed at any point loses nothing committed and leaves no half article);
 * zones and feeds. On PostgreSQL each article's transaction holds an advisory lock: two ingests into one
 * store then store one article at a time, and an article the other stored meanwhile is skipped, as on
 * re-ingest, instead of failing on its key.
 */
final class EventWrites {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_COLUMNS = "id, cameo_root, modality, date_start, date_end, date, date_precision, "
            + "source_code, target_code, lat, lon, loc_precision, country, plover_type, acled_type, acled_sub_type, "
            + "event_json, num_mentions, num_articles, num_sources, disagreements, first_seen, updated_at, outlets";

    private final StoreConnection c;
    private final boolean postgres;
    private final Merger merger = new Merger();

    EventWrites(StoreConnection c, boolean postgres) {
        this.c = c;
        this.postgres = postgres;
    }

    /** Whether an article is stored, by id or content hash, on the connection as it is. */
    boolean stored(String articleId, String contentHash) {
        // Two lookups rather than one with OR, so the id's key index serves the first (an OR reads the whole table).
        try (PreparedStatement q = c.prepared("SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM articles WHERE content_hash = ?")) {
            q.setString(1, articleId);
            q.setString(2, contentHash);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up article " + articleId + ": " + e.getMessage(), e);
        }
    }

    /** See {@link EventStore#save}. */
    synchronized boolean save(ArticleResult result, String contentHash) {
        c.ensureConnected();
        Connection db = c.connection();
        Article a = result.article();
        try {
            db.setAutoCommit(false);
            try {
                if (postgres) {
                    try (PreparedStatement lock = c.prepared("SELECT pg_advisory_xact_lock(?)")) {
                        lock.setLong(1, StoreSchema.WRITE_LOCK);
                        lock.execute();
                    }
                }
                if (stored(a.id(), contentHash)) {
                    db.rollback();
                    return false;
                }
                insertArticle(result, contentHash);
                String outlet = outlet(a);
                // The events this article's mentions joined or started: a second mention of the article in one of
                // them adds a mention but not an article.
                java.util.Set<String> joined = new java.util.HashSet<>();
                for (Event e : result.events()) saveMention(a, outlet, e, joined);
                bumpVersion();
                db.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store article " + a.id() + ": " + e.getMessage(), e);
        }
    }

    private void insertArticle(ArticleResult result, String contentHash) throws SQLException {
        Article a = result.article();
        ArrayNode errors = JSON.createArrayNode();
        for (Problem p : result.errors()) errors.addObject().put("stage", p.stage()).put("message", p.message());
        try (PreparedStatement s = c.prepared("INSERT INTO articles VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?)")) {
            s.setString(1, a.id());
            s.setString(2, contentHash);
            s.setString(3, a.url());
            s.setString(4, outlet(a));
            s.setString(5, a.title());
            s.setString(6, a.published() == null ? null : a.published().toString());
            s.setString(7, Instant.now().toString());
            s.setString(8, a.text());
            s.setString(9, errors.toString());
            s.executeUpdate();
        }
    }

    private void saveMention(Article a, String outlet, Event e, java.util.Set<String> joined) throws SQLException {
        ObjectNode json = ExtractJson.event(e);
        EventKey key = EventKey.of(json);
        String eventId;
        String reason;
        Optional<Merger.Decision> decision = key.dateStart() == null ? Optional.empty() : merger.decide(key, candidates(key));
        if (decision.isPresent()) {
            eventId = decision.get().eventId();
            reason = decision.get().reason();
        } else {
            eventId = e.id();
            reason = "new event";
            insertEvent(eventId, json, key, outletKey(a, outlet));
        }
        try (PreparedStatement s = c.prepared("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, e.id());
            s.setString(2, eventId);
            s.setString(3, a.id());
            s.setString(4, a.url());
            s.setString(5, outlet);
            s.setString(6, e.evidence().sentence());
            s.setInt(7, e.evidence().start());
            s.setInt(8, e.evidence().end());
            s.setString(9, e.evidence().trigger().text());
            s.setInt(10, e.evidence().trigger().start());
            s.setInt(11, e.evidence().trigger().end());
            s.setDouble(12, e.confidence());
            s.setString(13, reason);
            s.setString(14, json.toString());
            s.executeUpdate();
        }
        if (decision.isPresent()) mergeInto(eventId, json, decision.get().swapped(), joined.add(eventId), outletKey(a, outlet));
        else joined.add(eventId);
    }

    /**
     * What tells one outlet from another in an event's {@code outlets} (and so in num_sources): the outlet's
     * name, else the article (a report whose outlet is unknown counts as one of its own). Newline-free, as the
     * column holds them one per line.
     */
    static String outletKey(Article a, String outlet) {
        return (outlet != null ? outlet : "article:" + a.id()).replace('\n', ' ');
    }

    /** The event columns a merge key is read from, in {@link #columnKey} order. */
    private static final String KEY_COLUMNS = "id, cameo_root, plover_type, modality, CAST(date_start AS VARCHAR), "
            + "CAST(date_end AS VARCHAR), date_precision, source_code, target_code, lat, lon, loc_precision, country, cameo_code";

    /** How far a located mention looks for located events: the merge rule's widest distance short of "same country". */
    private static final double MAX_MERGE_KM = SequentialMerge.LOOKUP_KM;

    /**
     * The stored events the merge rule could join a mention to, found by the columns the rule compares, so
     * that what a lookup reads is bounded by how many events share the mention's family, day and area, not by
     * the size of the store: the same CAMEO root, modality and PLOVER type; a date that can overlap (a day
     * either way, or a month or year that holds the day); and a place that can agree (within
     * {@value #MAX_MERGE_KM} km, or the same country at country precision), or, for a side without a place, both
     * actors named. The keys come from the columns, not from each candidate's JSON; a key holds the event's full
     * CAMEO code too ({@code cameo_code}, which the rule reads to tell mutual acts from directed ones; a store
     * written before merging read it gets it filled when opened, as a {@code StoreSchema.SEARCH_COLUMNS} column),
     * but the lookup does not narrow by it: acts of one root with different codes may join. {@link Merger} decides among
     * them; this only leaves out events it would refuse. On PostgreSQL the (cameo_root, date_start) index
     * serves the lookup; DuckDB (no secondary indexes, see DEVELOPERS.md) scans the narrow key columns, with
     * its zone maps skipping row groups of other dates. {@code SequentialMerge.lookedUp} is this query's in-memory
     * twin (the Spark job's merge): change both together.
     */
    private List<Merger.Candidate> candidates(EventKey key) throws SQLException {
        boolean bothActors = key.sourceCode() != null && key.targetCode() != null;
        if (key.lat() == null && !bothActors) return List.of(); // nothing can agree beyond family and date
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + KEY_COLUMNS + " FROM events WHERE cameo_root = ? AND modality = ?");
        params.add(key.cameoRoot());
        params.add(key.modality());
        // A day-precise event overlaps within a day either way; a month or year one that holds the first day
        // starts on the first of that month or year. Those are all the starts an overlapping event can have.
        LocalDate first = key.dateStart();
        sql.append(" AND (date_start BETWEEN CAST(? AS DATE) AND CAST(? AS DATE) OR date_start = CAST(? AS DATE)"
                + " OR date_start = CAST(? AS DATE)) AND date_end >= CAST(? AS DATE)");
        params.add(first.minusDays(1).toString());
        params.add(key.dateEnd().plusDays(1).toString());
        params.add(first.withDayOfMonth(1).toString());
        params.add(first.withDayOfYear(1).toString());
        params.add(first.minusDays(1).toString());
        if (key.ploverType() == null) sql.append(" AND plover_type IS NULL");
        else {
            sql.append(" AND plover_type = ?");
            params.add(key.ploverType());
        }
        List<String> place = new ArrayList<>();
        if (bothActors) place.add("(lat IS NULL AND source_code IS NOT NULL AND target_code IS NOT NULL)");
        if (key.lat() != null) {
            if (key.precision() == null || "country".equals(key.precision())) {
                // At country precision on either side the rule asks for the same country, whatever the distance.
                if (key.country() != null) {
                    place.add("(lat IS NOT NULL AND country = ?)");
                    params.add(key.country());
                }
            } else {
                if (key.country() != null) {
                    place.add("(lat IS NOT NULL AND country = ? AND (loc_precision IS NULL OR loc_precision = 'country'))");
                    params.add(key.country());
                }
                double dLat = MAX_MERGE_KM / 111.0, cos = Math.cos(Math.toRadians(Math.min(90, Math.abs(key.lat()) + dLat)));
                double dLon = cos < 0.05 ? 360 : dLat / cos;
                place.add("(lat BETWEEN ? AND ?" + (key.lon() - dLon < -180 || key.lon() + dLon > 180 ? "" : " AND lon BETWEEN ? AND ?") + ")");
                params.add(key.lat() - dLat);
                params.add(key.lat() + dLat);
                if (key.lon() - dLon >= -180 && key.lon() + dLon <= 180) {
                    params.add(key.lon() - dLon);
                    params.add(key.lon() + dLon);
                }
            }
        }
        if (place.isEmpty()) return List.of();
        sql.append(" AND (").append(String.join(" OR ", place)).append(")");
        // The order breaks ties between equally good candidates, so it must not depend on storage layout:
        // a resumed ingest then merges exactly as an uninterrupted one.
        sql.append(" ORDER BY id");
        List<Merger.Candidate> out = new ArrayList<>();
        try (PreparedStatement q = c.prepared(sql.toString())) {
            EventQueries.bind(q, params);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) out.add(new Merger.Candidate(r.getString(1), columnKey(r)));
            }
        }
        return out;
    }

    /** A stored event's merge key from its {@link #KEY_COLUMNS}: what {@link #key} reads from its JSON, as stored. */
    private static EventKey columnKey(ResultSet r) throws SQLException {
        String start = r.getString(5), end = r.getString(6);
        double lat = r.getDouble(10);
        Double latitude = r.wasNull() ? null : lat;
        double lon = r.getDouble(11);
        Double longitude = r.wasNull() || latitude == null ? null : lon;
        return new EventKey(r.getString(2), r.getString(14), r.getString(3), r.getString(4),
                start == null ? null : LocalDate.parse(start.substring(0, 10)), end == null ? null : LocalDate.parse(end.substring(0, 10)),
                r.getString(7), r.getString(8), r.getString(9), latitude, longitude,
                latitude == null ? null : r.getString(12), latitude == null ? null : r.getString(13));
    }

    private void insertEvent(String id, ObjectNode json, EventKey key, String outletKey) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement s = c.prepared("INSERT INTO events (" + EVENT_COLUMNS + ") VALUES "
                + "(?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '{}', ?, ?, ?)")) {
            s.setString(1, id);
            bindColumns(s, 2, json, key);
            s.setString(18, now);
            s.setString(19, now);
            s.setString(20, outletKey);
            s.executeUpdate();
        }
        StoreSchema.fillSearchColumns(c, id, json);
    }

    /** Binds the 16 event columns from cameo_root to event_json, in table order, starting at parameter {@code at}. */
    private static void bindColumns(PreparedStatement s, int at, ObjectNode json, EventKey key) throws SQLException {
        s.setString(at, key.cameoRoot());
        s.setString(at + 1, key.modality());
        s.setString(at + 2, key.dateStart() == null ? null : key.dateStart().toString());
        s.setString(at + 3, key.dateEnd() == null ? null : key.dateEnd().toString());
        s.setString(at + 4, text(json, "date"));
        s.setString(at + 5, text(json, "date_precision"));
        s.setString(at + 6, key.sourceCode());
        s.setString(at + 7, key.targetCode());
        if (key.lat() == null) s.setNull(at + 8, java.sql.Types.DOUBLE); else s.setDouble(at + 8, key.lat());
        if (key.lon() == null) s.setNull(at + 9, java.sql.Types.DOUBLE); else s.setDouble(at + 9, key.lon());
        s.setString(at + 10, key.precision());
        s.setString(at + 11, key.country());
        s.setString(at + 12, json.path("plover").path("type").asText(null));
        JsonNode acled = json.get("acled");
        s.setString(at + 13, acled == null || acled.isNull() ? null : acled.path("event_type").asText(null));
        s.setString(at + 14, acled == null || acled.isNull() ? null : acled.path("sub_event_type").asText(null));
        s.setString(at + 15, json.toString());
    }

    /**
     * Folds a new mention into a stored event ({@link EventFold}: the more precise date and place win, ...); the
     * counts of mentions, articles and outlets grow by what the mention adds. The counts are kept up to date here
     * rather than counted from the mentions table, which has no index on DuckDB: counting there read every
     * mention of the store at each merge, so ingest slowed as the store grew.
     *
     * @param swapped    whether the mention matched with source and target swapped ({@link Merger.Decision#swapped})
     * @param newArticle whether the mention's article had no mention in this event before
     * @param outletKey  the mention's {@link #outletKey}
     */
    private void mergeInto(String eventId, ObjectNode incoming, boolean swapped, boolean newArticle, String outletKey) throws SQLException {
        ObjectNode stored;
        ObjectNode disagreements;
        String outlets;
        try (PreparedStatement q = c.prepared("SELECT event_json, disagreements, outlets FROM events WHERE id = ?")) {
            q.setString(1, eventId);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) throw new SQLException("event " + eventId + " vanished during merge");
                stored = (ObjectNode) parse(r.getString(1));
                disagreements = (ObjectNode) parse(r.getString(2));
                outlets = r.getString(3) == null ? "" : r.getString(3);
            }
        }
        boolean newOutlet = !java.util.Arrays.asList(outlets.split("\n")).contains(outletKey);
        if (newOutlet) outlets = outlets.isEmpty() ? outletKey : outlets + "\n" + outletKey;
        EventFold.fold(stored, disagreements, incoming, swapped);
        EventKey key = EventKey.of(stored);
        try (PreparedStatement s = c.prepared("UPDATE events SET cameo_root = ?, modality = ?, date_start = CAST(? AS DATE), "
                + "date_end = CAST(? AS DATE), date = ?, date_precision = ?, source_code = ?, target_code = ?, lat = ?, lon = ?, "
                + "loc_precision = ?, country = ?, plover_type = ?, acled_type = ?, acled_sub_type = ?, event_json = ?, "
                + "num_mentions = num_mentions + 1, num_articles = num_articles + ?, num_sources = num_sources + ?, outlets = ?, "
                + "disagreements = ?, updated_at = ? WHERE id = ?")) {
            bindColumns(s, 1, stored, key);
            s.setInt(17, newArticle ? 1 : 0);
            s.setInt(18, newOutlet ? 1 : 0);
            s.setString(19, outlets);
            s.setString(20, disagreements.toString());
            s.setString(21, Instant.now().toString());
            s.setString(22, eventId);
            s.executeUpdate();
        }
        StoreSchema.fillSearchColumns(c, eventId, stored);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }

    /** The outlet that published an article: its source name, else its URL's host. */
    static String outlet(Article a) {
        return SequentialMerge.outlet(a.source(), a.url());
    }

    synchronized Zone saveZone(Zone z) {
        Zone stored = new Zone(z.id(), z.name(), z.geometryJson(), z.minLon(), z.minLat(), z.maxLon(), z.maxLat(), Instant.now().toString());
        write("INSERT INTO zones VALUES (?, ?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(stored.id(), stored.name(), stored.geometryJson(), stored.minLon(),
                stored.minLat(), stored.maxLon(), stored.maxLat(), stored.createdAt()), "cannot store zone " + z.id());
        return stored;
    }

    boolean deleteZone(String id) {
        return write("DELETE FROM zones WHERE id = ?", List.of(id), "cannot delete zone " + id);
    }

    /**
     * Runs one write statement with bound values, and bumps the store's version with it in one transaction; true
     * when it changed a row. {@code what} names it in errors.
     */
    private synchronized boolean write(String sql, List<Object> values, String what) {
        c.ensureConnected();
        Connection db = c.connection();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement s = db.prepareStatement(sql)) {
                EventQueries.bind(s, values);
                boolean changed = s.executeUpdate() > 0;
                if (changed) bumpVersion();
                db.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Counts one more committed write, inside the write's own transaction, so a reader that sees the new version
     * sees the write too ({@link EventStore#version}). On PostgreSQL the row lock orders writers of other processes.
     */
    private void bumpVersion() throws SQLException {
        try (PreparedStatement s = c.prepared("UPDATE store_version SET version = version + 1")) {
            s.executeUpdate();
        }
    }

    synchronized boolean addFeed(String url) {
        c.ensureConnected();
        try (PreparedStatement q = c.connection().prepareStatement("SELECT 1 FROM feeds WHERE url = ?")) {
            q.setString(1, url);
            try (ResultSet r = q.executeQuery()) {
                if (r.next()) return false;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up feed " + url + ": " + e.getMessage(), e);
        }
        return write("INSERT INTO feeds VALUES (?, ?)", List.of(url, Instant.now().toString()), "cannot store feed " + url);
    }

    boolean removeFeed(String url) {
        return write("DELETE FROM feeds WHERE url = ?", List.of(url), "cannot remove feed " + url);
    }
}
