package sitrep.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The store's tables: created when missing, brought up to date when older, the same on DuckDB and PostgreSQL. */
final class StoreSchema {
    private StoreSchema() {
    }

    /**
     * The filter columns read from an event's JSON, added to stores written before them. {@code cameo_code} is a
     * merge key column as well ({@code EventWrites.candidates} reads it for the rule's mutual acts), so every
     * event must have it filled before the store merges into it: the upgrade below fills all rows in one go.
     */
    static final List<String> SEARCH_COLUMNS = List.of("admin1", "source_name", "target_name", "cameo_code");

    /**
     * PostgreSQL advisory lock keys (any 64-bit numbers other tools are unlikely to pick): one held while the
     * schema is created, so processes opening a new store at once create it once; one held by each article's
     * transaction, so concurrent ingests merge one article at a time and each sees the other's events.
     */
    static final long SCHEMA_LOCK = 0x7369747265700001L, WRITE_LOCK = 0x7369747265700002L;

    /** Creates or updates the schema; true when the store has PostGIS geometry (PostgreSQL with the extension). */
    static boolean create(StoreConnection c, JdbcEventStore.Dialect d) throws SQLException {
        Connection db = c.connection();
        if (d != JdbcEventStore.Dialect.POSTGRES) {
            createTables(c, d);
            return false;
        }
        // CREATE ... IF NOT EXISTS is not safe against a concurrent CREATE of the same name on PostgreSQL
        // (both pass the check, one fails on the catalogue's unique index): the lock makes one process do it.
        try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, SCHEMA_LOCK);
            lock.execute();
        }
        try {
            createTables(c, d);
            return enablePostgis(db);
        } finally {
            try (PreparedStatement unlock = db.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, SCHEMA_LOCK);
                unlock.execute();
            }
        }
    }

    private static void createTables(StoreConnection c, JdbcEventStore.Dialect d) throws SQLException {
        Connection db = c.connection();
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
            // One row counting the store's committed writes (see EventStore#version): no key, as a key would be an
            // index, and it is only ever read whole or bumped by the one writer that holds the write lock.
            s.execute("CREATE TABLE IF NOT EXISTS store_version (version BIGINT NOT NULL)");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM store_version")) {
                r.next();
                if (r.getLong(1) == 0) s.execute("INSERT INTO store_version VALUES (0)");
            }
        }
        addOutlets(db, d);
        // Columns the API filters on, added after the first stores were written: a store without them gets
        // them here, filled from each event's JSON, so old stores answer the API's queries too.
        List<String> missing = new ArrayList<>();
        for (String col : SEARCH_COLUMNS) {
            try (ResultSet r = db.getMetaData().getColumns(null, null, "events", col)) {
                if (!r.next()) missing.add(col);
            }
        }
        if (missing.isEmpty()) return;
        // One transaction: an upgrade cut short (killed) leaves the store as it was, and the next open redoes it.
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            // DuckDB cannot alter a table that has an index: the index goes while the columns are added.
            s.execute("DROP INDEX IF EXISTS events_family_date");
            for (String col : missing) s.execute("ALTER TABLE events ADD COLUMN " + col + " VARCHAR");
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
        for (String[] row : rows) fillSearchColumns(c, row[0], EventWrites.parse(row[1]));
        db.commit();
        db.setAutoCommit(true);
    }

    /**
     * The events' {@code outlets} column (the distinct outlets of an event's mentions, one per line: what merging
     * counts num_sources by), added after the first stores were written: a store without it gets it here, filled
     * from the mentions in one statement.
     */
    private static void addOutlets(Connection db, JdbcEventStore.Dialect d) throws SQLException {
        try (ResultSet r = db.getMetaData().getColumns(null, null, "events", "outlets")) {
            if (r.next()) return;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("DROP INDEX IF EXISTS events_family_date");
            s.execute("ALTER TABLE events ADD COLUMN outlets VARCHAR");
            s.execute("UPDATE events SET outlets = o.list FROM (SELECT event_id, string_agg(DISTINCT replace(coalesce(outlet, 'article:' || article_id), "
                    + "chr(10), ' '), chr(10)) AS list FROM mentions GROUP BY event_id) o WHERE events.id = o.event_id");
            if (d.secondaryIndexes) s.execute("CREATE INDEX IF NOT EXISTS events_family_date ON events (cameo_root, date_start)");
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /**
     * Where PostGIS is installed, adds a point geometry derived from lat/lon (a generated column, so no write
     * path changes) with a GiST index, for GIS clients and spatial queries. Without PostGIS the store works
     * the same, minus that column.
     */
    private static boolean enablePostgis(Connection db) throws SQLException {
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

    /** Fills the filter columns that are read from an event's JSON: admin1, the actors' names, the CAMEO code. */
    static void fillSearchColumns(StoreConnection c, String eventId, JsonNode json) throws SQLException {
        try (PreparedStatement s = c.prepared("UPDATE events SET admin1 = ?, source_name = ?, target_name = ?, cameo_code = ? WHERE id = ?")) {
            JsonNode loc = json.get("location");
            s.setString(1, loc == null || loc.isNull() ? null : loc.path("admin1").asText(null));
            s.setString(2, json.path("source").path("name").asText(null));
            s.setString(3, json.path("target").path("name").asText(null));
            s.setString(4, json.path("cameo").path("code").asText(null));
            s.setString(5, eventId);
            s.executeUpdate();
        }
    }
}
