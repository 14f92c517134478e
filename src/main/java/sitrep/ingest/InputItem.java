package sitrep.ingest;

import sitrep.model.Article;
import sitrep.model.Problem;

import java.util.List;

/**
 * One item read from the inputs: an article to process, or (when {@code usable} is false) a placeholder
 * carrying why it could not be read, so the output keeps one record per input item.
 */
public record InputItem(Article article, List<Problem> problems, boolean usable) {
    public InputItem {
        problems = List.copyOf(problems);
    }

    static InputItem ok(Article article) {
        return new InputItem(article, List.of(), true);
    }

    /** An item that could not be read: an empty article with its id and origin, and the reason as its error. */
    public static InputItem failed(String id, String origin, String message) {
        Article placeholder = new Article(id, "", null, null, null, null, null, origin, false);
        return new InputItem(placeholder, List.of(new Problem("ingest", message)), false);
    }
}
