package sitrep.store;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens a store by its location: a file path for DuckDB (created when missing), or a
 * {@code postgresql://user:password@host:port/database} URL for PostgreSQL.
 */
public final class Stores {
    private Stores() {
    }

    public static EventStore open(String location) {
        try {
            if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
                return new JdbcEventStore(postgres(location), JdbcEventStore.Dialect.POSTGRES, () -> postgres(location));
            }
            if (location.startsWith("jdbc:postgresql:")) {
                return new JdbcEventStore(DriverManager.getConnection(location), JdbcEventStore.Dialect.POSTGRES,
                        () -> DriverManager.getConnection(location));
            }
            Path file = Path.of(location).toAbsolutePath();
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Connection duck = DriverManager.getConnection("jdbc:duckdb:" + file);
            // One database instance per file and process: readers are further connections to it, not new opens.
            return new JdbcEventStore(duck, JdbcEventStore.Dialect.DUCKDB, () -> duck.unwrap(org.duckdb.DuckDBConnection.class).duplicate());
        } catch (SQLException e) {
            throw new StoreException("cannot open store " + redact(location) + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the folder of store " + location + ": " + e.getMessage(), e);
        }
    }

    private static Connection postgres(String location) throws SQLException {
        URI uri = URI.create(location);
        Properties props = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            props.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) props.setProperty("password", decode(userInfo.substring(colon + 1)));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + uri.getRawPath() + query, props);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The location without its password, for messages. */
    static String redact(String location) {
        return location.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@");
    }
}
