package sitrep.coding;

import java.util.Locale;

/**
 * The built-in coder's named rules. Each can be switched off (extract/ingest {@code --disable-rule NAME}, eval
 * {@code --disable-rule NAME} and {@code --rule-report}), so what each one buys is measured on the gold sets rather
 * than assumed. The names are stable: they appear on command lines and in reports.
 */
public enum CodingRule {
    BARE_STATEMENTS("bare-statements", "no event for a bare speech act (\"X said\", \"Y told reporters\"): what was said is the event, the speaker its attribution"),
    SPEECH_ACTS("speech-acts", "speech verbs that are acts are coded as those acts: warn/vow harm (threaten), accuse/blame/condemn (accuse), urge/call on/ask/demand (request), deny/reject/refuse/dispute/rebuff (reject); an accusation with no object is aimed at the doer of what it reports (\"complained to the UN that Afghan planes bombed\"), not at its addressee"),
    COREFERENCE("coreference", "pronouns, titles and definite descriptions (\"he\", \"the ministry\", \"the group\", \"the regime\") take the actor of an earlier full mention in the article"),
    VICTIMS("victims-as-targets", "the subject of \"died\", \"was killed\", \"was wounded\" is the act's target, never its source; so are those \"injured by a chlorine attack\" of the attack; the doer is the agent the cause names (\"killed in airstrikes by forces loyal to Assad\")"),
    BACKED_ACTORS("backed-actors", "\"X-backed Y\", \"Y, backed by X\": Y is the actor, X only its supporter; \"X-led Y\": Y is X's"),
    MODIFIER_ACTORS("modifier-actors", "an actor in a noun modifier of a nominal trigger (\"coalition airstrikes\") or a light verb's subject (\"launched an offensive\") is its source; the maker of what a verbal act answers (\"denied Russia's charges\", \"rejected a US statement\") is its target"),
    REDUCED_RELATIVES("reduced-relatives", "a participle that modifies a noun takes it as its role: the one acted on for a past participle (\"villagers killed by Turkish shelling\": the villagers are the target, the shelling's maker the source), the doer for a present one of a verbal act (\"a French proposal calling for elections\")"),
    PURPOSE_TARGETS("purpose-targets", "an act of force whose stated purpose is to expel or defeat someone (\"launched an offensive to oust Kurdish forces\", \"in an effort to drive out the militias\") has them as its target"),
    PLACE_TARGETS("place-targets", "a town or area attacked (\"rockets hit the town of Douma\", \"an assault on Afrin\") by someone not of its country is the target, coded as that country"),
    HEADLINES("headlines", "a title or heading line (a line of its own, no closing punctuation) yields no event: the body tells the act with its details"),
    BARE_NOUNS("bare-nouns", "a noun (\"attacks\", \"the offensive\") is an act only with what makes it one: its own date or count, a verb that launches or carries it out, a verb it is the subject of (\"the attack killed\"), or its actors and place"),
    GENERIC("generic", "descriptions of who someone is or what they habitually do (\"a woman fighting alongside Kurdish forces\", \"rebels fighting the regime\") are not events"),
    AGGREGATE_TOLLS("aggregate-tolls", "tolls and totals over long periods (\"330,000 killed since 2011\", \"brought the toll to\") are no event and carry no count"),
    HYPOTHETICAL("hypothetical", "the content of a condition (\"if an agreement is reached\"), a question or of may/might/could is not an event; nor is an intended or conditional act no one named intends or announces (\"it would be the deadliest clash\")"),
    BACK_REFERENCES("back-references", "a definite noun (\"the attack\", \"the talks\") for an act already coded in the article is not a new event; nor are deaths told of it with no doer of their own (\"18 rebels died in the clash\"): they are its toll"),
    BACKGROUND("background", "acts dated over a year before publication, or counted \"since\" a date, are out of scope; undated background acts get no publication date"),
    WORD_SENSE("word-sense", "trigger words in another sense (\"March\" the month, \"struck a deal\", \"the fight against poverty\", a \"strike\" by workers) are not attacks"),
    DESCRIPTIVE_NEGATION("descriptive-negation", "a negated act that nobody refuses (\"no arrests were made\", \"the US has not intervened\"), or one halted (\"a moratorium on air raids\"), is not an event"),
    OPINION("opinion", "quotes of commentators, analysts and experts, and opinion about acts, are not events"),
    ONE_ROLE("one-role", "one mention fills one role: a source resolved to the very words that are the target (\"members of the ruling party urged Erdogan\", a reference gone astray) is no source"),
    ONE_ACT("one-act", "the words of one act in a sentence (\"a raid struck a building, killing 50\") make one event, their evidence kept"),
    ARTICLE_DUPLICATES("article-duplicates", "the same act told again later in the article (same type, actors, place and date), or named again by a noun with no actors of its own dated to its day (\"Tuesday's attack was the deadliest\"), is not a second event"),
    DISCOURSE_DATES("discourse-dates", "relative dates (\"two days later\", \"the same day\") count from the date the text last gave; a bare weekday of a past act is the last such day"),
    ACT_PLACE("act-place", "origins (\"Hezbollah from Lebanon\"), distance references (\"62 miles north of X\": the site itself), home towns and addressees do not locate the act; speech acts take only their venue"),
    DISCOURSE_PLACE("discourse-place", "a material act in a sentence that names no place takes the place of the act just before it, or the town the article is about (the most named in locative phrases: \"in Afrin\", not \"Ankara said\") where the sentence names only its country or province"),
    RESTATED_PLACE("restated-place", "an act placed only in a country or province, or nowhere, takes the town of the same act told again in the next sentences (\"killed in Syria\" ... \"died during an operation in Manbij\"), where that town lies in its place"),
    MEETING_VENUE("meeting-venue", "an act at a meeting the sentence names only by its noun (\"will attend the conference\") is at the town the article gives that meeting (\"the Sochi conference\", \"talks in Geneva\")"),
    COUNTRY_PLACE("country-place", "a material act that no sentence places takes, as a country-level place, the country of the article's last located act, else the country the article is about"),
    CLAUSE_COUNTS("clause-counts", "casualty counts belong to the act of the clause that states them, never summed over a sentence"),
    MIN_CONFIDENCE("min-confidence", "events whose calibrated confidence is under the threshold are not emitted");

    private final String id;
    private final String description;

    CodingRule(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The rule's stable name, as typed on the command line. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The rule of that name (case-insensitive), or an IllegalArgumentException listing the names. */
    public static CodingRule named(String name) {
        for (CodingRule r : values()) if (r.id.equals(name.toLowerCase(Locale.ROOT))) return r;
        StringBuilder names = new StringBuilder();
        for (CodingRule r : values()) names.append(names.length() == 0 ? "" : ", ").append(r.id);
        throw new IllegalArgumentException("no coding rule '" + name + "' (rules: " + names + ")");
    }
}
