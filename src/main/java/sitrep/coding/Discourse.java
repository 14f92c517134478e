package sitrep.coding;

import sitrep.model.Actor;
import sitrep.model.Place;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the coder remembers while it reads one article in order: the actors named so far (for pronouns, surnames and
 * definite descriptions), the last date and place the text gave (for relative dates and places carried over), and the
 * acts already coded (for back-references and repeats). One instance per article; not shared between threads.
 */
final class Discourse {
    /** An actor as first fully named, with what later references can match on. */
    record Mention(int sentence, int token, Actor actor, String headLemma, boolean person, boolean plural, String surname) {
        boolean before(int otherSentence, int otherToken) {
            return sentence < otherSentence || sentence == otherSentence && token < otherToken;
        }

        boolean after(Mention o) {
            return o == null || o.before(sentence, token);
        }
    }

    final LocalDate published;
    private final List<Mention> mentions = new ArrayList<>();
    /** The latest full mention per head noun ("coalition" -> the US-led coalition; "regime" -> SYRGOV). */
    private final Map<String, Actor> byHead = new HashMap<>();
    /** People by surname ("Erdoğan" -> TURGOV) from full names and appositions ("Russia's UN envoy, Vassily Nebenzia"). */
    private final Map<String, Actor> bySurname = new HashMap<>();
    /** The last day- or month-precise date the text gave for an act, and in which sentence. */
    String lastDate;
    int lastDateSentence = -1;
    /** The place of the last located material act, and in which sentence. */
    Place lastPlace;
    int lastPlaceSentence = -1;
    /** The town the article names most often (its subject, as a coder reads it), or null. */
    Place focusPlace;
    /** The country the article is about (the geoparser's focus), or null. */
    String focusCountry;
    /** The article's own mention of each country it names (ISO3 -> that country as a place), for country-level places. */
    final Map<String, Place> countryPlaces = new HashMap<>();
    /** How many place names and demonyms of the article lie in each country (ISO3). */
    final Map<String, Integer> countryMentions = new HashMap<>();
    /** The venues the article gives its meetings (rule meeting-venue); null until set. */
    Venues venues;
    /** Every located act, in text order, including those dropped as told before: what rule restated-place reads. */
    final List<Candidate> placed = new ArrayList<>();
    /** Acts emitted so far, for the back-reference and repeat rules. */
    final List<Candidate> coded = new ArrayList<>();

    Discourse(LocalDate published) {
        this.published = published;
    }

    void remember(int sentence, int token, Actor actor, String headLemma, boolean person, boolean plural, String surname) {
        if (actor == null || actor.code() == null) return;
        mentions.add(new Mention(sentence, token, actor, headLemma, person, plural, surname));
        if (headLemma != null) byHead.put(headLemma.toLowerCase(Locale.ROOT), actor);
        if (surname != null) bySurname.put(surname.toLowerCase(Locale.ROOT), actor);
    }

    Actor byHead(String headLemma) {
        return byHead.get(headLemma.toLowerCase(Locale.ROOT));
    }

    Actor bySurname(String surname) {
        return bySurname.get(surname.toLowerCase(Locale.ROOT));
    }

    /**
     * The latest earlier mention that a pronoun can stand for: a person for he/she, a group or several people for
     * they, a state or organisation for it; null when none is near (within {@code window} sentences).
     */
    Actor antecedent(String pronoun, int sentence, int token, int window) {
        return antecedent(pronoun, sentence, token, window, -1);
    }

    /**
     * As {@link #antecedent(String, int, int, int)}, never the actor named at {@code notToken} of this sentence nor an
     * earlier mention of that same actor: an object pronoun is not its own clause's subject ("Trump called Erdogan,
     * urging him": "him" is not Trump; that would be "himself").
     */
    Actor antecedent(String pronoun, int sentence, int token, int window, int notToken) {
        Actor excluded = null;
        if (notToken >= 0) {
            for (Mention m : mentions) if (m.sentence() == sentence && m.token() == notToken) excluded = m.actor();
        }
        String p = pronoun.toLowerCase(Locale.ROOT);
        boolean personal = p.equals("he") || p.equals("she") || p.equals("him") || p.equals("his") || p.equals("her");
        boolean plural = p.equals("they") || p.equals("them") || p.equals("their");
        boolean neuter = p.equals("it") || p.equals("its");
        if (!personal && !plural && !neuter) return null;
        Mention best = null;
        for (Mention m : mentions) {
            if (sentence - m.sentence() > window || !m.before(sentence, token) || !m.after(best)) continue;
            if (excluded != null && m.actor().code().equals(excluded.code()) && Objects.equals(m.actor().name(), excluded.name())) continue;
            if (personal && m.person() || plural && m.plural() && !m.person() || neuter && !m.person() && !m.plural()) best = m;
        }
        return best == null ? null : best.actor();
    }

    /** The latest mention of a non-state group (rebels, militias, armed groups, NGOs): what "the group" refers to. */
    Actor latestGroup(int sentence, int window) {
        for (int i = mentions.size() - 1; i >= 0; i--) {
            Mention m = mentions.get(i);
            if (sentence - m.sentence() > window) continue;
            String sector = m.actor().sector();
            String code = m.actor().code();
            if (!m.person() && (code.startsWith("IMG") || code.startsWith("NGO") || sector != null
                    && (sector.startsWith("REB") || sector.startsWith("UAF") || sector.startsWith("INS") || sector.startsWith("OPP")
                    || sector.startsWith("NGO") || sector.startsWith("RAD")))) return m.actor();
        }
        return null;
    }

    void dated(String date, int sentence) {
        if (date == null) return;
        lastDate = date;
        lastDateSentence = sentence;
    }

    void located(Place place, int sentence) {
        if (place == null) return;
        lastPlace = place;
        lastPlaceSentence = sentence;
    }
}
