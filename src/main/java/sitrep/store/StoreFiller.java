package sitrep.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills a new DuckDB store with copies of a small store's events, for benchmarks (`bench --store-events`,
 * `--export-events`): what a store of a million events costs to ingest into or export, without ingesting a
 * million events first (through the pipeline that takes days; saving copies one article at a time, hours).
 *
 * <p>Each copy takes every article, mention and event of the seed store with new ids (the seed's id, {@code ~},
 * the copy's number) and its dates moved by the copy's offset, so the copies spread over a span of days
 * around the seed's own dates at {@link #EVENTS_PER_DAY} events a day, the same CAMEO families, places and actors
 * as the seed's: a lookup of merge candidates for one of the seed's articles then meets as many events of its
 * family, day and area as a real store of that size holds. Dates move in the key columns and in the event JSON
 * alike, so an event a new mention merges into is what it says. Events are written in date order, as a store
 * that ingests the news as it comes has them (DuckDB's zone maps then skip the row groups of other dates, as
 * they do on such a store). One INSERT ... SELECT per table, in one transaction.
 */
public final class StoreFiller {
    /**
     * How densely the copies fill the calendar: about ACLED's worldwide rate of recorded political violence and
     * protest (some 150,000-200,000 events a year), so a store of a million events spans some five and a half years.
     */
    public static final int EVENTS_PER_DAY = 500;

    private StoreFiller() {
    }

    /**
     * Fills {@code target}, a DuckDB store that must not exist yet, with {@code events} events copied from the
     * DuckDB store {@code seed} (not changed, and not open elsewhere), and their articles and mentions.
     *
     * @return the number of articles written
     */
    public static long fill(Path seed, Path target, long events) {
        if (Files.exists(target)) throw new IllegalArgumentException("cannot fill " + target + ": it exists already");
        Stores.open(target.toString()).close(); // the schema, as a store of this version has it
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + target.toAbsolutePath())) {
            try (Statement s = db.createStatement()) {
                s.execute("ATTACH '" + seed.toAbsolutePath().toString().replace("'", "''") + "' AS seed (READ_ONLY)");
            }
            long seedEvents = count(db, "SELECT count(*) FROM seed.events");
            if (seedEvents == 0) throw new StoreException("cannot fill a store from " + seed + ": it holds no events", null);
            long copies = (events + seedEvents - 1) / seedEvents;
            long spanDays = Math.max(2, events / EVENTS_PER_DAY);
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                // Each copy's offset in days: spread evenly over the span by the golden ratio's multiples, never 0
                // (a copy on the seed's own dates would be the same events again).
                s.execute("CREATE TEMP TABLE copies AS SELECT i AS copy, CASE WHEN o = 0 THEN 1 ELSE o END AS shift FROM "
                        + "(SELECT i, CAST(round(((i * 0.6180339887498949) % 1 - 0.5) * " + spanDays + ") AS INTEGER) AS o FROM range(" + copies + ") t(i))");
                s.execute("CREATE TEMP TABLE seed_events AS SELECT e.*, row_number() OVER (ORDER BY e.id) - 1 AS seq FROM seed.events e");
                // The events the copies keep: the first `events` of copies x seed, by copy and then the seed's id order.
                s.execute("CREATE TEMP TABLE kept AS SELECT e.id AS seed_id, c.copy, c.shift FROM seed_events e, copies c WHERE c.copy * "
                        + seedEvents + " + e.seq < " + events);
                String start = "e.date_start + k.shift";
                String newStart = "CASE e.date_precision WHEN 'year' THEN CAST(date_trunc('year', " + start + ") AS DATE) "
                        + "WHEN 'month' THEN CAST(date_trunc('month', " + start + ") AS DATE) ELSE " + start + " END";
                String newEnd = "CASE e.date_precision WHEN 'year' THEN CAST(date_trunc('year', " + start + ") + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) "
                        + "WHEN 'month' THEN CAST(last_day(" + start + ") AS DATE) ELSE e.date_end + k.shift END";
                String newDate = "CASE e.date_precision WHEN 'year' THEN strftime(" + start + ", '%Y') WHEN 'month' THEN strftime(" + start
                        + ", '%Y-%m') ELSE strftime(" + start + ", '%Y-%m-%d') END";
                String copyId = " || '~' || k.copy";
                insert(db, "events", "seed_events e JOIN kept k ON k.seed_id = e.id", Map.of(
                        "id", "e.id" + copyId,
                        "date_start", "CASE WHEN e.date_start IS NULL THEN NULL ELSE " + newStart + " END",
                        "date_end", "CASE WHEN e.date_start IS NULL THEN NULL ELSE " + newEnd + " END",
                        "date", "CASE WHEN e.date_start IS NULL THEN e.date ELSE " + newDate + " END",
                        "event_json", "CASE WHEN e.date_start IS NULL THEN e.event_json ELSE replace(e.event_json, '\"date\":\"' || e.date || '\"', "
                                + "'\"date\":\"' || " + newDate + " || '\"') END"), "date_start");
                insert(db, "mentions", "seed.mentions e JOIN kept k ON k.seed_id = e.event_id", Map.of(
                        "id", "e.id" + copyId, "event_id", "e.event_id" + copyId, "article_id", "e.article_id" + copyId), null);
                insert(db, "articles", "seed.articles e JOIN (SELECT DISTINCT m.article_id, k.copy FROM seed.mentions m JOIN kept k "
                        + "ON k.seed_id = m.event_id) k ON k.article_id = e.id", Map.of(
                        "id", "e.id" + copyId, "content_hash", "e.content_hash" + copyId), null);
                s.execute("UPDATE store_version SET version = version + 1");
            }
            db.commit();
            return count(db, "SELECT count(*) FROM articles");
        } catch (SQLException e) {
            throw new StoreException("cannot fill " + target + " from " + seed + ": " + e.getMessage(), e);
        }
    }

    /**
     * INSERT INTO {@code table} SELECT every column from {@code from} (alias e, copies k), some replaced by an
     * expression, in the order of column {@code orderBy} (null: any order).
     */
    private static void insert(Connection db, String table, String from, Map<String, String> replaced, String orderBy) throws SQLException {
        List<String> columns = new ArrayList<>(), values = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                + "AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            q.setString(1, table);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                    values.add(replaced.getOrDefault(r.getString(1), "e." + r.getString(1)));
                }
            }
        }
        try (Statement s = db.createStatement()) {
            String order = orderBy == null ? "" : " ORDER BY " + (columns.indexOf(orderBy) + 1) + " NULLS FIRST";
            s.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM " + from + order);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
