package sitrep.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sitrep.merge.MergeCorpus;
import sitrep.merge.SequentialMerge;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.pipeline.ExtractJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory merge (what the Spark job's merge stage runs per block) gives, event for event, what the store gives
 * when the same articles are saved in the same order: its candidate lookup, tie-break and fold are the store's.
 */
class SequentialMergeStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void inMemoryMergeIsTheStoresMerge() throws IOException {
        List<ArticleResult> articles = MergeCorpus.articles(7, 400);
        SequentialMerge memory = new SequentialMerge();
        Map<String, String> expected = new TreeMap<>();
        try (EventStore store = Stores.open(dir.resolve("s.duckdb").toString())) {
            for (ArticleResult a : articles) {
                assertTrue(store.save(a, ContentHash.of(a.article().text())));
                for (Event e : a.events()) {
                    memory.add(new SequentialMerge.Mention(a.article().id(), a.article().url(),
                            SequentialMerge.outlet(a.article().source(), a.article().url()), ExtractJson.event(e)));
                }
            }
            List<StoredEvent> stored = new ArrayList<>();
            store.export(ExportQuery.all(), stored::add);
            for (StoredEvent e : stored) {
                StringBuilder s = new StringBuilder(JSON.readTree(e.eventJson()).toString()).append(JSON.readTree(e.disagreements()))
                        .append(e.numMentions()).append('/').append(e.numArticles()).append('/').append(e.numSources());
                e.mentions().stream().map(m -> " " + m.mentionId() + ":" + m.mergeReason()).sorted().forEach(s::append);
                expected.put(e.id(), s.toString());
            }
        }
        Map<String, String> actual = new TreeMap<>();
        for (SequentialMerge.MergedEvent e : memory.events()) {
            StringBuilder s = new StringBuilder(e.json().toString()).append(e.disagreements())
                    .append(e.numMentions()).append('/').append(e.numArticles()).append('/').append(e.numSources());
            e.mentions().stream().map(m -> " " + m.mention().id() + ":" + m.reason()).sorted().forEach(s::append);
            actual.put(e.id(), s.toString());
        }
        assertTrue(expected.size() < 900, "mentions merge in the store: " + expected.size() + " events");
        String all = String.join("\n", expected.values());
        assertTrue(all.contains("are mutual acts)"), "some mentions join with their sides swapped");
        assertTrue(all.contains("refines the event's"), "some events take a more specific code");
        assertEquals(expected.keySet(), actual.keySet());
        for (String id : expected.keySet()) assertEquals(expected.get(id), actual.get(id), id);
    }
}
