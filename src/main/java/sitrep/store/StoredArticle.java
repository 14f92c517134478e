package sitrep.store;

import java.time.LocalDate;

/** A stored article as a reference cites it: where it was published, under which title, when. */
public record StoredArticle(String id, String url, String outlet, String title, LocalDate published) {
}
