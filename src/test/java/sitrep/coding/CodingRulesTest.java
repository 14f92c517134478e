package sitrep.coding;

import org.junit.jupiter.api.Test;
import sitrep.actors.ActorDictionary;
import sitrep.geo.Gazetteer;
import sitrep.geo.GeoResult;
import sitrep.geo.Geoparser;
import sitrep.model.Article;
import sitrep.model.Event;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each named coding rule on texts written for it, with the rule on and off: what the rule is said to do, it does.
 * Real CoreNLP models (loaded once for the suite); no confidence threshold unless the test is about it.
 */
class CodingRulesTest {
    private static final CoderSettings ALL = CoderSettings.defaults().withMinConfidence(0);

    private record Coded(String text, List<Event> events) {
        List<Event> where(Predicate<Event> p) {
            return events.stream().filter(p).toList();
        }

        Event one(Predicate<Event> p) {
            List<Event> found = where(p);
            assertEquals(1, found.size(), () -> "expected one such event in " + describe());
            return found.get(0);
        }

        String describe() {
            StringBuilder b = new StringBuilder();
            for (Event e : events) {
                b.append("\n  ").append(e.cameo().code()).append(' ').append(e.plover().type()).append(" '").append(e.evidence().trigger().text())
                        .append("' ").append(e.source() == null ? "-" : e.source().code()).append(" -> ").append(e.target() == null ? "-" : e.target().code())
                        .append(" @ ").append(e.location() == null ? "-" : e.location().name()).append(' ').append(e.date()).append(' ')
                        .append(e.modality()).append(' ').append(e.quantities());
            }
            return b.toString();
        }
    }

    private static Coded code(String text, String published, CoderSettings settings) {
        LocalDate date = LocalDate.parse(published);
        AnnotatedText doc = NlpAnnotator.shared().annotate(text, date);
        GeoResult geo = new Geoparser(Gazetteer.shared()).geoparse(doc);
        EventCoder coder = new EventCoder(Codebook.shared(), TriggerLexicon.shared(), ActorDictionary.builtIn(), null, settings);
        Article article = new Article("test", text, date, null, null, null, "en", "test", false);
        return new Coded(text, coder.code(article, doc, geo));
    }

    private static Coded code(String text, String published) {
        return code(text, published, ALL);
    }

    private static Coded without(CodingRule rule, String text, String published) {
        return code(text, published, ALL.without(List.of(rule)));
    }

    private static Predicate<Event> root(String root) {
        return e -> e.cameo().root().equals(root);
    }

    private static Predicate<Event> trigger(String word) {
        return e -> e.evidence().trigger().text().equals(word);
    }

    private static final Predicate<Event> VIOLENT = e -> Set.of("18", "19", "20").contains(e.cameo().root());

    @Test
    void aBareStatementIsNoEventButWhatItReportsCarriesTheSpeaker() {
        String text = "The ministry of defence said on Monday that troops had shelled the village of Kafr Nabl.";
        Coded on = code(text, "2019-05-07");
        assertTrue(on.where(root("01")).isEmpty(), on::describe);
        Event shelling = on.one(VIOLENT);
        assertNotNull(shelling.attribution(), "the ministry said it");
        assertTrue(without(CodingRule.BARE_STATEMENTS, text, "2019-05-07").events().stream().anyMatch(e -> e.cameo().code().equals("010")),
                "with the rule off (--statements) the statement is coded as CAMEO 010");
    }

    @Test
    void speechVerbsThatAreActsAreCodedAsThoseActs() {
        String text = """
                Turkey warned the United States on Tuesday not to arm Kurdish fighters.
                The opposition accused the government of shelling Douma.
                The United Nations urged both sides to respect the truce.
                """;
        Coded on = code(text, "2018-01-17");
        assertEquals("THREATEN", on.one(trigger("warned")).plover().type());
        assertEquals("USA", on.one(trigger("warned")).target().country());
        assertEquals("ACCUSE", on.one(trigger("accused")).plover().type());
        assertEquals("REQUEST", on.one(trigger("urged")).plover().type());
        Coded off = without(CodingRule.SPEECH_ACTS, text, "2018-01-17");
        assertTrue(off.where(e -> Set.of("THREATEN", "ACCUSE", "REQUEST").contains(e.plover().type())
                && e.evidence().trigger().text().matches("warned|accused|urged")).isEmpty(), off::describe);
    }

    @Test
    void definiteDescriptionsAndPronounsTakeTheirEarlierActor() {
        String text = """
                The Syrian National Coalition met in Istanbul on Monday.
                The coalition called for a ceasefire in Idlib.
                """;
        Event call = code(text, "2018-02-06").one(root("02"));
        assertEquals("SYROPP", call.source().code(), "the coalition named before, not the US-led one");
        assertNotEquals("SYROPP", without(CodingRule.COREFERENCE, text, "2018-02-06").one(root("02")).source().code());
        String pronoun = """
                Russia's UN envoy, Vassily Nebenzia, rejected the draft resolution on Monday.
                He accused the United States of blocking aid to Syria.
                """;
        assertEquals("RUSGOV", code(pronoun, "2018-02-27").one(trigger("accused")).source().code());
    }

    @Test
    void anObjectPronounIsNotItsOwnClausesSubject() {
        String text = "Erdogan telephoned Macron on Monday. Macron urged him to halt the offensive in Afrin.";
        Event urged = code(text, "2018-01-23").one(trigger("urged"));
        assertEquals("FRAGOV", urged.source().code());
        assertEquals("TURGOV", urged.target().code(), "'him' is Erdogan, not Macron (that would be 'himself')");
    }

    @Test
    void aPlannedAppealIsThatAppeal() {
        String text = "The final statement of the summit will urge Russia to halt its air strikes in Syria.";
        Event appeal = code(text, "2018-01-23").one(e -> e.cameo().root().equals("02") || e.cameo().root().equals("10"));
        assertEquals("REQUEST", appeal.plover().type(), "a planned appeal is no intent to cooperate (AGREE)");
    }

    @Test
    void theOneWhoDiedIsTheTarget() {
        Event died = code("Two soldiers died in an airstrike near Kobani on Sunday.", "2016-03-01").one(VIOLENT);
        assertNotNull(died.target(), "the soldiers are the target");
        assertTrue(died.source() == null || !"MIL".equals(died.source().sector()) || died.target() != null);
        assertTrue(code("The former minister died of cancer on Sunday.", "2016-03-01").where(VIOLENT).isEmpty(), "no violent cause, no event");
    }

    @Test
    void aBackerIsNotTheActor() {
        String text = "Iran-backed government forces shelled the town of Saraqib on Tuesday.";
        Event on = code(text, "2020-02-05").one(VIOLENT);
        assertNotEquals("IRN", on.source().country(), on.source().toString());
        assertEquals("IRN", without(CodingRule.BACKED_ACTORS, text, "2020-02-05").one(VIOLENT).source().country());
    }

    @Test
    void aLightVerbsSubjectIsTheNounsSource() {
        String text = "Turkey launched an offensive against the YPG in Afrin on Saturday.";
        Event offensive = code(text, "2018-01-22").one(VIOLENT);
        assertEquals("TUR", offensive.source().country());
        assertEquals("SYRREB", offensive.target().code(), "the light verb's 'against' phrase is the noun's target");
    }

    @Test
    void aHeadlineIsToldAgainByTheBody() {
        String text = "Rebels shell Aleppo\nRebels shelled Aleppo on Monday, killing four people.\nThe army said it would respond.\nResidents fled the eastern districts.\n";
        assertEquals(1, code(text, "2016-08-02").where(VIOLENT).size(), () -> code(text, "2016-08-02").describe());
        assertEquals(2, without(CodingRule.HEADLINES, text, "2016-08-02").where(VIOLENT).size());
    }

    @Test
    void aNounNeedsWhatMakesItOneAct() {
        String text = "Rocket attacks remain a constant fear for the residents of Sderot.";
        assertTrue(code(text, "2014-07-10").where(VIOLENT).isEmpty(), () -> code(text, "2014-07-10").describe());
        assertFalse(code("Rebels launched an attack on the airport of Taftanaz on Monday.", "2013-01-08").where(VIOLENT).isEmpty());
    }

    @Test
    void whoSomeoneIsIsNoEvent() {
        String text = "A British volunteer fighting alongside Kurdish forces has been named by the Foreign Office.";
        assertTrue(code(text, "2018-03-19").where(trigger("fighting")).isEmpty());
        assertFalse(without(CodingRule.GENERIC, text, "2018-03-19").where(trigger("fighting")).isEmpty());
    }

    @Test
    void aTollSinceAYearIsNoEvent() {
        String text = "More than 350,000 people have been killed in the country since 2011, the monitoring group said.";
        assertTrue(code(text, "2018-03-12").where(VIOLENT).isEmpty(), () -> code(text, "2018-03-12").describe());
        // (background too reads "since 2011" as going on since long ago: both are off here.)
        assertFalse(code(text, "2018-03-12", ALL.without(List.of(CodingRule.AGGREGATE_TOLLS, CodingRule.BACKGROUND))).where(VIOLENT).isEmpty());
    }

    @Test
    void theContentOfAConditionIsNoEvent() {
        String text = "If rebels attack the base at Hmeimim, the army will respond with force.";
        assertTrue(code(text, "2018-01-10").where(trigger("attack")).isEmpty());
    }

    @Test
    void aBackReferenceIsNotASecondAct() {
        String text = "Gunmen attacked a checkpoint in Arish on Monday, killing three soldiers. The attack was the third on the town.";
        assertEquals(1, code(text, "2017-11-21").where(VIOLENT).size(), () -> code(text, "2017-11-21").describe());
    }

    @Test
    void oldAndPastActsAreBackground() {
        assertTrue(code("In 2012 the army shelled the old city of Homs for months.", "2017-09-15").where(VIOLENT).isEmpty(), "over a year old");
        String text = "Pretoria has raided guerrilla bases in the neighbouring states in the past.";
        assertTrue(code(text, "1987-04-21").where(VIOLENT).isEmpty());
        assertFalse(without(CodingRule.BACKGROUND, text, "1987-04-21").where(VIOLENT).isEmpty());
    }

    @Test
    void otherSensesOfTriggerWordsAreNotAttacks() {
        Coded deal = code("Hamas and Fatah struck a deal in Cairo on Monday.", "2017-10-13");
        assertTrue(deal.where(VIOLENT).isEmpty(), deal::describe);
        assertFalse(deal.where(root("05")).isEmpty(), "striking a deal is an agreement" + deal.describe());
        assertTrue(code("Talks resumed in Geneva on 3 March.", "2016-03-05").where(root("14")).isEmpty(), "March the month is no protest");
    }

    @Test
    void aNegatedActIsNoEventButARefusalIs() {
        assertTrue(code("No arrests were made after the explosion, police said.", "2019-01-02").where(root("17")).isEmpty());
        Event refusal = code("Syria said it would not accept more refugees.", "2003-02-01").one(e -> "REJECT".equals(e.plover().type()));
        assertEquals("asserted", refusal.modality(), "the refusal is asserted (GUIDE.md: 'X said it would' is an asserted intent)");
    }

    @Test
    void aHaltedActIsNoEvent() {
        String text = "The Russian moratorium on air strikes in Idlib was extended on Monday.";
        assertTrue(code(text, "2016-05-02").where(VIOLENT).isEmpty(), () -> code(text, "2016-05-02").describe());
        assertFalse(without(CodingRule.DESCRIPTIVE_NEGATION, text, "2016-05-02").where(VIOLENT).isEmpty());
    }

    @Test
    void aParticipleDescribingTheDeadTakesNoCount() {
        String text = "The monitor said 12 civilians died in the town, as well as eight militiamen fighting alongside the army.";
        Coded on = code(text, "2016-05-02");
        assertTrue(on.where(e -> e.quantities().containsKey("killed")).isEmpty(), on::describe);
    }

    @Test
    void commentatorsWordsAreOpinion() {
        String text = "“The offensive will flatten the city within weeks,” a military analyst told the newspaper.";
        assertTrue(code(text, "2017-09-15").where(VIOLENT).isEmpty(), () -> code(text, "2017-09-15").describe());
    }

    @Test
    void theWordsOfOneActMakeOneEvent() {
        String text = "A coalition bombing raid struck a residential building in Mosul on Tuesday, killing 50 people.";
        Coded on = code(text, "2017-03-22");
        Event raid = on.one(VIOLENT);
        assertEquals(50, raid.quantities().get("killed"));
        assertFalse(raid.evidence().alsoTriggers().isEmpty(), "the other words of the act are kept as evidence");
        assertTrue(without(CodingRule.ONE_ACT, text, "2017-03-22").where(VIOLENT).size() > 1);
        // The act named in the clause that tells the cause of the deaths.
        String cause = "Twelve villagers were killed when rebels carried out an attack on a market in Beni on Friday.";
        Event market = code(cause, "2019-05-07").one(VIOLENT);
        assertEquals(12, market.quantities().get("killed"));
        assertEquals("REB", market.source() == null ? null : market.source().sector(), "the attackers are the killers");
        assertTrue(without(CodingRule.ONE_ACT, cause, "2019-05-07").where(VIOLENT).size() > 1);
    }

    @Test
    void twoDoersAreTwoActs() {
        String text = "Government jets bombed rebel positions in Idlib on Monday after the rebels shelled the town of Suqaylabiyah.";
        Coded on = code(text, "2019-05-07");
        assertEquals(2, on.where(VIOLENT).size(), on::describe);
        Event bombed = on.one(trigger("bombed"));
        assertEquals("Idlib", bombed.location().name(), "the other act's place is not this act's");
    }

    @Test
    void relativeDatesCountFromTheDateTheTextLastGave() {
        String text = "Rebels shelled Aleppo on 26 July, killing 62 people. Two days later, government jets struck the town of Saraqib.";
        Event later = code(text, "2016-08-10").one(trigger("struck"));
        assertEquals("2016-07-28", later.date());
        assertNotEquals("2016-07-28", without(CodingRule.DISCOURSE_DATES, text, "2016-08-10").one(trigger("struck")).date());
    }

    @Test
    void aDistanceReferenceLocatesTheSiteItself() {
        String text = "A car bomb exploded 30 km south of Aleppo on Thursday, killing nine people.";
        Event bomb = code(text, "2016-08-12").one(VIOLENT);
        assertTrue(bomb.location().lat() < 36.1, "moved about 30 km south of Aleppo (36.2N): " + bomb.location());
        assertEquals("Aleppo", without(CodingRule.ACT_PLACE, text, "2016-08-12").one(VIOLENT).location().name());
    }

    @Test
    void anOriginIsNotWherTheActHappened() {
        Event attack = code("Hezbollah fighters from Lebanon attacked rebels in Qusayr on Wednesday.", "2013-05-23").one(VIOLENT);
        assertEquals("SYR", attack.location().country(), attack.location().toString());
    }

    @Test
    void countsBelongToTheirOwnClause() {
        String text = "Gunmen killed five police officers in Kano on Monday, and soldiers killed 12 militants in Maiduguri on Tuesday.";
        Coded on = code(text, "2014-06-04");
        assertTrue(on.events().stream().noneMatch(e -> Integer.valueOf(17).equals(e.quantities().get("killed"))), on::describe);
        assertTrue(without(CodingRule.CLAUSE_COUNTS, text, "2014-06-04").events().stream()
                .anyMatch(e -> Integer.valueOf(17).equals(e.quantities().get("killed"))), "with the rule off the sentence's counts are summed");
    }

    @Test
    void theThresholdDropsOnlyLowConfidenceEvents() {
        String text = """
                Government forces shelled the town of Douma on Monday, killing 12 people, the Observatory said.
                Fighting goes on in many parts of the country.
                The two sides held talks between them in recent weeks.
                """;
        Coded open = code(text, "2018-02-20");
        Coded cut = code(text, "2018-02-20", ALL.withMinConfidence(0.5));
        assertTrue(cut.events().stream().allMatch(e -> e.confidence() >= 0.5));
        assertEquals(open.where(e -> e.confidence() >= 0.5).size(), cut.events().size());
    }

    @Test
    void aTownAttackedByAForeignForceIsTheTargetAsItsCountry() {
        String text = "Turkish jets bombed the town of Jarabulus on Sunday.";
        Event strike = code(text, "2018-02-05").one(VIOLENT);
        assertNotNull(strike.target(), code(text, "2018-02-05").describe());
        assertEquals("SYR", strike.target().code(), "the town's country, as CAMEO codes a place");
        assertEquals("SYR", strike.location().country(), "the town attacked is also where it happened");
        assertNull(without(CodingRule.PLACE_TARGETS, text, "2018-02-05").one(VIOLENT).target());
        // An army taking a town of its own country says nothing of whom it took it from.
        Event own = code("Syrian troops shelled the town of Saraqib on Sunday.", "2020-02-05").one(VIOLENT);
        assertTrue(own.target() == null || !"SYR".equals(own.target().code()), String.valueOf(own.target()));
    }

    @Test
    void forcesSentToFightAreThePurposeNotYetAnActAndTheyAreTheSenders() {
        String text = """
                Last week Turkey sent troops into Afrin.
                The troops fought Kurdish militias near the town on Sunday.
                """;
        Event fought = code(text, "2018-02-06").one(VIOLENT);
        assertEquals("TUR", fought.source().country(), "the troops Turkey sent are Turkish");
        String purpose = "On Monday Turkey sent troops to fight Isis in northern Syria.";
        assertTrue(code(purpose, "2018-02-06").where(trigger("fight")).isEmpty(), code(purpose, "2018-02-06").describe());
        Coded off = without(CodingRule.HYPOTHETICAL, purpose, "2018-02-06");
        assertFalse(off.where(trigger("fight")).isEmpty(), off.describe());
    }

    @Test
    void forceAndTheDamageItDidToOneObjectAreOneAct() {
        String text = "American warships attacked and destroyed an Iranian oil platform in the Gulf on Monday.";
        Event attack = code(text, "1987-10-20").one(e -> true);
        assertEquals(List.of("destroyed"), attack.evidence().alsoTriggers().stream().map(t -> t.text()).toList());
        assertEquals(2, without(CodingRule.ONE_ACT, text, "1987-10-20").events().size());
    }

    @Test
    void theTownAStoryIsAboutIsCountedWhereItIsAPlaceNotAnActor() {
        // Ankara, named three times as the government, is not where the shelling happened; Afrin, twice a location, is.
        String text = """
                Turkish artillery pounded Kurdish positions in Afrin on Monday.
                Ankara said the operation would go on, and Ankara denied any civilian deaths.
                Tensions between Ankara and Washington rose.
                Residents fled towards Afrin city overnight.
                Up to 20 fighters were killed in northern Syria on Tuesday.
                """;
        Event killed = code(text, "2018-01-24").one(trigger("killed"));
        assertNotNull(killed.location());
        assertEquals("SYR", killed.location().country(), killed.location().toString());
        assertNotEquals("country", killed.location().precision(), "the story's town, not Syria's centroid");
    }

    @Test
    void aParticipleWithAnObjectAfterAVerbIsAnActOfItsSubject() {
        String text = "The Turkish president stepped up his rhetoric against Washington on Monday, accusing it of arming terrorists.";
        Event accusation = code(text, "2018-01-23").one(trigger("accusing"));
        assertEquals("ACCUSE", accusation.plover().type());
        assertEquals("TUR", accusation.source().country(), accusation.source().toString());
    }

    @Test
    void aRunningTotalIsNoEvent() {
        String text = "The Turkish prime minister said on Thursday that 300 militants had been killed so far in the operation.";
        Coded on = code(text, "2018-01-25");
        assertTrue(on.where(VIOLENT).isEmpty(), on::describe);
        assertFalse(without(CodingRule.AGGREGATE_TOLLS, text, "2018-01-25").where(VIOLENT).isEmpty());
    }

    @Test
    void aVerbFiredOnSomeoneIsAnAttackWithoutAWeaponNamed() {
        Event fired = code("Turkish troops fired on Kurdish fighters near the border on Tuesday.", "2018-02-21").one(VIOLENT);
        assertEquals("TUR", fired.source().country());
        assertNotNull(fired.target());
        assertEquals("194", code("Government forces fired rockets at the village of Kafr Nabl on Tuesday.", "2019-05-08").one(VIOLENT).cameo().code(),
                "the weapon row still applies where a weapon is fired");
    }

    @Test
    void signingAnOrderOrSettingUpACommitteeIsNoInternationalAct() {
        String text = """
                The president signed an executive order on Tuesday.
                The conference will set up a committee to draft a constitution.
                Turkey and Russia signed an agreement on Idlib on Tuesday.
                """;
        Coded on = code(text, "2018-01-31");
        assertEquals(1, on.where(root("05")).size(), on::describe);
        assertTrue(on.where(root("15")).isEmpty(), on::describe);
        assertEquals(2, without(CodingRule.WORD_SENSE, text, "2018-01-31").where(root("05")).size());
    }

    @Test
    void aTimeOfDayGivesItsDayAndHoursAreNoCampaignToll() {
        String text = "Calm had generally prevailed in the city since midnight, though four rockets hit the town of Douma on Tuesday morning, the monitor said.";
        Event hit = code(text, "2018-02-28").one(VIOLENT);
        assertEquals("2018-02-27", hit.date(), "the Tuesday before publication");
    }

    @Test
    void deathsToldOfADefiniteActAreItsTollNotANewAct() {
        String text = """
                Rebels attacked an army checkpoint outside the town of Kafr Nabl on Tuesday.
                At least 18 rebels died in the clash, a local doctor said.
                """;
        Coded on = code(text, "2019-05-08");
        Event attack = on.one(VIOLENT);
        assertEquals("attacked", attack.evidence().trigger().text(), on.describe());
        assertEquals(18, attack.quantities().get("killed"), "the clash's dead are the attack's toll: " + on.describe());
        Coded off = without(CodingRule.BACK_REFERENCES, text, "2019-05-08");
        assertTrue(off.where(VIOLENT).size() > 1, "with the rule off the deaths are an act of their own: " + off.describe());
        Coded claim = code("""
                Rebels attacked an army checkpoint outside the town of Kafr Nabl on Tuesday.
                The army said it had killed 30 rebels in the fighting.
                """, "2019-05-08");
        assertEquals(2, claim.where(VIOLENT).size(), "a side's own claim, with its doer, stays its act: " + claim.describe());
    }

    @Test
    void fightingAlongsideSomeoneSaysWhoseSideNotAnAct() {
        Coded side = code("Hezbollah, whose fighters are fighting alongside government forces, said it would respect the truce.", "2019-05-08");
        assertTrue(side.where(VIOLENT).isEmpty(), "allegiance is no act: " + side.describe());
        Coded battle = code("Hezbollah fighters fought alongside government troops against rebels in Qusayr on Sunday.", "2019-05-08");
        Event fought = battle.one(VIOLENT);
        assertNotNull(fought.target(), "the enemy follows 'against', not 'alongside': " + battle.describe());
        assertFalse(fought.target().code().endsWith("MIL"), "the troops fought beside are no target: " + battle.describe());
    }

    @Test
    void callingOnSomeoneToActIsARequest() {
        Coded on = code("The Kurdish militia had called on Russia to defend the town of Kobani.", "2019-05-08");
        Event call = on.one(trigger("called"));
        assertEquals("REQUEST", call.plover().type(), on.describe());
        assertEquals("RUS", call.target() == null ? null : call.target().country(), on.describe());
    }

    @Test
    void oneMentionFillsOneRole() {
        String text = "Members of the ruling party urged Erdogan to resign.";
        var sentence = NlpAnnotator.shared().annotate(text, LocalDate.parse("2019-05-08")).sentences().get(0);
        int urged = text.indexOf("urged"), erdogan = text.indexOf("Erdogan");
        var president = new sitrep.model.Actor("Erdogan", erdogan, erdogan + 7, "TURGOV", "Recep Tayyip Erdogan", "TUR", "GOV");
        var party = new sitrep.model.Actor("the ruling party", text.indexOf("the ruling"), text.indexOf(" urged"), "TURGOV", null, "TUR", "GOV");
        int head = sentence.tokens().stream().filter(t -> t.start() == urged).findFirst().orElseThrow().index();
        Candidate astray = new Candidate(sentence, head, head, new TriggerLexicon.Trigger("urge", true, "020", List.of(), null));
        astray.source = president;
        astray.target = president;
        Roles.oneRole(astray);
        assertNull(astray.source, "a source resolved to the target's own words is a reference gone astray");
        assertEquals(president, astray.target);
        Candidate apart = new Candidate(sentence, head, head, new TriggerLexicon.Trigger("urge", true, "020", List.of(), null));
        apart.source = party;
        apart.target = president;
        Roles.oneRole(apart);
        assertEquals(party, apart.source, "two mentions of one government may fill both roles");
    }

    @Test
    void aMaterialActToldAsDoneAgainAndAgainIsATallyUnlessADayIsNamed() {
        String tally = "Rebels have attacked the pipeline near the town of Kafr Nabl several times in the past two years.";
        Coded habit = code(tally, "2019-05-08");
        assertTrue(habit.where(VIOLENT).isEmpty(), "repeated attacks are a tally: " + habit.describe());
        Coded day = code("Rebels repeatedly shelled the town of Kafr Nabl on Sunday.", "2019-05-08");
        assertEquals(1, day.where(VIOLENT).size(), "a day named makes it that day's act: " + day.describe());
        Coded stance = code("Opposition leaders have repeatedly urged the army to leave the city of Goma.", "2019-05-08");
        assertFalse(stance.where(root("02")).isEmpty(), "a demand made again and again is a standing demand: " + stance.describe());
        Coded off = without(CodingRule.GENERIC, tally, "2019-05-08");
        assertFalse(off.where(VIOLENT).isEmpty(), "with the rule off the attacks are coded: " + off.describe());
    }

    @Test
    void decliningToDiscussIsNoActAtAll() {
        Coded c = code("A spokesman for the ministry declined to discuss the reports on Tuesday.", "2019-05-08");
        assertTrue(c.where(e -> true).isEmpty(), "neither a talk nor a refusal: " + c.describe());
    }

    /** The one violent act coded from {@code text}; it must have a target. */
    private static Event targetedAct(String text, String published) {
        Coded on = code(text, published);
        Event act = on.one(VIOLENT);
        assertNotNull(act.target(), on::describe);
        return act;
    }

    @Test
    void anOffensiveToOustSomeoneIsAimedAtThem() {
        String text = "The army launched an offensive on Saturday to oust Islamic State fighters from the town of Hajin.";
        assertEquals("IMGMUSISI", targetedAct(text, "2018-09-12").target().code());
        Coded effort = code("Government forces launched a military offensive in Helmand last week in an effort to drive out the Taliban.", "2018-09-12");
        assertTrue(effort.where(VIOLENT).stream().anyMatch(e -> e.target() != null && e.target().code().startsWith("AFG")
                || e.target() != null && e.target().name() != null && e.target().name().contains("Taliban")), effort.describe());
        Coded off = without(CodingRule.PURPOSE_TARGETS, text, "2018-09-12");
        assertNull(off.one(VIOLENT).target(), "with the rule off the purpose names no target: " + off.describe());
    }

    @Test
    void thoseHurtByANamedAttackAreItsTarget() {
        String text = "At least 12 civilians were injured by a chlorine attack in Saraqib on Sunday.";
        assertEquals("CVL", targetedAct(text, "2018-02-05").target().sector());
        Coded shelled = code("Almost 200 civilians have been killed in dozens of airstrikes by forces loyal to the government in Idlib.", "2018-02-05");
        Event killed = shelled.one(VIOLENT);
        assertEquals("SYR", killed.source() == null ? null : killed.source().country(), "the cause's agent is the doer: " + shelled.describe());
        Coded off = without(CodingRule.VICTIMS, text, "2018-02-05");
        assertTrue(off.where(VIOLENT).stream().noneMatch(e -> e.target() != null && "CVL".equals(e.target().sector())), off.describe());
    }

    @Test
    void anAccusationIsAimedAtTheAccusedAndADenialAtWhoeverCharged() {
        Coded complaint = code("Pakistan complained to the United Nations on Monday that Afghan planes had bombed Pakistani villages.", "1987-03-05");
        Event complained = complaint.one(trigger("complained"));
        assertEquals("AFG", complained.target() == null ? null : complained.target().country(), complaint.describe());
        Coded denial = code("Turkey denied Russia's charges on Tuesday.", "2018-01-23");
        Event denied = denial.one(trigger("denied"));
        assertEquals("RUS", denied.target() == null ? null : denied.target().country(), denial.describe());
    }

    @Test
    void disputingOrDismissingAClaimIsARejection() {
        Coded c = code("""
                Turkish officials disputed the White House account of the call on Thursday.
                The Iraqi defence ministry dismissed the reports as propaganda.
                The Iraqi president dismissed the defence minister on Friday.
                """, "2018-01-26");
        assertEquals("REJECT", c.one(trigger("disputed")).plover().type(), c.describe());
        assertEquals(1, c.where(e -> e.plover().type() != null && e.plover().type().equals("REJECT")
                && e.evidence().trigger().text().equals("dismissed")).size(), "reports are rejected, a minister is not: " + c.describe());
    }

    @Test
    void hittingBackIsForceUnlessItAnswersWords() {
        Coded force = code("Israeli jets hit back at Hamas positions in Gaza on Sunday.", "2021-05-10");
        assertEquals("ASSAULT", force.one(trigger("hit")).plover().type(), force.describe());
        Coded words = code("The Iraqi president hit back at comments made by the US president on Monday.", "2019-02-05");
        assertEquals("111", words.one(trigger("hit")).cameo().code(), "answering comments is criticism: " + words.describe());
    }

    @Test
    void theLeaderOfXLedForcesNamesWhoseTheyAre() {
        String text = "Kurdish-led forces captured the village of Baghuz on Sunday.";
        Event captured = code(text, "2019-03-05").one(trigger("captured"));
        assertTrue(captured.source() != null && captured.source().code().startsWith("KUR"), "Kurdish-led forces are Kurdish: " + captured.source());
        Event bombed = code("A Russian-led bombardment of Idlib killed 20 civilians on Monday.", "2019-03-05").one(VIOLENT);
        assertEquals("RUS", bombed.source() == null ? null : bombed.source().country(), "a Russian-led bombardment is Russia's");
        Event off = without(CodingRule.BACKED_ACTORS, text, "2019-03-05").one(trigger("captured"));
        assertFalse(off.source() != null && off.source().code().startsWith("KUR"), "with the rule off the leader is not read: " + off.source());
    }
    @Test
    void aParticipleModifyingANounTakesItAsTheOneActedOnOrTheDoer() {
        String buried = "Kurdish officials said on Monday that three Syrian villagers killed by Turkish shelling were buried in Kobani.";
        Event killed = code(buried, "2019-10-15").one(trigger("killed"));
        assertNotNull(killed.target(), "the villagers are the target");
        assertEquals("SYR", killed.target().country());
        assertNotNull(killed.source(), "the shelling's maker is the source");
        assertEquals("TUR", killed.source().country());
        Event off = without(CodingRule.REDUCED_RELATIVES, buried, "2019-10-15").one(trigger("killed"));
        assertTrue(off.target() == null || !"SYR".equals(off.target().country()), "with the rule off the villagers are not the target");

        String proposal = "The ministry on Tuesday rejected a French proposal calling for new elections in Mali.";
        Event calling = code(proposal, "2019-10-15").one(trigger("calling"));
        assertNotNull(calling.source(), "the proposal makes the request");
        assertEquals("FRA", calling.source().country());
        Coded noRule = without(CodingRule.REDUCED_RELATIVES, proposal, "2019-10-15");
        assertTrue(noRule.where(trigger("calling")).stream().noneMatch(e -> e.source() != null && "FRA".equals(e.source().country())),
                "with the rule off the proposal is not the source: " + noRule.describe());
    }

    @Test
    void aThingReleasedIsNoReleaseOfPeopleWhateverTheVoice() {
        Coded video = code("A video released by the group on Sunday showed the hostages kneeling in the sand.", "2019-10-15");
        assertTrue(video.where(root("08")).isEmpty(), "a video released is no release: " + video.describe());
        Coded freed = code("Five hostages released by the group on Sunday reached the border.", "2019-10-15");
        assertFalse(freed.where(trigger("released")).isEmpty(), "hostages released are: " + freed.describe());
    }

    @Test
    void aCapitalAsNewsWritesItStandsForItsGovernmentButNotInAPersonsName() {
        Event accused = code("Washington accused Tehran on Friday of arming the rebels.", "2019-10-15").one(root("11"));
        assertEquals("USAGOV", accused.source() == null ? null : accused.source().code(), "Washington (world-countries: Washington D.C.)");
        Coded actor = code("Denzel Washington accused the studio on Friday of ignoring the strike.", "2019-10-15");
        assertTrue(actor.events().stream().noneMatch(e -> e.source() != null && "USAGOV".equals(e.source().code())),
                "a person named Washington is no government: " + actor.describe());
    }

    @Test
    void aNounWithNoActorsDatedToAnActAlreadyCodedNamesThatActAgain() {
        String again = "Gunmen killed four police officers in an ambush near Garissa on Tuesday. Tuesday's attack was the deadliest in the county this year.";
        Coded on = code(again, "2020-05-04");
        assertEquals(1, on.where(VIOLENT).size(), "Tuesday's attack is the ambush: " + on.describe());
        Coded off = without(CodingRule.ARTICLE_DUPLICATES, again, "2020-05-04");
        assertEquals(2, off.where(VIOLENT).size(), "with the rule off it is coded again: " + off.describe());
        Coded other = code("Gunmen killed four police officers in an ambush near Garissa on Tuesday. "
                + "Tuesday's attack by the little-known Jabhat Kaskazini fighters was claimed online.", "2020-05-04");
        assertEquals(2, other.where(VIOLENT).size(), "an attack that names a doer of its own may be another act: " + other.describe());
    }

    @Test
    void whatHasGoneOnSinceLongAgoIsAStateAndTheWorstSinceIsAComparison() {
        String state = "Iran has been the main backer of the Houthi rebels since 2014, supplying them with missiles and drones.";
        Coded on = code(state, "2020-05-04");
        assertTrue(on.where(trigger("supplying")).isEmpty(), "supplies going on since 2014 are a standing state: " + on.describe());
        Coded off = without(CodingRule.BACKGROUND, state, "2020-05-04");
        assertFalse(off.where(trigger("supplying")).isEmpty(), "with the rule off they are coded: " + off.describe());
        Coded recent = code("Iran has been the main backer of the Houthi rebels since March, supplying them with missiles and drones.", "2020-05-04");
        assertFalse(recent.where(trigger("supplying")).isEmpty(), "since two months ago is within scope: " + recent.describe());
        Coded dated = code("Iran has been the main backer of the Houthi rebels since 2014, and on Tuesday supplied them with missiles.", "2020-05-04");
        assertFalse(dated.where(trigger("supplied")).isEmpty(), "an act the text dates itself is that day's: " + dated.describe());
        Coded worst = code("Gunmen killed 20 villagers near Beni on Sunday in the deadliest attack since 2015.", "2020-05-04");
        assertEquals(20, worst.one(VIOLENT).quantities().get("killed"), "the deadliest since 2015 counts nothing since then");
    }

    @Test
    void anAnnouncedHostileActIsAThreatByWhoeverAnnouncesItAndNoThreatWithoutOne() {
        Event offensive = code("The Syrian army said on Monday it would launch an offensive against the rebels in Idlib.", "2020-05-04").one(root("13"));
        assertEquals("SYR", offensive.source() == null ? null : offensive.source().country(), "the army announces it");
        assertEquals("REB", offensive.target() == null ? null : offensive.target().sector(), "against the rebels");
        Coded halt = code("The Syrian army said on Monday it would end its offensive against the rebels in Idlib.", "2020-05-04");
        assertTrue(halt.where(root("13")).isEmpty(), "ending an offensive announces no offensive: " + halt.describe());
        Event extend = code("Turkey said it would extend its offensive to the town of Manbij.", "2020-05-04").one(root("13"));
        assertTrue(extend.target() == null || !"TUR".equals(extend.target().country()), "Turkey's own offensive is not the target: " + extend.target());
        String nobody = "If the reports are confirmed, it would be the deadliest clash between the two armies in decades.";
        assertTrue(code(nobody, "2020-05-04").events().isEmpty(), "a conditional clash no one announces threatens nothing");
        assertFalse(without(CodingRule.HYPOTHETICAL, nobody, "2020-05-04").events().isEmpty(), "with the rule off it is coded");
    }

    @Test
    void anActSomeoneHasPlansOrTheCapacityForIsNotAsserted() {
        for (String text : List.of("Turkish troops near the border are making final plans to attack Kurdish fighters inside northern Syria.",
                "The army has the capacity to strike the rebels anywhere, a general said on Monday.")) {
            Coded off = without(CodingRule.HYPOTHETICAL, text, "2020-05-04");
            assertTrue(off.where(VIOLENT).stream().noneMatch(e -> e.modality().equals("asserted")), "not done, only planned or possible: " + off.describe());
        }
    }

    @Test
    void countedMembersOfAPronounsForceAreTheAntecedents() {
        String text = "Rebels shelled the town of Beni on Monday. Uganda's army said on Friday that three of its soldiers were killed in an ambush near Beni.";
        Event killed = code(text, "2020-05-04").one(trigger("killed"));
        assertEquals("UGAMIL", killed.target() == null ? null : killed.target().code(), "three of its (Uganda's army's) soldiers");
        Event off = without(CodingRule.COREFERENCE, text, "2020-05-04").one(trigger("killed"));
        assertNotEquals("UGAMIL", off.target() == null ? null : off.target().code(), "with the rule off 'its' is not read");
    }

    @Test
    void aCallOnADayIsACallAndItsDemandASecondEvent() {
        Coded call = code("The Kenyan president called his Somali counterpart on Friday, urging him to withdraw the troops from the border.", "2020-05-04");
        assertEquals(1, call.where(root("04")).size(), "'on Friday' makes no 'call on': the call is a consultation: " + call.describe());
        assertEquals(1, call.where(root("02")).size(), "and the urging a request: " + call.describe());
    }

    @Test
    void sortiesFlownAgainstSomeoneAreAirStrikes() {
        Event sorties = code("Iraqi warplanes flew 94 sorties against Iranian positions on Monday, the military said.", "2020-05-04").one(VIOLENT);
        assertEquals("195", sorties.cameo().code());
        assertEquals("IRQ", sorties.source() == null ? null : sorties.source().country());
        assertEquals("IRN", sorties.target() == null ? null : sorties.target().country());
        assertTrue(code("The president flew to Paris on Monday.", "2020-05-04").events().isEmpty());
    }

    @Test
    void theByPhraseOfAGerundIsItsDoerButAnAccuserIsNoDoerOfWhatItBlames() {
        Event killed = code("Almost 60 civilians have been killed in dozens of airstrikes and shelling by government forces in Idlib province over two days.",
                "2020-05-04").one(VIOLENT);
        assertEquals("MIL", killed.source() == null ? null : killed.source().sector(), "the shelling by government forces is theirs");
        Event attack = code("The United States on Monday blamed Iran for Sunday's attack on the tanker.", "2020-05-04").one(VIOLENT);
        assertTrue(attack.source() == null || !"USA".equals(attack.source().country()), "who blames did not attack: " + attack.source());
    }

    @Test
    void anAnnouncementKeepsItsIntentWhereTheAnnouncerIsUnknownAndTearGasIsAWeapon() {
        Coded boycott = code("The little-known Umma party has said it will boycott the elections unless the president agrees to step down.", "2020-05-04");
        assertFalse(boycott.events().isEmpty(), "someone announces it, though the dictionaries do not know who: " + boycott.describe());
        Event gas = code("Riot police fired tear gas at protesters in Nairobi on Monday.", "2020-05-04").one(VIOLENT);
        assertEquals("COP", gas.source() == null ? null : gas.source().sector());
        assertTrue(code("The president fired the defence minister on Monday.", "2020-05-04").where(VIOLENT).isEmpty());
    }
}
