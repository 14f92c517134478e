package sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import sitrep.ingest.InputItem;
import sitrep.model.Article;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command's work done by the {@code serve} that holds its store: exports downloaded from /api/export, articles
 * posted to /api/articles (which needs serve's token). Only on loopback or the host serve named; the note beside
 * the store says where.
 */
final class ServerHandOff {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Articles per request: the API's own limit per POST. */
    static final int BATCH = sitrep.server.ApiServer.MAX_ARTICLES_PER_POST;

    private ServerHandOff() {
    }

    /**
     * Downloads the export from the server into {@code output}; returns the number of data rows written.
     *
     * @param filters the export's filters as API parameters
     */
    static long export(RunningServer.Note server, String format, Map<String, String> filters, boolean header, Path output) {
        StringBuilder query = new StringBuilder("format=").append(format);
        filters.forEach((k, v) -> {
            if (v != null) query.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        if (header) query.append("&header=true");
        try {
            Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".sitrep-export", ".part");
            try {
                HttpResponse<Path> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/export?" + query)).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(tmp));
                if (r.statusCode() != 200) {
                    JsonNode err = JSON.readTree(Files.readString(tmp));
                    throw new Main.UsageException("the server refused the export: " + err.path("error").asText("HTTP " + r.statusCode()));
                }
                Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            long lines;
            try (var s = Files.lines(output)) {
                lines = s.count();
            }
            boolean headerRow = !format.equals("gdelt") && !format.equals("jsonl") && !format.equals("geojson") || header && format.equals("gdelt");
            return format.equals("geojson") ? Math.max(0, lines - 2) : Math.max(0, lines - (headerRow ? 1 : 0));
        } catch (IOException e) {
            throw new Main.UsageException("could not download the export from " + server.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Main.UsageException("interrupted");
        }
    }

    /** What posting articles gave: stored, already stored, refused. */
    record Posted(long stored, long skipped, long rejected) {
    }

    /** Posts the usable items to the server in batches; unusable ones are reported on stderr and counted as refused. */
    static Posted ingest(RunningServer.Note server, String token, Iterable<InputItem> items) {
        long stored = 0, skipped = 0, rejected = 0;
        List<InputItem> batch = new ArrayList<>();
        for (InputItem item : items) {
            if (!item.usable()) {
                for (sitrep.model.Problem pr : item.problems()) {
                    System.err.println("sitrep: " + item.article().origin() + ": " + pr.stage() + ": " + pr.message());
                }
                rejected++;
                continue;
            }
            batch.add(item);
            if (batch.size() == BATCH) {
                Posted p = post(server, token, batch);
                stored += p.stored();
                skipped += p.skipped();
                rejected += p.rejected();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            Posted p = post(server, token, batch);
            stored += p.stored();
            skipped += p.skipped();
            rejected += p.rejected();
        }
        return new Posted(stored, skipped, rejected);
    }

    private static Posted post(RunningServer.Note server, String token, List<InputItem> batch) {
        ArrayNode body = JSON.createArrayNode();
        for (InputItem i : batch) {
            Article a = i.article();
            ObjectNode o = body.addObject().put("id", a.id()).put("text", a.text());
            if (a.published() != null) o.put("published", a.published().toString());
            if (a.title() != null) o.put("title", a.title());
            if (a.url() != null) o.put("url", a.url());
            if (a.source() != null) o.put("source", a.source());
        }
        try {
            // The server runs the pipeline while the request waits: generous, as the first one loads CoreNLP.
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/articles"))
                    .timeout(Duration.ofMinutes(30)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode reply = JSON.readTree(r.body());
            if (r.statusCode() == 401) throw new Main.UsageException("the server refused the token in SITREP_TOKEN: " + reply.path("error").asText());
            if (r.statusCode() >= 300 && r.statusCode() != 400) throw new Main.UsageException("the server refused the articles: " + reply.path("error").asText("HTTP " + r.statusCode()));
            for (JsonNode a : reply.path("articles")) {
                for (JsonNode err : a.path("errors")) System.err.println("sitrep: " + a.path("id").asText() + ": " + err.path("message").asText());
            }
            return new Posted(reply.path("stored").asLong(), reply.path("skipped").asLong(), reply.path("rejected").asLong());
        } catch (IOException e) {
            throw new Main.UsageException("could not post articles to " + server.url() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Main.UsageException("interrupted");
        }
    }
}
