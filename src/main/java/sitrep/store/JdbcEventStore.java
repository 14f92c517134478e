package sitrep.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sitrep.ingest.ArticleReader;
import sitrep.merge.EventKey;
import sitrep.merge.Merger;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Problem;
import sitrep.pipeline.ExtractJson;

import java.sql.Connection;
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
 * The store over JDBC, for DuckDB (embedded) and PostgreSQL (shared server). Plain SQL with prepared
 * statements only; the two dialects differ in a type name and nothing else. One article is one
 * transaction, so a process killed at any point loses nothing already committed and leaves no half article.
 */
public final class JdbcEventStore implements EventStore {
    enum Dialect {
        // DuckDB gets no secondary indexes: its zone maps serve these filters, and an ART index replayed from the
        // write-ahead log after a crash was seen to miss rows (counts from `mentions` came out short).
        DUCKDB("DOUBLE", false), POSTGRES("DOUBLE PRECISION", true);

        final String doubleType;
        final boolean secondaryIndexes;

        Dialect(String doubleType, boolean secondaryIndexes) {
            this.doubleType = doubleType;
            this.secondaryIndexes = secondaryIndexes;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_COLUMNS = "id, cameo_root, modality, date_start, date_end, date, date_precision, "
            + "source_code, target_code, lat, lon, loc_precision, country, plover_type, acled_type, acled_sub_type, "
            + "event_json, num_mentions, num_articles, num_sources, disagreements, first_seen, updated_at";

    /** Not final: a connection a database restart ended is replaced before the next write (see ensureConnected). */
    private Connection db;
    private final Merger merger = new Merger();
    /** Statements of the write path, prepared once per connection (see {@link #prepared}). */
    private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
    /** True on PostgreSQL with PostGIS: events then carry a geometry column with a spatial index. */
    private boolean postgis;

    /** Opens another connection to the store's database, for {@link #openReader()}. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector readers;

    /** A store over {@code db}, creating or updating the schema; {@code readers} opens reader connections. */
    JdbcEventStore(Connection db, Dialect dialect, Connector readers) {
        this.db = db;
        this.readers = readers;
        try {
            createSchema(dialect);
        } catch (SQLException e) {
            throw new StoreException("cannot create the store schema: " + e.getMessage(), e);
        }
    }

    /** A reader: the schema is in place already. */
    private JdbcEventStore(Connection db, Connector readers, boolean postgis) {
        this.db = db;
        this.readers = readers;
        this.postgis = postgis;
    }

    @Override
    public EventStore openReader() {
        try {
            return new JdbcEventStore(readers.connect(), readers, postgis);
        } catch (SQLException e) {
            throw new StoreException("cannot open another connection to the store: " + e.getMessage(), e);
        }
    }

    private void createSchema(Dialect d) throws SQLException {
        String dbl = d.doubleType;
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS articles (id VARCHAR PRIMARY KEY, content_hash VARCHAR, url VARCHAR, "
                    + "outlet VARCHAR, title VARCHAR, published DATE, ingested_at VARCHAR, text VARCHAR, errors VARCHAR)");
            if (d.secondaryIndexes) s.execute("CREATE INDEX IF NOT EXISTS articles_hash ON articles (content_hash)");
            s.execute("CREATE TABLE IF NOT EXISTS events (id VARCHAR PRIMARY KEY, cameo_root VARCHAR, modality VARCHAR, "
                    + "date_start DATE, date_end DATE, date VARCHAR, date_precision VARCHAR, source_code VARCHAR, "
                    + "target_code VARCHAR, lat " + dbl + ", lon " + dbl + ", loc_precision VARCHAR, country VARCHAR, "
                    + "plover_type VARCHAR, acled_type VARCHAR, acled_sub_type VARCHAR, event_json VARCHAR, "
                    + "num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER, disagreements VARCHAR, "
                    + "first_seen VARCHAR, updated_at VARCHAR)");
            if (d.secondaryIndexes) s.execute("CREATE INDEX IF NOT EXISTS events_family_date ON events (cameo_root, date_start)");
            s.execute("CREATE TABLE IF NOT EXISTS mentions (id VARCHAR PRIMARY KEY, event_id VARCHAR, article_id VARCHAR, "
                    + "url VARCHAR, outlet VARCHAR, sentence VARCHAR, start_offset INTEGER, end_offset INTEGER, "
                    + "trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER, confidence " + dbl + ", "
                    + "merge_reason VARCHAR, event_json VARCHAR)");
            if (d.secondaryIndexes) s.execute("CREATE INDEX IF NOT EXISTS mentions_event ON mentions (event_id)");
            s.execute("CREATE TABLE IF NOT EXISTS zones (id VARCHAR PRIMARY KEY, name VARCHAR, geometry VARCHAR, min_lon " + dbl
                    + ", min_lat " + dbl + ", max_lon " + dbl + ", max_lat " + dbl + ", created_at VARCHAR)");
            s.execute("CREATE TABLE IF NOT EXISTS feeds (url VARCHAR PRIMARY KEY, added_at VARCHAR)");
        }
        // Columns the API filters on, added after the first stores were written: a store without them gets
        // them here, filled from each event's JSON, so old stores answer the API's queries too.
        List<String> missing = new ArrayList<>();
        for (String c : SEARCH_COLUMNS) {
            try (ResultSet r = db.getMetaData().getColumns(null, null, "events", c)) {
                if (!r.next()) missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            // One transaction: an upgrade cut short (killed) leaves the store as it was, and the next open redoes it.
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                // DuckDB cannot alter a table that has an index: the index goes while the columns are added.
                s.execute("DROP INDEX IF EXISTS events_family_date");
                for (String c : missing) s.execute("ALTER TABLE events ADD COLUMN " + c + " VARCHAR");
                if (d.secondaryIndexes) s.execute("CREATE INDEX IF NOT EXISTS events_family_date ON events (cameo_root, date_start)");
            }
            List<String[]> rows = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, event_json FROM events")) {
                while (r.next()) rows.add(new String[]{r.getString(1), r.getString(2)});
            }
            if (rows.size() > 1000) {
                System.err.println("sitrep: upgrading the store once: filling the new columns " + String.join(", ", missing)
                        + " of " + rows.size() + " events (about a minute per 100,000)...");
            }
            for (String[] row : rows) updateSearchColumns(row[0], parse(row[1]));
            db.commit();
            db.setAutoCommit(true);
        }
        if (d == Dialect.POSTGRES) postgis = enablePostgis();
    }

    /**
     * Where PostGIS is installed, adds a point geometry derived from lat/lon (a generated column, so no write
     * path changes) with a GiST index, for GIS clients and spatial queries. Without PostGIS the store works
     * the same, minus that column.
     */
    private boolean enablePostgis() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        } catch (SQLException notInstalled) {
            return false;
        }
        try (Statement s = db.createStatement()) {
            s.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326) "
                    + "GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED");
            s.execute("CREATE INDEX IF NOT EXISTS events_geom ON events USING GIST (geom)");
        }
        return true;
    }

    /** Whether this store has PostGIS geometry (PostgreSQL with the extension installed). */
    boolean spatial() {
        return postgis;
    }

    /** Events within {@code km} of a point, by PostGIS; only on a {@link #spatial()} store. */
    long countWithinKm(double lat, double lon, double km) {
        try (PreparedStatement q = db.prepareStatement("SELECT count(*) FROM events WHERE "
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

    /** The filter columns read from an event's JSON, added to stores written before them. */
    private static final List<String> SEARCH_COLUMNS = List.of("admin1", "source_name", "target_name", "cameo_code");

    /** Fills the filter columns that are read from an event's JSON: admin1, the actors' names, the CAMEO code. */
    private void updateSearchColumns(String eventId, JsonNode json) throws SQLException {
        try (PreparedStatement s = prepared("UPDATE events SET admin1 = ?, source_name = ?, target_name = ?, cameo_code = ? WHERE id = ?")) {
            JsonNode loc = json.get("location");
            s.setString(1, loc == null || loc.isNull() ? null : loc.path("admin1").asText(null));
            s.setString(2, json.path("source").path("name").asText(null));
            s.setString(3, json.path("target").path("name").asText(null));
            s.setString(4, json.path("cameo").path("code").asText(null));
            s.setString(5, eventId);
            s.executeUpdate();
        }
    }

    /**
     * A prepared statement kept for the connection's life: ingest runs the same few statements for every
     * mention, and preparing them anew each time cost about as much as running them. Its close() (from
     * try-with-resources) only clears the parameters; the store's close() closes it for real.
     */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            PreparedStatement real = db.prepareStatement(sql);
            ps = (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(JdbcEventStore.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            real.clearParameters();
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            statements.put(sql, ps);
            realStatements.add(real);
        }
        return ps;
    }

    private final List<PreparedStatement> realStatements = new ArrayList<>();

    /**
     * serve runs for weeks against a PostgreSQL server that may restart: before a write (and the lookup that
     * precedes one), a connection that no longer answers is opened again, with fresh statements.
     */
    private synchronized void ensureConnected() {
        if (usable()) return;
        for (PreparedStatement ps : realStatements) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // its connection is gone already
            }
        }
        realStatements.clear();
        statements.clear();
        try {
            db.close();
        } catch (SQLException ignored) {
            // closed already
        }
        try {
            db = readers.connect();
        } catch (SQLException e) {
            throw new StoreException("lost the connection to the store and cannot open a new one: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String articleId, String contentHash) {
        ensureConnected();
        return stored(articleId, contentHash);
    }

    /** {@link #contains} on the connection as it is (save() checked it already). */
    private boolean stored(String articleId, String contentHash) {
        try (PreparedStatement q = prepared("SELECT 1 FROM articles WHERE id = ? OR content_hash = ?")) {
            q.setString(1, articleId);
            q.setString(2, contentHash);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look up article " + articleId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<String> articleKeys() {
        Set<String> keys = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT id, content_hash FROM articles")) {
            while (r.next()) {
                keys.add(r.getString(1));
                if (r.getString(2) != null) keys.add(r.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list stored articles: " + e.getMessage(), e);
        }
        return keys;
    }

    @Override
    public synchronized boolean save(ArticleResult result, String contentHash) {
        ensureConnected();
        Article a = result.article();
        try {
            db.setAutoCommit(false);
            try {
                if (stored(a.id(), contentHash)) {
                    db.rollback();
                    return false;
                }
                insertArticle(result, contentHash);
                String outlet = outlet(a);
                for (Event e : result.events()) saveMention(a, outlet, e);
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
        try (PreparedStatement s = prepared("INSERT INTO articles VALUES (?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?)")) {
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

    private void saveMention(Article a, String outlet, Event e) throws SQLException {
        ObjectNode json = ExtractJson.event(e);
        EventKey key = key(json);
        String eventId;
        String reason;
        Optional<Merger.Decision> decision = key.dateStart() == null ? Optional.empty() : merger.decide(key, candidates(key));
        if (decision.isPresent()) {
            eventId = decision.get().eventId();
            reason = decision.get().reason();
        } else {
            eventId = e.id();
            reason = "new event";
            insertEvent(eventId, json, key);
        }
        try (PreparedStatement s = prepared("INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        if (decision.isPresent()) mergeInto(eventId, json);
    }

    /** Stored events of the same family and modality whose dates come within a day of the mention's. */
    private List<Merger.Candidate> candidates(EventKey key) throws SQLException {
        List<Merger.Candidate> out = new ArrayList<>();
        try (PreparedStatement q = prepared("SELECT id, event_json FROM events WHERE cameo_root = ? AND modality = ? "
                + "AND date_start <= CAST(? AS DATE) AND date_end >= CAST(? AS DATE) ORDER BY id")) {
            // The order breaks ties between equally good candidates, so it must not depend on storage layout:
            // a resumed ingest then merges exactly as an uninterrupted one.
            q.setString(1, key.cameoRoot());
            q.setString(2, key.modality());
            q.setString(3, key.dateEnd().plusDays(1).toString());
            q.setString(4, key.dateStart().minusDays(1).toString());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) out.add(new Merger.Candidate(r.getString(1), key(parse(r.getString(2)))));
            }
        }
        return out;
    }

    private void insertEvent(String id, ObjectNode json, EventKey key) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement s = prepared("INSERT INTO events (" + EVENT_COLUMNS + ") VALUES "
                + "(?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, '{}', ?, ?)")) {
            s.setString(1, id);
            bindColumns(s, 2, json, key);
            s.setString(18, now);
            s.setString(19, now);
            s.executeUpdate();
        }
        updateSearchColumns(id, json);
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
     * Folds a new mention into a stored event: the more precise date and place win, a more specific actor
     * code refines a compatible one, differing casualty counts and dates are kept as disagreements, and the
     * counts of mentions, articles and outlets are recomputed from the mentions table.
     */
    private void mergeInto(String eventId, ObjectNode incoming) throws SQLException {
        ObjectNode stored;
        ObjectNode disagreements;
        try (PreparedStatement q = prepared("SELECT event_json, disagreements FROM events WHERE id = ?")) {
            q.setString(1, eventId);
            try (ResultSet r = q.executeQuery()) {
                if (!r.next()) throw new SQLException("event " + eventId + " vanished during merge");
                stored = (ObjectNode) parse(r.getString(1));
                disagreements = (ObjectNode) parse(r.getString(2));
            }
        }
        String storedPrecision = text(stored, "date_precision"), newPrecision = text(incoming, "date_precision");
        if (!java.util.Objects.equals(text(stored, "date"), text(incoming, "date")) && "day".equals(storedPrecision) && "day".equals(newPrecision)) {
            note(disagreements, "date", stored.get("date"), incoming.get("date"));
        }
        // A finer date wins; at equal precision a date the text states beats one taken from the publication date.
        if (rank(newPrecision) < rank(storedPrecision) || rank(newPrecision) == rank(storedPrecision)
                && "published".equals(text(stored, "date_source")) && "text".equals(text(incoming, "date_source"))) {
            for (String f : new String[]{"date", "date_precision", "date_source"}) stored.set(f, incoming.get(f));
        }
        JsonNode sl = stored.get("location"), nl = incoming.get("location");
        if (nl != null && !nl.isNull()) {
            if (sl == null || sl.isNull() || Merger.finer(nl.path("precision").asText(), sl.path("precision").asText())) {
                stored.set("location", nl);
            }
            if (sl != null && !sl.isNull() && !sl.path("name").asText().equals(nl.path("name").asText())) {
                note(disagreements, "location", sl.get("name"), nl.get("name"));
            }
        }
        for (String role : new String[]{"source", "target"}) {
            JsonNode s = stored.get(role), n = incoming.get(role);
            if (n == null || n.isNull()) continue;
            if (s == null || s.isNull() || n.path("code").asText().length() > s.path("code").asText().length()
                    && n.path("code").asText().startsWith(s.path("code").asText())) stored.set(role, n);
        }
        ObjectNode quantities = stored.with("quantities");
        incoming.path("quantities").fields().forEachRemaining(q -> {
            JsonNode old = quantities.get(q.getKey());
            if (old == null) quantities.set(q.getKey(), q.getValue());
            else if (old.asInt() != q.getValue().asInt()) {
                note(disagreements, q.getKey(), old, q.getValue());
                quantities.put(q.getKey(), Math.max(old.asInt(), q.getValue().asInt()));
            }
        });
        stored.put("confidence", Math.min(0.99, Math.max(stored.path("confidence").asDouble(), incoming.path("confidence").asDouble()) + 0.05));
        EventKey key = key(stored);
        try (PreparedStatement s = prepared("UPDATE events SET cameo_root = ?, modality = ?, date_start = CAST(? AS DATE), "
                + "date_end = CAST(? AS DATE), date = ?, date_precision = ?, source_code = ?, target_code = ?, lat = ?, lon = ?, "
                + "loc_precision = ?, country = ?, plover_type = ?, acled_type = ?, acled_sub_type = ?, event_json = ?, "
                + "num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?), "
                + "num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = ?), "
                + "num_sources = (SELECT count(DISTINCT coalesce(outlet, 'article:' || article_id)) FROM mentions WHERE event_id = ?), "
                + "disagreements = ?, updated_at = ? WHERE id = ?")) {
            bindColumns(s, 1, stored, key);
            s.setString(17, eventId);
            s.setString(18, eventId);
            s.setString(19, eventId);
            s.setString(20, disagreements.toString());
            s.setString(21, Instant.now().toString());
            s.setString(22, eventId);
            s.executeUpdate();
        }
        updateSearchColumns(eventId, stored);
    }

    /** Adds both values to the list of what reports said for {@code field}, once each. */
    private static void note(ObjectNode disagreements, String field, JsonNode a, JsonNode b) {
        ArrayNode values = disagreements.withArray(field);
        for (JsonNode v : new JsonNode[]{a, b}) {
            if (v == null || v.isNull()) continue;
            boolean seen = false;
            for (JsonNode x : values) seen |= x.equals(v);
            if (!seen) values.add(v);
        }
    }

    private static int rank(String precision) {
        return precision == null ? 3 : switch (precision) {
            case "day" -> 0;
            case "month" -> 1;
            case "year" -> 2;
            default -> 3;
        };
    }

    /** The merge key of an event in extract-format JSON. */
    static EventKey key(JsonNode e) {
        String date = text(e, "date"), precision = text(e, "date_precision");
        LocalDate[] range = EventKey.range(date, precision);
        JsonNode loc = e.get("location");
        boolean located = loc != null && !loc.isNull() && loc.hasNonNull("lat");
        return new EventKey(e.path("cameo").path("root").asText(), e.path("plover").path("type").asText(null), text(e, "modality"), range[0], range[1], precision,
                code(e.get("source")), code(e.get("target")),
                located ? loc.get("lat").asDouble() : null, located ? loc.get("lon").asDouble() : null,
                located ? loc.path("precision").asText(null) : null, located ? loc.path("country").asText(null) : null);
    }

    private static String code(JsonNode actor) {
        return actor == null || actor.isNull() ? null : actor.path("code").asText(null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt JSON in store: " + e.getOriginalMessage(), e);
        }
    }

    /** The outlet that published an article: its source name, else its URL's host. */
    static String outlet(Article a) {
        if (a.source() != null && !a.source().isBlank()) return a.source();
        return ArticleReader.host(a.url());
    }

    @Override
    public StoreStats stats() {
        try (Statement s = db.createStatement()) {
            return new StoreStats(count(s, "SELECT count(*) FROM articles"), count(s, "SELECT count(*) FROM mentions"),
                    count(s, "SELECT count(*) FROM events"), count(s, "SELECT count(*) FROM articles WHERE errors <> '[]'"));
        } catch (SQLException e) {
            throw new StoreException("cannot count: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void export(ExportQuery query, Consumer<StoredEvent> sink) {
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
    private void stream(String where, List<Object> params, String order, Consumer<StoredEvent> sink) {
        String events = "SELECT e.id, e.event_json, e.num_mentions, e.num_articles, e.num_sources, e.disagreements, e.first_seen "
                + "FROM events e" + where + order;
        String mentions = "SELECT m.id, m.event_id, m.article_id, m.url, m.outlet, m.sentence, m.start_offset, m.end_offset, "
                + "m.trigger_text, m.trigger_start, m.trigger_end, m.confidence, m.merge_reason FROM mentions m "
                + "JOIN events e ON m.event_id = e.id" + where + order + ", m.id";
        try (PreparedStatement eq = db.prepareStatement(events); PreparedStatement mq = db.prepareStatement(mentions)) {
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

    private static void bind(PreparedStatement s, List<Object> params) throws SQLException {
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

    @Override
    public EventPage search(EventQuery q) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        if (q.after() != null) {
            where += " AND (" + SORT_DATE + " < CAST(? AS DATE) OR (" + SORT_DATE + " = CAST(? AS DATE) AND e.id < ?))";
            String d = (q.after().date() == null ? UNDATED : q.after().date()).toString();
            params.add(d);
            params.add(d);
            params.add(q.after().id());
        }
        // Ranking every matching row by (date, id) with its JSON would carry every row's JSON through the sort.
        // Instead the page's oldest date is found on dates alone, and only rows from that date on are ranked,
        // with their JSON: one narrow pass over the table, whatever its size. A text filter (an EXISTS over
        // mentions, costly) is not run twice: there the page's ids are ranked first and their JSON read after.
        boolean narrowByDate = q.text() == null;
        String columns = "e.id, CAST(" + SORT_DATE + " AS VARCHAR)" + (narrowByDate ? ", " + STORED_EVENT_COLUMNS : "");
        String pageWhere = where;
        List<Object> pageParams = new ArrayList<>(params);
        if (narrowByDate) {
            pageWhere += " AND " + SORT_DATE + " >= (SELECT min(d) FROM (SELECT " + SORT_DATE + " AS d FROM events e" + where
                    + " ORDER BY d DESC LIMIT ?) AS newest)";
            pageParams.addAll(params);
            pageParams.add(q.limit() + 1);
        }
        // One more row than asked says whether there is a next page.
        pageParams.add(q.limit() + 1);
        String page = "SELECT " + columns + " FROM events e" + pageWhere + " ORDER BY " + SORT_DATE + " DESC, e.id DESC LIMIT ?";
        List<String> ids = new ArrayList<>();
        List<EventQuery.Position> positions = new ArrayList<>();
        java.util.Map<String, StoredEvent> byId = new java.util.HashMap<>();
        EventQuery.Position next = null;
        try {
            try (PreparedStatement s = db.prepareStatement(page)) {
                bind(s, pageParams);
                EventQuery.Position last = null;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (ids.size() == q.limit()) {
                            next = last;
                            break;
                        }
                        ids.add(r.getString(1));
                        last = new EventQuery.Position(LocalDate.parse(r.getString(2).substring(0, 10)), r.getString(1));
                        positions.add(last);
                        if (narrowByDate) byId.put(r.getString(1), storedEvent(r, 3));
                    }
                }
            }
            if (!narrowByDate && !ids.isEmpty()) {
                String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
                try (PreparedStatement s = db.prepareStatement("SELECT " + STORED_EVENT_COLUMNS + " FROM events e WHERE e.id IN (" + in + ")")) {
                    bind(s, new ArrayList<>(ids));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) byId.put(r.getString(1), storedEvent(r, 1));
                    }
                }
            }
            List<StoredEvent> events = new ArrayList<>();
            for (String id : ids) events.add(byId.get(id));
            return new EventPage(events, positions, next);
        } catch (SQLException e) {
            throw new StoreException("cannot search events: " + e.getMessage(), e);
        }
    }

    @Override
    public void events(EventQuery q, Consumer<StoredEvent> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        stream(where, params, " ORDER BY e.date_start, e.id", sink);
    }

    @Override
    public List<StoredArticle> articles(java.util.Collection<String> ids) {
        List<StoredArticle> out = new ArrayList<>();
        List<String> all = ids.stream().distinct().sorted().toList();
        // In slices, so a report citing many articles stays within any driver's limit on bound parameters.
        for (int i = 0; i < all.size(); i += 500) {
            List<Object> slice = new ArrayList<>(all.subList(i, Math.min(all.size(), i + 500)));
            String in = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            out.addAll(rows("SELECT id, url, outlet, title, CAST(published AS VARCHAR) FROM articles WHERE id IN (" + in + ") ORDER BY id",
                    slice, r -> new StoredArticle(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5) == null ? null : LocalDate.parse(r.getString(5).substring(0, 10))), "cannot read articles"));
        }
        return out;
    }

    /** An event without its mentions, as the API's listings read it. */
    private static final String STORED_EVENT_COLUMNS = "e.id, e.event_json, e.num_mentions, e.num_articles, e.num_sources, e.disagreements, e.first_seen";

    /** A row's {@link #STORED_EVENT_COLUMNS} from column {@code at} on. */
    private static StoredEvent storedEvent(ResultSet r, int at) throws SQLException {
        return new StoredEvent(r.getString(at), r.getString(at + 1), r.getInt(at + 2), r.getInt(at + 3), r.getInt(at + 4),
                r.getString(at + 5), r.getString(at + 6), List.of());
    }

    @Override
    public Optional<StoredEventDetail> event(String id) {
        List<StoredEvent> found = new ArrayList<>();
        stream(" WHERE e.id = ?", List.of(id), " ORDER BY e.id", found::add);
        if (found.isEmpty()) return Optional.empty();
        java.util.Map<String, String> json = new java.util.HashMap<>();
        try (PreparedStatement q = db.prepareStatement("SELECT id, event_json FROM mentions WHERE event_id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) json.put(r.getString(1), r.getString(2));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read event " + id + ": " + e.getMessage(), e);
        }
        return Optional.of(new StoredEventDetail(found.get(0), json));
    }

    @Override
    public Aggregates.Timeline timeline(EventQuery q, Aggregates.Interval interval) {
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

    @Override
    public List<Aggregates.ActorCount> topActors(EventQuery q, int limit) {
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

    @Override
    public List<Aggregates.DyadCount> dyads(EventQuery q, int limit) {
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
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(reader.read(r));
            }
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public List<StoredEvent> withCameoCodes(List<String> codes, LocalDate to, String country) {
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

    @Override
    public List<StoredEvent> seenAfter(String after, double[] bbox, int limit, boolean oldestFirst) {
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

    @Override
    public synchronized Zone saveZone(Zone z) {
        ensureConnected();
        Zone stored = new Zone(z.id(), z.name(), z.geometryJson(), z.minLon(), z.minLat(), z.maxLon(), z.maxLat(), Instant.now().toString());
        try (PreparedStatement s = db.prepareStatement("INSERT INTO zones VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, stored.id());
            s.setString(2, stored.name());
            s.setString(3, stored.geometryJson());
            s.setDouble(4, stored.minLon());
            s.setDouble(5, stored.minLat());
            s.setDouble(6, stored.maxLon());
            s.setDouble(7, stored.maxLat());
            s.setString(8, stored.createdAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store zone " + z.id() + ": " + e.getMessage(), e);
        }
        return stored;
    }

    private static final String ZONE_COLUMNS = "SELECT id, name, geometry, min_lon, min_lat, max_lon, max_lat, created_at FROM zones";

    private static Zone zone(ResultSet r) throws SQLException {
        return new Zone(r.getString(1), r.getString(2), r.getString(3), r.getDouble(4), r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getString(8));
    }

    @Override
    public Optional<Zone> zone(String id) {
        List<Zone> found = rows(ZONE_COLUMNS + " WHERE id = ?", List.<Object>of(id), JdbcEventStore::zone, "cannot read zone " + id);
        return found.stream().findFirst();
    }

    @Override
    public List<Zone> zones() {
        return rows(ZONE_COLUMNS + " ORDER BY created_at DESC, id", List.of(), JdbcEventStore::zone, "cannot list zones");
    }

    @Override
    public boolean deleteZone(String id) {
        return write("DELETE FROM zones WHERE id = ?", List.of(id), "cannot delete zone " + id);
    }

    /** Runs one write statement with bound values; true when it changed a row. {@code what} names it in errors. */
    private synchronized boolean write(String sql, List<Object> values, String what) {
        ensureConnected();
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, values);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new StoreException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> feeds() {
        return rows("SELECT url FROM feeds ORDER BY added_at, url", List.of(), r -> r.getString(1), "cannot list feeds");
    }

    @Override
    public synchronized boolean addFeed(String url) {
        return !feeds().contains(url) && write("INSERT INTO feeds VALUES (?, ?)", List.of(url, Instant.now().toString()), "cannot store feed " + url);
    }

    @Override
    public boolean removeFeed(String url) {
        return write("DELETE FROM feeds WHERE url = ?", List.of(url), "cannot remove feed " + url);
    }

    @Override
    public boolean usable() {
        try {
            return db.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement ps : realStatements) ps.close();
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
