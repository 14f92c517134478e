package sitrep.model;

import java.time.LocalDate;

/**
 * One news article as sitrep reads it. Only {@code text} is required; the rest is what the source carried.
 *
 * @param id        stable identifier (the input's, or a hash of the text)
 * @param text      plain text; offsets of every mention refer to it
 * @param published publication date, the anchor for relative dates ("on Thursday"); may be null
 * @param origin    where the article came from (file path, URL or line), for error messages
 * @param extracted true when {@code text} was extracted from markup (HTML), so output must carry it
 */
public record Article(String id, String text, LocalDate published, String title, String url, String source,
                      String language, String origin, boolean extracted) {
    public Article {
        if (text == null) throw new IllegalArgumentException("article text is required");
    }

    public Article withPublished(LocalDate date) {
        return new Article(id, text, date, title, url, source, language, origin, extracted);
    }
}
