package sitrep.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.pipeline.ExtractJson;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merging block by block gives the events one sequential merge of all mentions gives; and blocks do split. */
class MergeBlocksTest {
    private static List<SequentialMerge.Mention> mentions(List<ArticleResult> articles) {
        List<SequentialMerge.Mention> out = new ArrayList<>();
        for (ArticleResult a : articles) {
            for (Event e : a.events()) {
                out.add(new SequentialMerge.Mention(a.article().id(), a.article().url(),
                        SequentialMerge.outlet(a.article().source(), a.article().url()), ExtractJson.event(e)));
            }
        }
        return out;
    }

    /** Every event as a comparable string: id, merged JSON, disagreements, counts and its mentions with reasons. */
    private static Map<String, String> events(List<SequentialMerge.MergedEvent> events) {
        Map<String, String> out = new TreeMap<>();
        for (SequentialMerge.MergedEvent e : events) {
            StringBuilder s = new StringBuilder(e.json().toString()).append(e.disagreements()).append(e.numMentions())
                    .append('/').append(e.numArticles()).append('/').append(e.numSources());
            for (SequentialMerge.Merged m : e.mentions()) s.append(' ').append(m.mention().id()).append(':').append(m.reason());
            assertTrue(out.put(e.id(), s.toString()) == null, "one event per id");
        }
        return out;
    }

    private static String family(ObjectNode e) {
        EventKey k = EventKey.of(e);
        return k.cameoRoot() + "/" + k.modality() + "/" + k.ploverType();
    }

    /** The mentions merged family by family and block by block, each block in arrival order. */
    private static Map<String, String> blockwise(List<SequentialMerge.Mention> all, int[] blockCount) {
        Map<String, List<SequentialMerge.Mention>> families = new TreeMap<>();
        for (SequentialMerge.Mention m : all) families.computeIfAbsent(family(m.event()), f -> new ArrayList<>()).add(m);
        List<SequentialMerge.MergedEvent> events = new ArrayList<>();
        for (List<SequentialMerge.Mention> family : families.values()) {
            List<EventKey> keys = family.stream().map(m -> EventKey.of(m.event())).toList();
            int[] block = MergeBlocks.of(keys);
            Map<Integer, SequentialMerge> merges = new HashMap<>();
            for (int i = 0; i < family.size(); i++) merges.computeIfAbsent(block[i], b -> new SequentialMerge()).add(family.get(i));
            blockCount[0] += merges.size();
            for (SequentialMerge m : merges.values()) events.addAll(m.events());
        }
        return events(events);
    }

    @Test
    void blocksMergeAsOneSequentialMerge() {
        for (long seed = 1; seed <= 12; seed++) {
            List<SequentialMerge.Mention> all = mentions(MergeCorpus.articles(seed, 150));
            SequentialMerge sequential = new SequentialMerge();
            all.forEach(sequential::add);
            Map<String, String> expected = events(sequential.events());
            int[] blocks = {0};
            assertEquals(expected, blockwise(all, blocks), "seed " + seed);
            assertTrue(expected.size() < all.size(), "mentions merge: " + expected.size() + " events of " + all.size());
            assertTrue(blocks[0] > 8, "the families split into blocks: " + blocks[0]);
        }
    }

    private static EventKey key(String date, String source, String target, Double lat, Double lon, String precision, String country) {
        LocalDate[] r = EventKey.range(date, date.length() == 10 ? "day" : "month");
        return new EventKey("19", "190", "ASSAULT", "asserted", r[0], r[1], date.length() == 10 ? "day" : "month", source, target, lat, lon, precision, country);
    }

    @Test
    void theEdgesOfTheRuleStayInOneBlock() {
        int[] b = MergeBlocks.of(List.of(
                key("2017-08-31", "SYRMIL", null, 36.20, 37.16, "city", "SYR"),    // 0 Aleppo, the 31st
                key("2017-09-01", "SYR", null, 37.07, 37.38, "city", "TUR"),       // 1 Gaziantep, the 1st: 100 km, a border
                key("2017-09-02", "SYRMIL", "REB", null, null, null, null),         // 2 no place, both actors: joins by codes
                key("2017-09", "SYRMIL", "REB", 30.0, 60.0, "city", "IRN"),        // 3 far off, month: code-compatible with 2
                key("2017-09-20", "RUS", null, 50.45, 30.52, "city", "UKR"),        // 4 Kyiv on the 20th: within the month of 3
                key("2017-09-20", "RUS", null, 49.99, 36.23, "country", "UKR"),     // 5 Ukraine at country precision
                key("2017-11-02", "RUS", null, 49.99, 36.23, "city", "UKR"),        // 6 two months on: another window
                key("2017-09-20", "TUR", null, -18.14, 178.44, "city", "FJI"),      // 7 Suva ...
                key("2017-09-20", "TUR", null, -16.85, -179.97, "city", "FJI")));   // 8 ... and Taveuni across the antimeridian
        assertEquals(b[0], b[1], "a day apart, 100 km apart across a border");
        assertEquals(b[0], b[2], "a mention with no place joins by its actors");
        assertEquals(b[0], b[3], "a compatible code links a located mention to it");
        assertEquals(b[4], b[5], "the same country at country precision");
        assertNotEquals(b[0], b[4], "Kyiv is not Aleppo, and no actor bridges them");
        assertNotEquals(b[4], b[6], "two months apart");
        assertEquals(b[7], b[8], "180 km apart across the antimeridian");
        assertNotEquals(b[7], b[4]);
    }
}
