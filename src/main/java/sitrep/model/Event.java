package sitrep.model;

import java.util.Map;

/**
 * One coded event mention: who did what to whom, where and when, with the evidence it rests on.
 * Field names follow the public extract format (shared/design/extract-format.md).
 */
public record Event(String id, String date, String datePrecision, String dateSource,
                    Actor source, Actor target, Cameo cameo, Plover plover, Acled acled, Place location,
                    String modality, Attribution attribution, Map<String, Integer> quantities,
                    Evidence evidence, double confidence, String locationSource) {

    /** Where the location comes from: the event's own sentence names it. */
    public static final String LOCATION_FROM_SENTENCE = "sentence";
    /**
     * Where the location comes from: the article, not the sentence (the place of the act told before or again, the
     * meeting's town named elsewhere, the country of the article's acts), so a reader checks it beyond the evidence.
     */
    public static final String LOCATION_FROM_ARTICLE = "article";

    /** An event whose location's source is not known (written before the field existed, or built by hand). */
    public Event(String id, String date, String datePrecision, String dateSource, Actor source, Actor target, Cameo cameo,
                 Plover plover, Acled acled, Place location, String modality, Attribution attribution,
                 Map<String, Integer> quantities, Evidence evidence, double confidence) {
        this(id, date, datePrecision, dateSource, source, target, cameo, plover, acled, location, modality, attribution,
                quantities, evidence, confidence, null);
    }

    /** CAMEO event code with the codebook's quad class and Goldstein value. */
    public record Cameo(String code, String base, String root, int quadClass, double goldstein, String label) {
    }

    public record Plover(String type, String mode, java.util.List<String> context) {
    }

    public record Acled(String eventType, String subEventType) {
    }

    /** Who said it, when the event is reported speech ("X said that ..."). */
    public record Attribution(Actor speaker, String verb) {
    }

    public record Span(String text, int start, int end) {
    }

    /**
     * The sentence an event rests on and its trigger word; {@code alsoTriggers} are the other words of the same act
     * in that sentence ("raid" and "killing" beside "struck"), empty when there are none.
     */
    public record Evidence(String sentence, int start, int end, Span trigger, java.util.List<Span> alsoTriggers) {
        public Evidence {
            alsoTriggers = alsoTriggers == null ? java.util.List.of() : java.util.List.copyOf(alsoTriggers);
        }

        public Evidence(String sentence, int start, int end, Span trigger) {
            this(sentence, start, end, trigger, java.util.List.of());
        }
    }
}
