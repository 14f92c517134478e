package sitrep.nlp;

import java.util.List;

/** The NLP stage's output for one article: sentences over the article's own text. */
public record AnnotatedText(String text, List<Sentence> sentences) {
    public AnnotatedText {
        sentences = List.copyOf(sentences);
    }

    public int wordCount() {
        int n = 0;
        for (Sentence s : sentences) n += s.size();
        return n;
    }
}
