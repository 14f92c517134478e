package sitrep.ingest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dateline reader on heads written here in the forms wire copy and news sites print. */
class DatelineTest {
    private static void dated(int y, int m, int d, String text) {
        assertEquals(LocalDate.of(y, m, d), Dateline.read(text), text);
    }

    private static void undated(String text) {
        assertNull(Dateline.read(text), text);
    }

    @Test
    void wireDatelines() {
        dated(2016, 9, 14, "OSTRAVA NUEVA, Sept. 14, 2016 (Herald Wire) — Jets struck the bridge at dawn.");
        dated(2016, 9, 14, "KESSEL, Veldoria, September 14 2016 - Jets struck the bridge at dawn.");
        dated(2019, 3, 2, "KESSEL, March 2, 2019 \u2014Shells fell on the market.");
        // A yearless wire dateline takes its year from another dateline in the head ...
        dated(2017, 4, 5, "KESSEL, April 5 (Herald Wire) - Shells hit the market.\nPublished 6 April 2017 by the Herald desk");
        dated(2017, 4, 5, "KESSEL, April 5 (Herald Wire) - Shells hit the market. | Updated April 6, 2017 10:00");
        // ... the year that puts it nearest that date: a January dateline beside a December date is the next year's.
        dated(2017, 1, 2, "ARNOR CITY, January 2 (Wire) - Rebels retook the town.\nFirst published Dec 30, 2016");
        dated(2016, 12, 30, "ARNOR CITY, Dec 30 (Wire) - Rebels retook the town.\nLast updated Jan 2, 2017");
        // The earliest dateline is the one taken.
        dated(2017, 4, 6, "Herald Wire | Posted 6 April 2017\nKESSEL, April 5 (Herald Wire) - Shells hit the market.");
    }

    @Test
    void siteDatelines() {
        dated(2017, 4, 4, "Sunday 4 April 2017\nTroops shelled Kessel overnight.");
        dated(2017, 4, 5, "Wed 05 Apr 2017 10.12 BST\nTroops shelled Kessel overnight.");
        dated(2016, 10, 31, "Mon Oct 31 2016 Marenland jets pound border posts. Jets struck three posts on Sunday.");
        dated(2017, 4, 4, "Posted on April 4 2017 by a staff writer Shelling kills four in Kessel");
        dated(2017, 4, 23, "Last updated at Apr 232017 KESSEL Shelling killed four people on Sunday.");
        dated(2016, 7, 5, "Date of publication 5 July 2016 A car bomb exploded near the bakery.");
        dated(2017, 4, 4, "Published 5:04 PM EDT April 4, 2017 A car bomb exploded near the bakery.");
        dated(2017, 4, 4, "April 4, 2017 A car bomb exploded near the bakery.");
        dated(2017, 4, 4, "4th of April, 2017: a car bomb exploded near the bakery.");
        // After a headline: a weekday before the date, a line of its own, or a clock time after it.
        dated(2016, 7, 15, "Jets strike border posts near Kessel Herald Wire Friday 15 Jul 2016 Jets struck three posts.");
        dated(2024, 3, 3, "Jets strike border posts\nBy A. Reporter\n3 March 2024\nJets struck three posts on Sunday.");
        dated(2017, 4, 21, "Jets strike border posts near Kessel 21 April 2017 18:32 Jets struck three posts.");
        dated(2016, 7, 19, "Share this story Tuesday 19 July 2016 16:45 Jets struck three posts.");
        dated(2017, 4, 4, "KESSEL, Tuesday 4 April 2017 Jets struck three posts.");
    }

    @Test
    void numericDates() {
        dated(2013, 8, 24, "24.08.2013 Rebels attacked a checkpoint.");
        dated(2013, 9, 15, "15-09-2013 Rebels attacked a checkpoint.");
        dated(2017, 4, 4, "2017-04-04 Rebels attacked a checkpoint.");
        dated(2017, 4, 4, "Jets strike Kessel Herald Wire 2017/04/04 Rebels attacked a checkpoint.");
        dated(2014, 10, 18, "18.10.2014Get short URL Rebels attacked a checkpoint.");
        // Day first with dots or dashes; with slashes only when the order is plain.
        dated(2017, 4, 13, "13/04/2017 Rebels attacked a checkpoint.");
        dated(2017, 4, 13, "04/13/2017 Rebels attacked a checkpoint.");
        undated("04/05/2017 Rebels attacked a checkpoint.");
        undated("31.02.2017 Rebels attacked a checkpoint.");
    }

    @Test
    void theEarliestDatelineOfTheHeadWins() {
        dated(2016, 10, 6, "6 October 2016 The attack of 3 October 2016 killed two.");
        dated(2018, 5, 5, "Posted 5 May 2018 Updated 6 May 2018 Talks resumed in Kessel.");
        String late = "Jets struck three posts near Kessel. ".repeat(9) + "\n4 April 2017\n";
        assertTrue(late.indexOf("4 April") > Dateline.HEAD);
        undated(late);
    }

    @Test
    void proseDatesAreNotDatelines() {
        undated("On 14 September the army shelled Kessel, killing four.");
        undated("On 14 September 2017 the army shelled Kessel, killing four.");
        undated("The army shelled Kessel on Sunday 14 September 2014, residents said.");
        undated("The army shelled Kessel on Sunday 14 September 2014 10:00, residents said.");
        undated("Talks broke down after April 4, 2017 - the day the truce failed - and fighting resumed.");
        undated("Rebels said the March 3 2016 offensive had failed.");
        undated("Officials met in Kessel on 24.08.2013 to discuss the truce.");
        undated("The ceasefire signed in Arnor 3 March 2024 has held, officials said.");
        // After a lower-case word, a weekday date is prose, as American papers write it; so is one in a caption.
        undated("The council will vote on the plan at its meeting Monday, March 16, 2009, officials said.");
        undated("Jane Roe, 91, of Kessel died Thursday, March 5, 2009, at home.");
        undated("Funeral services will be held Friday, March 27, 2009 at 11:00 a.m. in Kessel.");
        undated("Rebels walk past a ruined mosque in Kessel, Veldoria, Monday March 23, 2009. The mosque was shelled.");
        // Hard-wrapped prose puts dates at the start of lines.
        undated("The notes will mature on\nNovember 15, 2004, and pay eight percent.");
        undated("It reported a profit for the year ended\nJanuary 31, 1987. Sales rose.");
        undated("Kessel talks were held from\nTuesday, March 24 to Thursday, March 26, 2015 and failed.");
        // A yearless date opening a text is a headline's more often than a dateline.
        undated("March 15 protests spread to Kessel as police fired tear gas.");
        // "may" in lower case is a verb.
        undated("Officials said talks may 4 weeks from now resume.");
    }

    @Test
    void aYearlessDatelineWithNoYearBesideItLeavesTheArticleUndated() {
        undated("BEIRUT, Sept 14 (AFP) \u2014 Jets struck rebel positions east of Kessel, a monitor said.");
        undated("KESSEL, April 4 (Herald Wire) - Shells hit the market on Tuesday, killing four people.");
        // ... nor from a date in prose: in wire copy those are maturities, fiscal years and references years away.
        undated("KESSEL, April 4 (Herald Wire) - Shells hit the market, a week after the truce of March 28, 2017 collapsed.");
        undated("ARNOR CITY, March 2 - Arnor Rail is issuing 100 mln dlrs of bonds due March 31, 1994, its bankers said.");
        undated("No date here at all.");
        undated("");
    }

    @Test
    void foundSaysWhichRuleAccepted() {
        Dateline.Found f = Dateline.find("KESSEL, April 4, 2017 (Herald Wire) - Shells hit the market.");
        assertEquals("wire", f.rule());
        assertEquals("April 4, 2017", "KESSEL, April 4, 2017 (Herald Wire) - Shells hit the market.".substring(f.start(), f.end()));
        assertEquals("cue", Dateline.find("Updated: 4 April 2017 Shells hit the market.").rule());
        assertEquals("weekday", Dateline.find("Shells hit market AFP Tuesday 4 April 2017 Shells hit the market.").rule());
        assertEquals("numeric", Dateline.find("Shells hit market Wire 04.04.2017 Shells hit the market.").rule());
        assertEquals("start", Dateline.find("4 April 2017 Shells hit the market.").rule());
    }
}
