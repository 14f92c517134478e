package sitrep.report;

import sitrep.store.Aggregates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A situation report's content, computed from the store by {@link ReportBuilder} and written as HTML, PDF or
 * Markdown by {@link ReportWriter}. Everything a section says is here already, worded and numbered: the writers
 * only lay it out. Text from articles (evidence sentences, titles, names) is untrusted and escaped by the writers.
 *
 * @param previousFrom the first day of the period of the same length just before this one, compared against
 * @param articles     how many distinct articles the period's events rest on
 * @param outlets      how many distinct outlets published them
 */
public record SituationReport(String title, String scope, LocalDate from, LocalDate to, LocalDate previousFrom,
                              LocalDate previousTo, Instant generated, int articles, int outlets, Double minConfidence,
                              Figures figures, List<Highlight> highlights, MapData map, Series series, List<Area> areas,
                              List<ControlChange> control, List<ZoneAlert> alerts, List<ActorRow> actors, List<PairRow> pairs,
                              List<Reference> references) {
    public SituationReport {
        highlights = List.copyOf(highlights);
        areas = List.copyOf(areas);
        control = List.copyOf(control);
        alerts = List.copyOf(alerts);
        actors = List.copyOf(actors);
        pairs = List.copyOf(pairs);
        references = List.copyOf(references);
    }

    /** A count in this period and in the previous one. */
    public record Count(String label, int now, int before) {
    }

    /** The key figures: events and reported fatalities, by PLOVER type and ACLED event type, against the previous period. */
    public record Figures(Count events, Count fatalities, List<Count> plover, List<Count> acled) {
        public Figures {
            plover = List.copyOf(plover);
            acled = List.copyOf(acled);
        }
    }

    /** One of the most reported events: a sentence worded from its coding, and the references it rests on. */
    public record Highlight(String eventId, String sentence, int sources, int mentions, List<Integer> citations) {
        public Highlight {
            citations = List.copyOf(citations);
        }
    }

    /** Events at one place on the map, coloured by their most frequent PLOVER type; {@code label} null when unlabelled. */
    public record Point(double lon, double lat, String type, int events, String label) {
    }

    /**
     * The map's view (minLon, minLat, maxLon, maxLat), its event points, the period's control changes, the types
     * its legend shows, and how many events are not drawn (located only to a country or region, or not at all).
     */
    public record MapData(double[] bbox, List<Point> points, List<ControlChange> control, List<String> types, int notDrawn) {
        public MapData {
            bbox = bbox.clone();
            points = List.copyOf(points);
            control = List.copyOf(control);
            types = List.copyOf(types);
        }
    }

    /**
     * Events per period by PLOVER type, and reported fatalities per period, for the charts.
     *
     * @param periods the first day of each period, oldest first, every period of the report's span present
     * @param counts  per type (in {@code types} order), one count per period
     */
    public record Series(Aggregates.Interval interval, List<LocalDate> periods, List<String> types, List<int[]> counts,
                         int[] fatalities) {
        public Series {
            periods = List.copyOf(periods);
            types = List.copyOf(types);
            counts = counts.stream().map(int[]::clone).toList();
            fatalities = fatalities.clone();
        }
    }

    /**
     * A first-level division: its events against the previous period, the types that rose and fell most, its
     * reported fatalities, and whether they are the most the store holds for it in any period of this length over
     * the year before (the rule OCHA's HDX Signals applies to ACLED data).
     */
    public record Area(String name, String country, Count events, List<Count> rose, List<Count> fell, int fatalities,
                       boolean fatalitiesYearHigh) {
        public Area {
            rose = List.copyOf(rose);
            fell = List.copyOf(fell);
        }
    }

    /** The latest claim within the period about who holds a place, as the control ledger reads it. */
    public record ControlChange(String place, double lon, double lat, String sentence, String date, int claims,
                                List<Integer> citations) {
        public ControlChange {
            citations = List.copyOf(citations);
        }
    }

    /** An event of the period inside a zone users watch, first seen after the zone was drawn. */
    public record ZoneAlert(String zone, String sentence, String seen, List<Integer> citations) {
        public ZoneAlert {
            citations = List.copyOf(citations);
        }
    }

    public record ActorRow(String name, String code, int events, int asSource, int asTarget) {
    }

    public record PairRow(String source, String target, int events) {
    }

    /** A cited article, numbered in order of first citation, with the evidence sentences the report used from it. */
    public record Reference(int number, String articleId, String outlet, String title, LocalDate published, String url,
                            List<String> evidence) {
        public Reference {
            evidence = List.copyOf(evidence);
        }
    }
}
