package sitrep.merge;

import sitrep.model.Actor;
import sitrep.model.Article;
import sitrep.model.ArticleResult;
import sitrep.model.Event;
import sitrep.model.Place;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Articles whose mentions crowd the merge rule's edges: a few families, places a border or a few hundred km apart
 * at every precision (and none), dates a day apart and at month or year precision, actor codes that refine one
 * another, differing tolls. Built directly as the pipeline's records, so tests of merging need no NLP.
 */
public final class MergeCorpus {
    private record Town(String name, double lat, double lon, String country) {
    }

    private static final Town[] TOWNS = {
            new Town("Aleppo", 36.20, 37.16, "SYR"), new Town("Gaziantep", 37.07, 37.38, "TUR"),
            new Town("Idlib", 35.93, 36.63, "SYR"), new Town("Azaz", 36.59, 37.05, "SYR"),
            new Town("Damascus", 33.51, 36.29, "SYR"), new Town("Mosul", 36.34, 43.13, "IRQ"),
            new Town("Kharkiv", 49.99, 36.23, "UKR"), new Town("Belgorod", 50.60, 36.59, "RUS"),
            new Town("Kyiv", 50.45, 30.52, "UKR"), new Town("Suva", -18.14, 178.44, "FJI"),
            new Town("Taveuni", -16.85, -179.97, "FJI")};
    private static final String[] PRECISIONS = {"city", "city", "point", "admin2", "admin1", "region", "country", null};
    private static final String[] CODES = {"SYR", "SYRMIL", "SYRREB", "RUS", "RUSMIL", "TUR", "TURMIL", "UKR", "UKRMIL", "IMGMUSISI", null, null};
    /**
     * Root, codes (space-separated: the mutual 190 clash and 040 consultation beside directed codes of their roots, so
     * mentions swap sides only sometimes and an event's code is refined), PLOVER type.
     */
    private static final String[][] FAMILIES = {{"19", "190 190 195 1951 193", "ASSAULT"}, {"18", "183", "ASSAULT"},
            {"04", "040 040 046 042", "CONSULT"}, {"01", "010", null}};

    private MergeCorpus() {
    }

    /** {@code articles} articles of one to four mentions each, from a seeded generator. */
    public static List<ArticleResult> articles(long seed, int articles) {
        Random r = new Random(seed);
        List<ArticleResult> out = new ArrayList<>();
        int mention = 0;
        LocalDate base = LocalDate.of(2017, 8, 25);
        for (int a = 0; a < articles; a++) {
            String id = "a" + a;
            String outlet = r.nextInt(4) == 0 ? null : "Outlet " + r.nextInt(5);
            String url = r.nextBoolean() ? "https://www.site" + r.nextInt(6) + ".example/" + a : null;
            LocalDate published = base.plusDays(r.nextInt(14));
            List<Event> events = new ArrayList<>();
            int n = 1 + r.nextInt(4);
            for (int k = 0; k < n; k++) events.add(event(r, "m" + (mention++), published));
            Article article = new Article(id, "Report " + a + " of the fighting.", published, null, url, outlet, "en", id, false);
            out.add(new ArticleResult(article, List.of(), events, List.of()));
        }
        return out;
    }

    private static Event event(Random r, String id, LocalDate published) {
        String[] family = FAMILIES[r.nextInt(FAMILIES.length)];
        String[] codes = family[1].split(" ");
        String code = codes[r.nextInt(codes.length)];
        LocalDate day = published.minusDays(r.nextInt(3));
        int p = r.nextInt(10);
        String precision = p < 7 ? "day" : p < 9 ? "month" : "year";
        String date = precision.equals("day") ? day.toString() : precision.equals("month") ? day.toString().substring(0, 7) : day.toString().substring(0, 4);
        Place place = null;
        if (r.nextInt(5) > 0) {
            Town t = TOWNS[r.nextInt(TOWNS.length)];
            String locPrecision = PRECISIONS[r.nextInt(PRECISIONS.length)];
            double jitter = "city".equals(locPrecision) || "point".equals(locPrecision) ? 0.05 : 0.8;
            double lon = t.lon + (r.nextDouble() - 0.5) * jitter;
            place = new Place(t.name, 0, t.name.length(), t.name, 1000L + r.nextInt(50), t.lat + (r.nextDouble() - 0.5) * jitter,
                    lon < -180 ? lon + 360 : lon > 180 ? lon - 360 : lon, t.country, null, "PPL", locPrecision);
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        if (r.nextInt(3) == 0) quantities.put("killed", 1 + r.nextInt(12));
        return new Event(id, date, precision, r.nextBoolean() ? "text" : "published", actor(r), actor(r),
                new Event.Cameo(code, code.substring(0, 3), family[0], 4, -10.0, "label " + code),
                new Event.Plover(family[2], "mode of " + code, List.of()), null, place, r.nextInt(8) == 0 ? "claimed" : "asserted", null, quantities,
                new Event.Evidence("Sentence of " + id + ".", 0, 10, new Event.Span("hit", 2, 5)), 0.5 + r.nextInt(40) / 100.0);
    }

    private static Actor actor(Random r) {
        String code = CODES[r.nextInt(CODES.length)];
        return code == null ? null : new Actor(code.toLowerCase(), 0, 3, code, code, code.substring(0, 3), null);
    }
}
