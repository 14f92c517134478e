package sitrep.coding;

import sitrep.actors.ActorDictionary;
import sitrep.actors.ActorMention;
import sitrep.geo.GeoResult;
import sitrep.geo.PlaceMention;
import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.Event;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.Sentence;
import sitrep.nlp.Token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coding stage: finds the acts an article reports and fills in who did it to whom, when, where, how certainly
 * and on whose word. Its parts run in this order for each sentence, as a chain of named rules ({@link CodingRule})
 * that eval can switch off one at a time:
 * <ol>
 *   <li>{@link TriggerFinder}: trigger words and their senses;</li>
 *   <li>{@link Roles}: source and target, with references resolved within the article ({@link Discourse});</li>
 *   <li>{@link Speech}: reported speech and speech acts;</li>
 *   <li>{@link Modality}, then {@link ActMerger}: one event per act;</li>
 *   <li>{@link Casualties}, {@link Filters}, {@link EventPlaces}, {@link EventDates};</li>
 *   <li>{@link EventTypes} and {@link Confidence}, then the threshold.</li>
 * </ol>
 * Every event keeps its sentence and trigger offsets as evidence.
 */
public final class EventCoder {
    private final Set<String> locativeWords;
    private final Set<String> meetingNouns;
    private final Codebook codebook;
    private final ActorDictionary dictionary;
    private final CoderSettings settings;
    private final TriggerFinder triggers;
    private final Roles roles;
    private final Speech speech;
    private final Modality modality;
    private final Filters filters;
    private final EventPlaces places;
    private final EventDates dates;
    private final Casualties casualties;
    private final EventTypes types;
    private final Confidence confidence;
    private final java.util.Set<String> decisionVerbs, forecastWords, performVerbs;
    /** Users' TABARI/PETRARCH dictionaries, coded by pattern alongside (or instead of) the built-in triggers; may be null. */
    private final UserDictionaries user;
    private final PatternCoder patternCoder;

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary) {
        this(codebook, lexicon, dictionary, null, CoderSettings.defaults());
    }

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary, UserDictionaries user) {
        this(codebook, lexicon, dictionary, user, CoderSettings.defaults());
    }

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary, UserDictionaries user,
                      CoderSettings settings) {
        this(codebook, lexicon, dictionary, user, settings, Confidence.shared());
    }

    public EventCoder(Codebook codebook, TriggerLexicon lexicon, ActorDictionary dictionary, UserDictionaries user,
                      CoderSettings settings, Confidence confidence) {
        this.codebook = codebook;
        this.dictionary = dictionary;
        this.settings = settings;
        this.triggers = new TriggerFinder(lexicon, settings);
        this.roles = new Roles(dictionary, lexicon, settings);
        this.speech = new Speech(lexicon, settings);
        this.modality = new Modality(lexicon);
        this.filters = new Filters(lexicon, settings, speech);
        this.places = new EventPlaces(lexicon, settings);
        this.dates = new EventDates(settings, lexicon);
        this.casualties = new Casualties(settings);
        this.types = new EventTypes(codebook, lexicon);
        this.confidence = confidence;
        this.decisionVerbs = lexicon.cues("decision-verb");
        this.performVerbs = lexicon.cues("perform-verb");
        this.forecastWords = lexicon.cues("forecast");
        this.locativeWords = lexicon.cues("locative-preposition");
        this.meetingNouns = lexicon.cues("meeting-noun");
        this.user = user;
        this.patternCoder = user == null ? null : new PatternCoder(user.verbs(), user.actors(), user.discards(), true);
    }

    public CoderSettings settings() {
        return settings;
    }

    /**
     * A coded article: the events emitted, the confidence features of each (in the same order, for fitting the model),
     * and, for diagnostics, every candidate a rule dropped with its reason.
     */
    public record Coded(List<Event> events, List<Map<String, Double>> features, List<Dropped> dropped) {
    }

    /** A candidate act a rule took out: where it was and why. */
    public record Dropped(int sentenceStart, int sentenceEnd, String code, String trigger, String reason, double confidence) {
    }

    public List<Event> code(Article article, AnnotatedText doc, GeoResult geo) {
        return codeWithTrace(article, doc, geo).events();
    }

    public Coded codeWithTrace(Article article, AnnotatedText doc, GeoResult geo) {
        String text = doc.text();
        Discourse discourse = new Discourse(article.published());
        discourse.focusPlace = focusTown(geo, doc, locativeWords);
        countries(geo, doc, discourse);
        discourse.venues = new Venues(doc, geo, meetingNouns);
        List<Event> events = new ArrayList<>();
        List<Map<String, Double>> features = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        boolean[][] quoted = TextLayout.quoted(doc.sentences(), settings.maxQuoteSentences());
        List<Candidate> pendingQuotes = new ArrayList<>();
        Actor lastSpeaker = null;
        for (Sentence s : doc.sentences()) {
            if (patternCoder != null) {
                for (PatternCoder.Coded c : patternCoder.code(s, article.published())) {
                    events.add(dictionaryEvent(article, s, c));
                    features.add(Map.of());
                }
                if (user.only()) continue;
            }
            // A heading needs a body after it that tells the story; a one-line text is its own report.
            if (settings.on(CodingRule.HEADLINES) && doc.sentences().size() - s.index() > 2 && TextLayout.headline(s, text)) continue;
            List<ActorMention> mentions = dictionary.find(s, text, article.published());
            List<PlaceMention> sentencePlaces = geo.inSentence(s.index());
            Roles.Context x = new Roles.Context(s, mentions, text, discourse, sentencePlaces);
            roles.rememberNames(x);
            List<Candidate> candidates = triggers.find(s);
            Event.Attribution[] attribution = new Event.Attribution[s.size()];
            Actor according = roles.accordingTo(x);
            if (according != null) Arrays.fill(attribution, new Event.Attribution(according, "according to"));
            // Speech first, so the acts in what was said know who said it.
            candidates.sort((a, b) -> Boolean.compare(!a.trigger.speech(), !b.trigger.speech()));
            List<Candidate> live = new ArrayList<>();
            Actor sentenceSpeaker = according;
            for (Candidate c : candidates) {
                c.attribution = attribution[c.head()];
                if (c.attribution != null) {
                    // What a speaker reports happened where the report says, not where the speaker is.
                    c.scope = new boolean[s.size()];
                    for (int t = 0; t < s.size(); t++) c.scope[t] = attribution[t] == c.attribution;
                }
                c.quoted = quoted[s.index()][c.head()];
                c.modality = modality.of(s, c.head(), c.trigger.speech());
                // "said it would allow": in reported speech "would" is the speaker's "will", not a hypothesis.
                if (c.attribution != null && "hypothetical".equals(c.modality) && wouldGoverns(s, c.head())) c.modality = "future";
                if (c.verb()) {
                    if (!roles.assignVerb(c, x)) {
                        if (c.trigger.otherwise() == null) continue;
                        c.code = c.trigger.otherwise();
                    }
                    // "Iraq said it would allow ...": a pronoun subject inside reported speech is the speaker.
                    int subj = Graph.subject(s, c.head());
                    if (c.attribution != null && Roles.pronoun(s, subj) && (c.source == null || c.source.code() == null)) {
                        c.source = c.attribution.speaker();
                    }
                } else {
                    roles.assignNoun(c, x);
                }
                if (c.trigger.speech()) {
                    // "..., adding that": a participle with no subject of its own continues the last speaker's words.
                    if (c.source == null && Graph.subject(s, c.head()) < 0 && s.token(c.head()).pos().equals("VBG")) c.source = lastSpeaker;
                    if (c.source == null) {
                        if (!c.trigger.speechAct()) continue;
                    } else {
                        sentenceSpeaker = c.source;
                        lastSpeaker = c.source;
                        c.sourceToken = c.sourceToken < 0 ? Graph.subject(s, c.head()) : c.sourceToken;
                    }
                    List<Integer> content = speech.attribute(c, attribution);
                    speech.code(c, content);
                    if (c.target == null && (c.root().equals("02") || c.root().equals("10"))) {
                        // "demanded that both the coalition and Russia explain": who must act is the demand's target.
                        for (int h : content) {
                            int subj = Graph.child(s, h, "nsubj");
                            if (subj >= 0 && !Roles.pronoun(s, subj)) {
                                c.target = roles.actor(x, subj);
                                c.targetToken = subj;
                                break;
                            }
                        }
                    }
                    if (!c.trigger.speechAct() && c.dropped != null) {
                        dropped.add(dropped(s, c, 0));
                        continue;
                    }
                } else if (c.source == null && c.target == null && !actorless(c)) {
                    continue;
                }
                live.add(c);
            }
            // A sentence wholly inside a quotation with no speaker of its own is someone's words: whose, the quote's
            // frame tells, in this sentence or the next ones ('... ,” he said.').
            boolean insideQuote = quoted[s.index()].length > 0 && quoted[s.index()][0];
            if (sentenceSpeaker != null) {
                for (Candidate p : pendingQuotes) {
                    if (s.index() - p.sentence.index() <= settings.maxQuoteSentences() && p.attribution == null) {
                        p.attribution = new Event.Attribution(sentenceSpeaker, "said");
                    }
                }
                pendingQuotes.clear();
            }
            List<Candidate> acts = settings.on(CodingRule.ONE_ACT) ? ActMerger.merge(live) : live;
            List<Casualties.Count> counts = Casualties.counts(s);
            for (Candidate c : acts) if (c.dropped == null) casualties.assign(c, counts, acts);
            int alive = 0;
            for (Candidate c : acts) if (c.dropped == null) alive++;
            for (Candidate c : acts) {
                if (c.dropped != null) {
                    dropped.add(dropped(s, c, 0));
                    continue;
                }
                if (insideQuote && c.attribution == null) pendingQuotes.add(c);
                c.code = types.refine(c);
                if (settings.on(CodingRule.ONE_ROLE)) Roles.oneRole(c);
                places.place(c, sentencePlaces, demonymsIn(geo, s.index()), discourse);
                String home = c.place != null && c.place.country() != null ? c.place.country() : geo.focusCountry();
                c.source = roles.domestic(c.source, home);
                Actor target = roles.domestic(c.target, home);
                // "Ukraine's air force said it shot down 43 of the missiles": the country of the place is the force's
                // own, not its target's; a target of force that names no country keeps its sector alone rather than
                // become the force itself.
                if (target == c.target || c.source == null || !target.code().equals(c.source.code()) || !Roles.force(c.code)) {
                    c.target = target;
                }
                roles.foreignTarget(c);
                Codebook.Entry entry = codebook.get(c.code);
                String intentType = EventTypes.plover(entry, c.modality, EventTypes.conditional(s), reported(c)).type();
                boolean hypothetical = "hypothetical".equals(c.modality);
                boolean intent = filters.conditionMark(c) < 0 && intentType != null && !intentType.equals(entry.ploverType())
                        && (!hypothetical || "THREATEN".equals(intentType));
                filters.apply(c, discourse, c.place != null, intent);
                if (c.dropped == null) {
                    dates.date(c, discourse);
                    if (settings.on(CodingRule.BACKGROUND) && dates.tooOld(c, article.published())) {
                        c.drop(CodingRule.BACKGROUND, "dated " + c.date + ", over " + settings.backgroundDays() + " days before publication");
                    }
                    String since = settings.on(CodingRule.BACKGROUND) && c.dropped == null ? dates.ongoingSince(c, article.published()) : null;
                    if (since != null) c.drop(CodingRule.BACKGROUND, "going on since " + since + ", over " + settings.backgroundDays() + " days before publication");
                }
                if (c.dropped == null && settings.on(CodingRule.ARTICLE_DUPLICATES)) ArticleDuplicates.check(c, discourse);
                if (c.place != null && (c.dropped == null || c.dropped.startsWith(CodingRule.ARTICLE_DUPLICATES.id()))) discourse.placed.add(c);
                if (c.dropped != null) {
                    c.quantities.clear();
                    dropped.add(dropped(s, c, 0));
                    continue;
                }
                if ("text".equals(c.dateSource) && "day".equals(c.datePrecision) || "month".equals(c.datePrecision)) {
                    discourse.dated(c.date, s.index());
                }
                discourse.coded.add(c);
                c.features = Confidence.features(c, alive);
                c.confidence = Math.round(confidence.probability(c.features) * 100) / 100.0;
                // An act too doubtful to emit anchors no later act's place.
                boolean emitted = !settings.on(CodingRule.MIN_CONFIDENCE) || c.confidence >= settings.minConfidence();
                if (!c.verbal() && c.place != null && !c.placeInherited && emitted) discourse.located(c.place, s.index());
            }
            // The sentence's own dates anchor relative ones in the sentences after it even when no act carries them.
            for (var t : s.times()) if (t.value().matches("\\d{4}-\\d{2}(-\\d{2})?")) discourse.dated(t.value(), s.index());
        }
        if (settings.on(CodingRule.RESTATED_PLACE)) RestatedPlaces.refine(discourse.coded, discourse.placed, settings.maxRestatementGap());
        if (settings.on(CodingRule.COUNTRY_PLACE)) {
            EventPlaces.countryFallback(discourse.coded, discourse, settings.on(CodingRule.MIN_CONFIDENCE) ? settings.minConfidence() : 0);
        }
        for (Candidate c : discourse.coded) {
            if (settings.on(CodingRule.OPINION) && c.quoted && c.attribution != null
                    && speech.commentator(c.sentence, -1, c.attribution.speaker())) continue;
            if (settings.on(CodingRule.MIN_CONFIDENCE) && c.confidence < settings.minConfidence()) {
                dropped.add(new Dropped(c.sentence.start(), c.sentence.end(), c.code, word(c), CodingRule.MIN_CONFIDENCE.id()
                        + ": confidence " + c.confidence, c.confidence));
                continue;
            }
            events.add(event(article, c));
            features.add(c.features);
        }
        return new Coded(events, features, dropped);
    }

    /** An act someone announces: in reported speech, or the content of a speech act ("vowed to", "threatened to"). */
    private boolean reported(Candidate c) {
        if (c.attribution != null || c.trigger.speechAct()) return true;
        Sentence s = c.sentence;
        int up = s.head(c.head());
        // "voted not to attend", "decided to withdraw": a decision announces the act.
        if (up >= 0 && Graph.relation(s, up, c.head()).equals("xcomp") && decisionVerbs.contains(Graph.lemma(s, up))) return true;
        // "Turkey will allow the refugees to return" is Turkey's commitment; "are likely to focus on flushing out" is the
        // writer's forecast, which announces nothing.
        List<Integer> chain = new ArrayList<>(Graph.ancestors(s, c.head()));
        chain.add(0, c.head());
        for (int i = 0; i < Math.min(4, chain.size()); i++) {
            int n = chain.get(i);
            if (forecastWords.contains(Graph.lemma(s, n))) return false;
            for (var d : s.children(n)) if (d.baseRelation().equals("cop") || d.baseRelation().equals("aux")) {
                if (forecastWords.contains(Graph.lemma(s, d.dependent()))) return false;
            }
        }
        return true;
    }

    /**
     * "would" on the trigger, on the verbs it complements ("would help create", "would try to withdraw"), or on the verb
     * that performs a noun trigger ("would launch an offensive": cues.tsv's perform-verb; "would delay the campaign" or
     * "would halt the offensive" is not the campaign or the offensive).
     */
    private boolean wouldGoverns(Sentence s, int trigger) {
        int node = trigger;
        for (int hops = 0; hops < 3 && node >= 0; hops++) {
            if (Graph.auxiliaries(s, node).contains("would")) return true;
            int up = s.head(node);
            if (up < 0) return false;
            String rel = Graph.relation(s, up, node);
            boolean performed = rel.equals("obj") && hops == 0 && s.token(node).isNoun() && performVerbs.contains(Graph.lemma(s, up));
            if (!rel.equals("xcomp") && !performed) return false;
            node = up;
        }
        return false;
    }

    /**
     * The country the article's acts are in, its own mention of each country, and how many of its places lie in each.
     * The acts' country is the one most named in locative phrases ("in Syria", "in Manbij", not "US forces" or "from
     * Austin, Texas"), if one is named so more than any other: the geoparser's focus country counts every mention.
     */
    private void countries(GeoResult geo, AnnotatedText doc, Discourse d) {
        Map<String, Integer> locative = new java.util.HashMap<>();
        for (PlaceMention m : geo.mentions()) {
            sitrep.model.Place p = m.place();
            if (!p.resolved() || p.country() == null) continue;
            d.countryMentions.merge(p.country(), 1, Integer::sum);
            if ("country".equals(p.precision()) && p.toponym()) d.countryPlaces.putIfAbsent(p.country(), p);
            if (p.toponym() && m.sentence() < doc.sentences().size()
                    && locativePhrase(doc.sentences().get(m.sentence()), m.firstToken(), locativeWords)) locative.merge(p.country(), 1, Integer::sum);
        }
        int top = 0, second = 0;
        for (var e : locative.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                d.focusCountry = e.getKey();
            } else if (e.getValue() > second) second = e.getValue();
        }
        if (top == second) d.focusCountry = null;
        for (PlaceMention m : geo.demonyms()) {
            if (m.place().resolved() && m.place().country() != null) d.countryMentions.merge(m.place().country(), 1, Integer::sum);
        }
    }

    /**
     * The town-level place the article names most often, if it is named at least twice and more than any other
     * town: what the article is about ("Afrin" in a report on the Afrin offensive).
     */
    static sitrep.model.Place focusTown(GeoResult geo, AnnotatedText doc, Set<String> locative) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        Map<String, sitrep.model.Place> first = new java.util.HashMap<>();
        for (PlaceMention m : geo.mentions()) {
            sitrep.model.Place p = m.place();
            // A named area inside a province ("eastern Ghouta") can be what a story is about; a wide region cannot.
            boolean localArea = "region".equals(p.precision()) && p.country() != null && p.admin1() != null;
            if (!p.resolved() || !p.toponym() || "country".equals(p.precision()) || "admin1".equals(p.precision())
                    || "region".equals(p.precision()) && !localArea) continue;
            // "Ankara said", "tensions between Ankara and Washington": a capital standing for its government says nothing
            // of where the story happens; only a place in a locative phrase ("in Afrin", "on the town of Afrin") counts.
            if (m.sentence() < doc.sentences().size() && !locativePhrase(doc.sentences().get(m.sentence()), m.firstToken(), locative)) continue;
            String key = p.geonameid() != null ? "id:" + p.geonameid() : p.name() + "|" + p.country();
            counts.merge(key, 1, Integer::sum);
            first.putIfAbsent(key, p);
        }
        String best = null;
        int top = 0, second = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) second = e.getValue();
        }
        return best == null || top < 2 || top == second ? null : first.get(best);
    }

    /**
     * Whether the words before a place name make it a location: a locative preposition ("in", "near", "on") before it,
     * past at most a few determiners, adjectives and frame nouns ("in the northern city of Afrin").
     */
    static boolean locativePhrase(Sentence s, int firstToken, Set<String> locative) {
        for (int i = firstToken - 1, seen = 0; i >= 0 && seen < 5; i--, seen++) {
            Token t = s.token(i);
            String w = t.word().toLowerCase(java.util.Locale.ROOT);
            if (locative.contains(w)) return true;
            String pos = t.pos() == null ? "" : t.pos();
            boolean modifier = pos.startsWith("DT") || pos.startsWith("JJ") || pos.startsWith("PRP$") || pos.equals("POS")
                    || pos.startsWith("NN") && !t.isProperNoun() || w.equals("of") || w.equals(",") || pos.equals("HYPH");
            if (!modifier) return false;
        }
        return false;
    }

    private static List<PlaceMention> demonymsIn(GeoResult geo, int sentence) {
        List<PlaceMention> out = new ArrayList<>();
        for (PlaceMention m : geo.demonyms()) if (m.sentence() == sentence) out.add(m);
        return out;
    }

    static String word(Candidate c) {
        return c.sentence.token(c.first).word() + (c.first == c.last ? "" : " " + c.sentence.token(c.last).word());
    }

    private static Dropped dropped(Sentence s, Candidate c, double conf) {
        return new Dropped(s.start(), s.end(), c.code, word(c), c.dropped == null ? "no actor" : c.dropped, conf);
    }

    /**
     * Material conflict that news often reports without a known doer ("a bomb exploded", "protests erupted", "weapons
     * were seized"): kept without actors. A bare fighting noun is kept only as a verb or with stated casualties.
     */
    private static boolean actorless(Candidate c) {
        String code = c.code;
        if (code.startsWith("14") || code.startsWith("171") || code.startsWith("18") || code.startsWith("20")) return true;
        return code.startsWith("19");
    }

    private Event event(Article article, Candidate c) {
        String text = article.text();
        Sentence s = c.sentence;
        Codebook.Entry entry = codebook.get(c.code);
        Token first = s.token(c.first), last = s.token(c.last);
        Event.Span trigger = new Event.Span(text.substring(first.start(), last.end()), first.start(), last.end());
        List<Event.Span> also = new ArrayList<>();
        for (Event.Span sp : c.alsoTriggers) also.add(new Event.Span(text.substring(sp.start(), sp.end()), sp.start(), sp.end()));
        Event.Evidence evidence = new Event.Evidence(text.substring(s.start(), s.end()), s.start(), s.end(), trigger, also);
        Event.Plover plover = c.ploverOverride != null ? new Event.Plover(c.ploverOverride, null, entry.ploverContext())
                : c.attribution != null && speech.obliges(s, c.head()) ? new Event.Plover("REQUEST", null, entry.ploverContext())
                : EventTypes.plover(entry, c.modality, EventTypes.conditional(s), reported(c));
        String[] intent = EventTypes.intent(c.code, c.modality, plover, entry);
        String code = intent[0];
        return new Event(id(article.id(), first.start(), c.code), c.date, c.datePrecision, c.dateSource, c.source, c.target,
                codebook.cameo(code), plover, types.acled(code, s, c.source, c.target), c.place, intent[1], c.attribution,
                Collections.unmodifiableMap(new LinkedHashMap<>(c.quantities)), evidence, c.confidence,
                c.place == null ? null : c.placeInherited ? Event.LOCATION_FROM_ARTICLE : Event.LOCATION_FROM_SENTENCE);
    }

    /**
     * An event coded with the user's dictionaries. Their codes need not be in our codebook (WEIS-era or test codes),
     * so quad class, Goldstein value and mappings come from the nearest known parent code, or stay empty.
     */
    private Event dictionaryEvent(Article article, Sentence s, PatternCoder.Coded c) {
        String text = article.text();
        Codebook.Entry entry = null;
        for (int n = c.code().length(); n >= 2 && entry == null; n--) entry = codebook.get(c.code().substring(0, n));
        String base = c.code().length() > 3 ? c.code().substring(0, 3) : c.code();
        String root = c.code().length() >= 2 ? c.code().substring(0, 2) : c.code();
        Event.Cameo cameo = new Event.Cameo(c.code(), base, root, entry == null ? 0 : entry.quadClass(),
                entry == null ? 0 : entry.goldstein(), entry == null ? null : entry.label());
        Token first = s.token(c.verbFirst()), last = s.token(c.verbLast());
        Event.Span trigger = new Event.Span(text.substring(first.start(), last.end()), first.start(), last.end());
        Event.Evidence evidence = new Event.Evidence(text.substring(s.start(), s.end()), s.start(), s.end(), trigger, List.of());
        Candidate dated = new Candidate(s, c.verbFirst(), c.verbFirst(), new TriggerLexicon.Trigger("", true, "010", List.of(), null));
        dates.date(dated, new Discourse(article.published()));
        return new Event(id(article.id(), first.start(), c.code()), dated.date, dated.datePrecision, dated.dateSource,
                dictionaryActor(s, text, c.source(), c.sourceToken()), dictionaryActor(s, text, c.target(), c.targetToken()),
                cameo, entry == null ? new Event.Plover(null, null, List.of()) : new Event.Plover(entry.ploverType(), entry.ploverMode(), entry.ploverContext()),
                entry == null || entry.acledType() == null ? null : new Event.Acled(entry.acledType(), entry.acledSubType()),
                null, modality.of(s, c.verbFirst()), null, Map.of(), evidence, 0.6);
    }

    private Actor dictionaryActor(Sentence s, String text, String code, int token) {
        if (code == null || code.startsWith("---") && code.length() == 3) return null;
        String country = code.length() >= 3 && dictionary.countryName(code.substring(0, 3)) != null ? code.substring(0, 3) : null;
        String sector = country != null && code.length() >= 6 ? code.substring(3, 6) : null;
        Token t = token >= 0 && token < s.size() ? s.token(token) : null;
        return new Actor(t == null ? null : t.word(), t == null ? -1 : t.start(), t == null ? -1 : t.end(), code,
                country == null ? code : dictionary.countryName(country), country, sector);
    }

    private static String id(String articleId, int triggerStart, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-1");
            byte[] h = sha.digest((articleId + ":" + triggerStart + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
