package sitrep.spark;

import sitrep.ingest.InputItem;
import sitrep.model.Article;
import sitrep.model.Problem;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link InputItem} as it travels between the reading and the coding stage of the job (the shuffle that spreads
 * a file's articles over all partitions): the model's records are not Serializable, so the item is flattened.
 * {@code file} and {@code position} (the file's index, the item's place in it) keep the order extract reads them in.
 */
record ReadItem(String id, String text, LocalDate published, String title, String url, String source, String language,
                String origin, boolean extracted, boolean usable, List<String> problemStages, List<String> problemMessages,
                int file, long position)
        implements Serializable {
    ReadItem {
        problemStages = List.copyOf(problemStages);
        problemMessages = List.copyOf(problemMessages);
    }

    static ReadItem of(InputItem item, int file, long position) {
        Article a = item.article();
        return new ReadItem(a.id(), a.text(), a.published(), a.title(), a.url(), a.source(), a.language(), a.origin(),
                a.extracted(), item.usable(), item.problems().stream().map(Problem::stage).toList(),
                item.problems().stream().map(Problem::message).toList(), file, position);
    }

    InputItem item() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < problemStages.size(); i++) problems.add(new Problem(problemStages.get(i), problemMessages.get(i)));
        return new InputItem(new Article(id, text, published, title, url, source, language, origin, extracted), problems, usable);
    }
}
