package sitrep.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import sitrep.store.ContentHash;
import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;
import sitrep.ingest.InputItem;
import sitrep.model.ArticleResult;
import sitrep.model.Problem;

import java.util.List;

/** Articles posted to be run through the pipeline and stored (token needed). */
final class ArticlesResource extends Resource {
    ArticlesResource(Services s) {
        super(s);
    }

    @Override
    void routes(Javalin app) {
        app.post("/api/articles", this::postArticles);
    }

    private void postArticles(Context ctx) {
        JsonNode body = authorisedJsonBody(ctx);
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new BadRequest("body must be an article object {\"text\": ..., \"id\", \"published\", \"title\", \"url\", \"source\"} or a list of them");
        }
        List<JsonNode> items = body.isArray() ? JSON.convertValue(body, JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)) : List.of(body);
        if (items.isEmpty()) throw new BadRequest("empty list of articles");
        if (items.size() > ApiServer.MAX_ARTICLES_PER_POST) throw new BadRequest("at most " + ApiServer.MAX_ARTICLES_PER_POST + " articles per request, got " + items.size());
        ArticleReader reader = new ArticleReader(InputFormat.JSONL, null);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("articles");
        int stored = 0, skipped = 0, rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            InputItem item = reader.fromJson("request item " + i, items.get(i).toString());
            ObjectNode r = results.addObject().put("id", item.article().id());
            if (!item.usable()) {
                rejected++;
                r.put("status", "rejected");
                errors(r, item.problems());
                continue;
            }
            String hash = ContentHash.of(item.article().text());
            boolean known;
            synchronized (store) {
                known = store.contains(item.article().id(), hash);
            }
            if (known) {
                skipped++;
                r.put("status", "already stored");
                continue;
            }
            ArticleResult result = pipeline.get().process(item);
            boolean saved;
            synchronized (store) {
                saved = store.save(result, hash);
            }
            if (saved) stored++; else skipped++;
            r.put("status", saved ? "stored" : "already stored").put("events", result.events().size());
            errors(r, result.errors());
        }
        out.put("stored", stored).put("skipped", skipped).put("rejected", rejected);
        ctx.status(rejected == items.size() ? 400 : stored > 0 ? 201 : 200);
        json(ctx, out);
    }

    private static void errors(ObjectNode r, List<Problem> problems) {
        ArrayNode errors = r.putArray("errors");
        for (Problem p : problems) errors.addObject().put("stage", p.stage()).put("message", p.message());
    }
}
