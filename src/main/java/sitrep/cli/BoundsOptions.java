package sitrep.cli;

import picocli.CommandLine.Option;
import sitrep.pipeline.ArticleBounds;

/** The bounds on one article's cost that extract and ingest share (a picocli mixin); see {@link ArticleBounds}. */
final class BoundsOptions {
    @Option(names = "--max-article-chars", paramLabel = "N",
            description = "Refuse, with an error, an article whose text is longer than N characters (default: ${DEFAULT-VALUE}).")
    int maxChars = ArticleBounds.DEFAULT_MAX_CHARS;

    @Option(names = "--max-sentences", paramLabel = "N",
            description = "Refuse, with an error, an article of more than N sentences (default: ${DEFAULT-VALUE}).")
    int maxSentences = ArticleBounds.DEFAULT_MAX_SENTENCES;

    @Option(names = "--max-events-per-sentence", paramLabel = "N",
            description = "Keep at most N events of one sentence; the article's errors count the rest (default: ${DEFAULT-VALUE}).")
    int maxEventsPerSentence = ArticleBounds.DEFAULT_MAX_EVENTS_PER_SENTENCE;

    @Option(names = "--max-events-per-article", paramLabel = "N",
            description = "Keep at most N events of one article; the article's errors count the rest (default: ${DEFAULT-VALUE}).")
    int maxEventsPerArticle = ArticleBounds.DEFAULT_MAX_EVENTS_PER_ARTICLE;

    /** The bounds asked for, or a usage error. */
    ArticleBounds bounds() {
        try {
            return new ArticleBounds(maxChars, maxSentences, maxEventsPerSentence, maxEventsPerArticle);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
    }
}
