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
     * Every article row under {@code dir}, in file order, to {@code sink}; then, when {@code dir} is the whole output,
     * each item the job could not read (errors/, stage ingest) as a failed record, as ingest keeps such items.
     */
    public static void read(String dir, Consumer<ArticleResult> sink) {
        Path articles = articles(Path.of(dir));
        Path errors = Path.of(dir).resolve("errors");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            try (PreparedStatement s = duck.prepareStatement(
                    "SELECT to_json(t)::VARCHAR FROM read_parquet(?, hive_partitioning = true, union_by_name = true) t")) {
                s.setString(1, articles.resolve("**").resolve("*.parquet").toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) sink.accept(ExtractJson.result(JSON.readTree(rs.getString(1))));
                }
            }
            if (!articles.equals(Path.of(dir)) && Files.isDirectory(errors)) {
                try (PreparedStatement s = duck.prepareStatement(
                        "SELECT id, origin, message FROM read_parquet(?) WHERE stage = 'ingest' ORDER BY origin, id")) {
                    s.setString(1, errors.resolve("*.parquet").toString());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Article placeholder = new Article(rs.getString(1), "", null, null, null, null, null, rs.getString(2), false);
                            sink.accept(ArticleResult.failed(placeholder, new Problem("ingest", rs.getString(3))));
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
