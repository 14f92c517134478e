package sitrep.store;

import sitrep.model.ArticleResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The store over JDBC, for DuckDB (embedded) and PostgreSQL (shared server): the schema ({@link StoreSchema}),
 * the writes ({@link EventWrites}) and the reads ({@link EventQueries}) over one connection. Plain SQL with
 * prepared statements only; the two dialects differ in a type name, indexes and locks. One article is one
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

    private final StoreConnection connection;
    private final Dialect dialect;
    private final EventWrites writes;
    private final EventQueries queries;
    /** True on PostgreSQL with PostGIS: events then carry a geometry column with a spatial index. */
    private final boolean postgis;

    /** A store over {@code db}, creating or updating the schema; {@code readers} opens reader connections. */
    JdbcEventStore(Connection db, Dialect dialect, StoreConnection.Connector readers) {
        this.connection = new StoreConnection(db, readers);
        this.dialect = dialect;
        try {
            this.postgis = StoreSchema.create(connection, dialect);
        } catch (SQLException e) {
            throw new StoreException("cannot create the store schema: " + e.getMessage(), e);
        }
        this.writes = new EventWrites(connection, dialect == Dialect.POSTGRES);
        this.queries = new EventQueries(connection);
    }

    /** A reader: the schema is in place already. */
    private JdbcEventStore(Connection db, Dialect dialect, StoreConnection.Connector readers, boolean postgis) {
        this.connection = new StoreConnection(db, readers);
        this.dialect = dialect;
        this.postgis = postgis;
        this.writes = new EventWrites(connection, dialect == Dialect.POSTGRES);
        this.queries = new EventQueries(connection);
    }

    @Override
    public EventStore openReader() {
        try {
            return new JdbcEventStore(connection.connector().connect(), dialect, connection.connector(), postgis);
        } catch (SQLException e) {
            throw new StoreException("cannot open another connection to the store: " + e.getMessage(), e);
        }
    }

    /** Whether this store has PostGIS geometry (PostgreSQL with the extension installed). */
    boolean spatial() {
        return postgis;
    }

    /** Events within {@code km} of a point, by PostGIS; only on a {@link #spatial()} store. */
    long countWithinKm(double lat, double lon, double km) {
        return queries.countWithinKm(lat, lon, km);
    }

    @Override
    public boolean contains(String articleId, String contentHash) {
        connection.ensureConnected();
        return writes.stored(articleId, contentHash);
    }

    @Override
    public Set<String> articleKeys() {
        return queries.articleKeys();
    }

    @Override
    public boolean save(ArticleResult result, String contentHash) {
        return writes.save(result, contentHash);
    }

    @Override
    public StoreStats stats() {
        return queries.stats();
    }

    @Override
    public long version() {
        return queries.version();
    }

    @Override
    public void export(ExportQuery query, Consumer<StoredEvent> sink) {
        queries.export(query, sink);
    }

    @Override
    public EventPage search(EventQuery query) {
        return queries.search(query);
    }

    @Override
    public void events(EventQuery query, Consumer<StoredEvent> sink) {
        queries.events(query, sink);
    }

    @Override
    public List<StoredArticle> articles(java.util.Collection<String> ids) {
        return queries.articles(ids);
    }

    @Override
    public Optional<StoredEventDetail> event(String id) {
        return queries.event(id);
    }

    @Override
    public Aggregates.Timeline timeline(EventQuery query, Aggregates.Interval interval) {
        return queries.timeline(query, interval);
    }

    @Override
    public List<Aggregates.ActorCount> topActors(EventQuery query, int limit) {
        return queries.topActors(query, limit);
    }

    @Override
    public List<Aggregates.DyadCount> dyads(EventQuery query, int limit) {
        return queries.dyads(query, limit);
    }

    @Override
    public List<StoredEvent> withCameoCodes(List<String> codes, LocalDate to, String country) {
        return queries.withCameoCodes(codes, to, country);
    }

    @Override
    public List<StoredEvent> seenAfter(String after, double[] bbox, int limit, boolean oldestFirst) {
        return queries.seenAfter(after, bbox, limit, oldestFirst);
    }

    @Override
    public Zone saveZone(Zone zone) {
        return writes.saveZone(zone);
    }

    @Override
    public Optional<Zone> zone(String id) {
        return queries.zone(id);
    }

    @Override
    public List<Zone> zones() {
        return queries.zones();
    }

    @Override
    public boolean deleteZone(String id) {
        return writes.deleteZone(id);
    }

    @Override
    public List<String> feeds() {
        return queries.feeds();
    }

    @Override
    public boolean addFeed(String url) {
        return writes.addFeed(url);
    }

    @Override
    public boolean removeFeed(String url) {
        return writes.removeFeed(url);
    }

    @Override
    public boolean usable() {
        return connection.usable();
    }

    @Override
    public void close() {
        connection.close();
    }
}
