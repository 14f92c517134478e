package sitrep.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JDBC connection of a store with the statements prepared on it. serve runs for weeks against a
 * PostgreSQL server that may restart: {@link #ensureConnected()} replaces a connection that no longer answers
 * (with fresh statements) before a write, so callers always ask for {@link #connection()} anew.
 */
final class StoreConnection {
    /** Opens another connection to the store's database (readers, and the replacement of a lost one). */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private Connection db;
    private final Connector connector;
    /** Statements prepared once per connection (see {@link #prepared}), by their SQL. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<PreparedStatement> realStatements = new ArrayList<>();

    StoreConnection(Connection db, Connector connector) {
        this.db = db;
        this.connector = connector;
    }

    Connection connection() {
        return db;
    }

    Connector connector() {
        return connector;
    }

    /**
     * A prepared statement kept for the connection's life: ingest runs the same few statements for every
     * mention, and preparing them anew each time cost about as much as running them. Its close() (from
     * try-with-resources) only clears the parameters; {@link #close()} closes it for real.
     */
    synchronized PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            PreparedStatement real = db.prepareStatement(sql);
            ps = (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(StoreConnection.class.getClassLoader(),
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

    /** Replaces the connection, with fresh statements, when it no longer answers. */
    synchronized void ensureConnected() {
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
            db = connector.connect();
        } catch (SQLException e) {
            throw new StoreException("lost the connection to the store and cannot open a new one: " + e.getMessage(), e);
        }
    }

    boolean usable() {
        try {
            return db.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    void close() {
        try {
            for (PreparedStatement ps : realStatements) ps.close();
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
