package sitrep.cli;

import sitrep.model.ArticleResult;
import sitrep.model.Problem;

/** What the commands tell the user on standard error. */
final class Reports {
    private Reports() {
    }

    /** One line per problem of an article: where it came from, which stage, what went wrong. */
    static void problems(ArticleResult r) {
        for (Problem p : r.errors()) {
            System.err.println("sitrep: " + r.article().origin() + ": " + p.stage() + ": " + p.message());
        }
    }
}
