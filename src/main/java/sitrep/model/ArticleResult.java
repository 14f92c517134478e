package sitrep.model;

import java.util.List;

/** Everything extract learned from one article: the record written per line of output. */
public record ArticleResult(Article article, List<Place> places, List<Event> events, List<Problem> errors) {
    public ArticleResult {
        places = List.copyOf(places);
        events = List.copyOf(events);
        errors = List.copyOf(errors);
    }

    public static ArticleResult failed(Article article, Problem problem) {
        return new ArticleResult(article, List.of(), List.of(), List.of(problem));
    }
}
