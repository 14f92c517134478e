package sitrep.report;

import sitrep.store.StoredArticle;
import sitrep.store.StoredEvent;
import sitrep.store.StoredMention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's numbered references: each article gets a number when first cited, and keeps the evidence
 * sentences the report used from it.
 */
final class Citations {
    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Set<String>> evidence = new LinkedHashMap<>();
    private final Map<String, StoredMention> firstMention = new LinkedHashMap<>();

    /** Cites every article that reported the event; returns their numbers, in order. */
    List<Integer> cite(StoredEvent e) {
        Set<Integer> cited = new LinkedHashSet<>();
        for (StoredMention m : e.mentions()) {
            Integer n = numbers.get(m.articleId());
            if (n == null) {
                n = numbers.size() + 1;
                numbers.put(m.articleId(), n);
                firstMention.put(m.articleId(), m);
            }
            cited.add(n);
            if (m.sentence() != null) evidence.computeIfAbsent(m.articleId(), k -> new LinkedHashSet<>()).add(m.sentence());
        }
        return new ArrayList<>(cited);
    }

    Set<String> articleIds() {
        return numbers.keySet();
    }

    /** The references in number order; an article the store no longer has is listed from its mention (URL, outlet). */
    List<SituationReport.Reference> references(List<StoredArticle> articles) {
        Map<String, StoredArticle> byId = new LinkedHashMap<>();
        for (StoredArticle a : articles) byId.put(a.id(), a);
        List<SituationReport.Reference> out = new ArrayList<>();
        for (Map.Entry<String, Integer> n : numbers.entrySet()) {
            StoredArticle a = byId.get(n.getKey());
            StoredMention m = firstMention.get(n.getKey());
            out.add(new SituationReport.Reference(n.getValue(), n.getKey(), a != null && a.outlet() != null ? a.outlet() : m.outlet(),
                    a == null ? null : a.title(), a == null ? null : a.published(), a != null && a.url() != null ? a.url() : m.url(),
                    List.copyOf(evidence.getOrDefault(n.getKey(), Set.of()))));
        }
        return out;
    }
}
