package sitrep.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Problem;
import sitrep.pipeline.ExtractJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads the Spark job's output (`sitrep spark extract --output DIR`): its {@code articles/} Parquet, one row per
 * article in the extract format's fields, back into the pipeline's records, so ingest loads it with no NLP.
 * DuckDB (already the embedded store) reads the Parquet and hands each row over as JSON with its field names.
 */
public final class ParquetResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParquetResults() {
    }

    /** The Parquet folder of a job's output: DIR/articles when DIR is the output, DIR when it is that folder. */
    private static Path articles(Path dir) {
        Path sub = dir.resolve("articles");
        return Files.isDirectory(sub) ? sub : dir;
    }

    private static boolean hasColumn(Connection duck, String files, String column) throws SQLException {
        try (PreparedStatement s = duck.prepareStatement("SELECT 1 FROM (DESCRIBE SELECT * FROM read_parquet(?, union_by_name = true)) WHERE column_name = ?")) {
            s.setString(1, files);
            s.setString(2, column);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Whether {@code input} is a folder of the job's output: it, or its articles/ folder, holds Parquet files. */
    public static boolean isJobOutput(String input) {
        Path dir = Path.of(input);
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.walk(articles(dir))) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Every article row under {@code dir} to {@code sink}, and, when {@code dir} is the whole output, each item the job
     * could not read (errors/, stage ingest) as a failed record, as ingest keeps such items: in arrival order (the
     * job's input_file and input_item, the order a sequential ingest of its inputs stores them in, so merging
     * gives the same events), or, for output written before the job kept that order, articles in file order and
     * the unreadable items after them.
     */
    public static void read(String dir, Consumer<ArticleResult> sink) {
        Path articles = articles(Path.of(dir));
        Path errors = Path.of(dir).resolve("errors");
        boolean withErrors = !articles.equals(Path.of(dir)) && Files.isDirectory(errors);
        String articleFiles = articles.resolve("**").resolve("*.parquet").toString(), errorFiles = errors.resolve("*.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            boolean ordered = hasColumn(duck, articleFiles, "input_file") && (!withErrors || hasColumn(duck, errorFiles, "input_file"));
            String sql = "SELECT to_json(t)::VARCHAR AS article, NULL AS id, NULL AS origin, NULL AS message"
                    + (ordered ? ", input_file, input_item" : ", 0 AS input_file, 0 AS input_item")
                    + " FROM read_parquet(?, hive_partitioning = true, union_by_name = true) t";
            if (withErrors) {
                sql += " UNION ALL SELECT NULL, id, origin, message" + (ordered ? ", input_file, input_item" : ", 1, 0")
                        + " FROM read_parquet(?) WHERE stage = 'ingest'";
            }
            sql += " ORDER BY input_file, input_item" + (ordered ? "" : ", origin, id");
            try (PreparedStatement s = duck.prepareStatement(sql)) {
                s.setString(1, articleFiles);
                if (withErrors) s.setString(2, errorFiles);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String article = rs.getString(1);
                        if (article != null) {
                            sink.accept(ExtractJson.result(JSON.readTree(article)));
                        } else {
                            Article placeholder = new Article(rs.getString(2), "", null, null, null, null, null, rs.getString(3), false);
                            sink.accept(ArticleResult.failed(placeholder, new Problem("ingest", rs.getString(4))));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read Parquet under " + dir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("bad row in Parquet under " + dir, e);
        }
    }
}
