package sitrep.coding;

import org.junit.jupiter.api.Test;
import sitrep.ingest.ArticleReader;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.pipeline.Pipeline;
import sitrep.pipeline.TestPipeline;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built-in coder's ACLED sub-event types (acled-rules.tsv), actorless violent events, wider triggers, PLOVER's
 * reading of intentions and domestic actors, end to end over CoreNLP on sentences written for these tests.
 */
class AcledRulesTest {
    static final Pipeline pipeline = TestPipeline.get();

    private static List<Event> code(String text) {
        ArticleResult r = pipeline.process(ArticleReader.ofTexts(List.of(text), List.of(LocalDate.of(2021, 3, 5))).get(0));
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r.events();
    }

    private static void hasSubType(String text, String subType) {
        List<Event> events = code(text);
        assertTrue(events.stream().anyMatch(e -> e.acled() != null && subType.equals(e.acled().subEventType())),
                () -> subType + " expected in " + events.stream().map(e -> e.cameo().code() + " " + e.acled()).toList());
    }

    @Test
    void protestsAreToldApartByWhatHappensToThem() {
        hasSubType("Thousands of students marched peacefully through the capital on Saturday to demand lower fees.", "Peaceful protest");
        hasSubType("Police fired tear gas to disperse hundreds of protesters in the capital on Friday.", "Protest with intervention");
        hasSubType("Protesters threw stones at police and set fire to cars in the capital on Friday.", "Violent demonstration");
    }

    @Test
    void explosivesBySuicideBomberAndRoadsideBombWithoutKnownDoer() {
        hasSubType("A suicide bomber blew himself up at a crowded market in the city, killing 12 people.", "Suicide bomb");
        List<Event> bomb = code("A roadside bomb exploded near a police patrol in the south, wounding three officers.");
        Event exploded = bomb.stream().filter(e -> e.evidence().trigger().text().equals("exploded")).findFirst().orElseThrow();
        assertEquals("1833", exploded.cameo().code(), "roadside refines the bombing");
        assertEquals("Remote explosive/landmine/IED", exploded.acled().subEventType());
        assertEquals(null, exploded.source(), "kept although nobody is named as the bomber");
    }

    @Test
    void seizedWeaponsAndAbductions() {
        List<Event> seized = code("Police seized 20 rifles and a large amount of ammunition in the northern province on Sunday.");
        Event e = seized.stream().filter(x -> x.evidence().trigger().text().equals("seized")).findFirst().orElseThrow();
        assertEquals("1711", e.cameo().code(), "seizing rifles is no taking of territory");
        assertEquals("Disrupted weapons use", e.acled().subEventType());
        hasSubType("Gunmen kidnapped two aid workers near the border on Monday.", "Abduction/forced disappearance");
    }

    @Test
    void disastersAreOutsideAcled() {
        assertTrue(code("Floods hit the coastal towns on Sunday, killing 40 people.").stream().allMatch(e -> e.acled() == null));
    }

    private static Event trigger(List<Event> events, String word) {
        return events.stream().filter(e -> e.evidence().trigger().text().equals(word)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + word + "' in " + events));
    }

    @Test
    void intentionsAreReadAsPloverDoes() {
        Event withdraw = trigger(code("Nigeria said it will withdraw its peacekeepers from Chad unless the rebels agree to a ceasefire."), "withdraw");
        assertEquals("THREATEN", withdraw.plover().type(), "a harmful act on a condition is a threat");
        assertEquals("NGA", withdraw.source().code(), "the pronoun in reported speech is the speaker");
        Event accept = trigger(code("Syria said it would not accept more refugees."), "accept");
        assertEquals("REJECT", accept.plover().type(), "the negation outranks 'would': a refusal");
        assertEquals("12", accept.cameo().root(), "an announced refusal is coded as one (CAMEO 12), asserted");
        assertEquals("asserted", accept.modality());
        Event yielded = trigger(code("The Mozambique government accepted demands from the rebels on Thursday."), "accepted");
        assertEquals("080", yielded.cameo().code(), "accepting demands is yielding, not agreeing");
        assertEquals("CONCEDE", yielded.plover().type());
    }

    @Test
    void peoplesAndDomesticRolesGetTheirCountry() {
        Event blamed = trigger(code("Palestinians blamed Israel for the attack."), "blamed");
        assertEquals("PSE", blamed.source().country());
        assertEquals("ISR", blamed.target().country());
        Event arrest = trigger(code("Police in Nairobi arrested 30 protesters on Friday."), "arrested");
        assertEquals("KENCOP", arrest.source().code(), "police take the country of the place they act in");
        Event downed = trigger(code("Kenya's air force said it shot down two drones over Mandera on Sunday."), "shot");
        assertEquals("KENMIL", downed.source().code(), downed.toString());
        assertNotEquals("KENMIL", downed.target() == null ? null : downed.target().code(),
                "the drones are not Kenya's own force: the place's country is the shooter's");
    }

    @Test
    void bothSidesOfAClashAreItsActors() {
        Event clash = trigger(code("Government troops and rebels clashed in the town of Kidal on Sunday, residents said."), "clashed");
        assertEquals("MLIMIL", clash.source().code(), clash.toString());
        assertEquals("MLIREB", clash.target() == null ? null : clash.target().code(), "'on Sunday' names when, not the other side");
        Event named = trigger(code("Israeli troops and Hamas fighters clashed near Khan Younis on Sunday."), "clashed");
        assertEquals("ISRMIL", named.source().code(), "the second conjunct's name is not the first one's: " + named);
        assertTrue(named.target() != null && named.target().code().startsWith("PSE"), named.toString());
    }

    @Test
    void aPastPerfectInReportedSpeechIsTheReportsNewsNotBackground() {
        Event reported = trigger(code("The rebels said their fighters had seized the airport of Kidal."), "seized");
        assertEquals("2021-03-05", reported.date(), "'said ... had seized' reports 'have seized': the day's news");
        List<Event> told = code("Rebels had seized the airport of Kidal long before the talks began.");
        assertTrue(told.stream().filter(e -> e.evidence().trigger().text().equals("seized")).allMatch(e -> e.date() == null),
                "told by the article itself, the past perfect is background: " + told);
    }

    @Test
    void anArmedGroupsOwnFightersAreTheGroup() {
        Event fired = trigger(code("Hamas said its fighters had fired rockets at Ashkelon."), "fired");
        assertEquals("Hamas", fired.source().name(), "'its fighters' of an armed group are the group: " + fired.source());
        Event troops = trigger(code("Russia said its troops had shelled the town of Bakhmut."), "shelled");
        assertEquals("RUSMIL", troops.source().code(), "a state's troops are its military");
    }
}
