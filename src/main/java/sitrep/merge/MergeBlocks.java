package sitrep.merge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits the mentions of one event family (CAMEO root, modality, PLOVER type: {@link Merger} never joins across
 * families) into blocks that can be merged independently, each by its own {@link SequentialMerge} in arrival
 * order, with the same events as one sequential merge of them all.
 *
 * <p>Why fixed windows would not do: an event's key changes as mentions join it (a finer date or place wins), so
 * "same week, same country" can split what the sequential merge joins (a strike reported on the 31st and on the 1st;
 * Aleppo and Gaziantep 100 km apart across a border; a mention with no place that joins by its actors). Blocks are
 * instead the connected components of a graph over the mentions whose edges are necessary conditions of a join,
 * so every event's mentions fall into one block. The argument: {@link EventFold} takes an event's date, its place,
 * its source and its target each whole from one of its mentions. A mention joins an event only when (1) its dates
 * overlap the event's, a day either way, so it is within a day of the mention the event's date came from; (2) when
 * both are located, it is within 500 km of the mention the event's place came from (the rule's widest distance
 * short of "same country"), or in the same country with one of the two at country precision; (3) when either has no
 * place, both actors agree (directly or swapped), so its source or target code is compatible (one a prefix of the
 * other) with the source or target of a mention of the event, and the mention without a place names both actors.
 * So each mention after an event's first is linked to an earlier mention of the event: by (1) to one, and within
 * the day-window component of (1) by (2) or (3) to one. Blocks are therefore the components of the (2)-or-(3)
 * graph inside each component of the day-window graph (1). A mention with no date never joins nor is joined.
 * The conditions are looser than the rule (the 500 km reach whatever the precision, any code compatibility, swapped
 * sides whatever the CAMEO codes: the rule swaps only two mutual acts, and the event's code, taken whole from one
 * mention by the fold, only narrows what may join), so a block may hold more than one event's mentions, never less.
 */
public final class MergeBlocks {
    /** Merger's widest distance short of "same country" (region precision). */
    static final double REACH_KM = 500;
    private static final double EARTH_KM = 6371.0;
    /** Grid cell side in degrees: two points in one cell are under 400 km apart, so a cell is one component. */
    private static final double CELL_DEG = 2.5;
    /** Rows of cells a 500 km reach can span north or south (500 km is 4.5 degrees of latitude). */
    private static final int REACH_ROWS = 2;

    private MergeBlocks() {
    }

    /** The block of each mention (keys of one family, in any order): numbers from 0, in order of first appearance. */
    public static int[] of(List<EventKey> keys) {
        int n = keys.size();
        UnionFind blocks = new UnionFind(n);
        for (List<Integer> window : dayWindows(keys)) {
            linkPlaces(keys, window, blocks);
            linkActors(keys, window, blocks);
        }
        int[] out = new int[n];
        Map<Integer, Integer> numbers = new HashMap<>();
        for (int i = 0; i < n; i++) out[i] = numbers.computeIfAbsent(blocks.root(i), r -> numbers.size());
        return out;
    }

    /** Components of "dates within a day of each other" among the dated mentions (a sweep in start order). */
    static List<List<Integer>> dayWindows(List<EventKey> keys) {
        List<Integer> dated = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) if (keys.get(i).dateStart() != null && keys.get(i).dateEnd() != null) dated.add(i);
        dated.sort(Comparator.comparing((Integer i) -> keys.get(i).dateStart()));
        List<List<Integer>> windows = new ArrayList<>();
        List<Integer> current = null;
        LocalDate lastEnd = null;
        for (int i : dated) {
            EventKey k = keys.get(i);
            if (current == null || k.dateStart().minusDays(1).isAfter(lastEnd)) {
                current = new ArrayList<>();
                windows.add(current);
                lastEnd = k.dateEnd();
            } else if (k.dateEnd().isAfter(lastEnd)) {
                lastEnd = k.dateEnd();
            }
            current.add(i);
        }
        return windows;
    }

    /** Condition (2) among the located mentions of a window: the same country with one at country precision, or 500 km. */
    private static void linkPlaces(List<EventKey> keys, List<Integer> window, UnionFind blocks) {
        Set<String> countryWide = new HashSet<>();
        Map<String, Integer> firstInCountry = new HashMap<>();
        Map<Long, Cell> cells = new HashMap<>();
        for (int i : window) {
            EventKey k = keys.get(i);
            if (k.lat() == null) continue;
            if (k.country() != null) {
                firstInCountry.putIfAbsent(k.country(), i);
                if (k.precision() == null || "country".equals(k.precision())) countryWide.add(k.country());
            }
            int row = (int) Math.floor((k.lat() + 90) / CELL_DEG), col = (int) Math.floor((k.lon() + 180) / CELL_DEG);
            cells.computeIfAbsent(((long) row << 32) | (col & 0xffffffffL), c -> new Cell(row, cells.size())).add(i, k);
        }
        for (int i : window) {
            EventKey k = keys.get(i);
            if (k.lat() != null && k.country() != null && countryWide.contains(k.country())) blocks.union(i, firstInCountry.get(k.country()));
        }
        TreeMap<Integer, List<Cell>> rows = new TreeMap<>();
        for (Cell c : cells.values()) {
            for (int m : c.members) blocks.union(c.members.get(0), m);
            rows.computeIfAbsent(c.row, r -> new ArrayList<>()).add(c);
        }
        double reach = hav(REACH_KM * (1 + 1e-9) / EARTH_KM);
        for (Cell a : cells.values()) {
            for (List<Cell> row : rows.subMap(a.row, true, a.row + REACH_ROWS, true).values()) {
                for (Cell b : row) {
                    if (b.row == a.row && b.number <= a.number) continue; // each pair in one row once
                    if (blocks.root(a.members.get(0)) == blocks.root(b.members.get(0)) || a.fartherThan(b, reach)) continue;
                    linkClosest(keys, a, b, blocks);
                }
            }
        }
    }

    /** Links two cells when any two of their mentions are within reach. */
    private static void linkClosest(List<EventKey> keys, Cell a, Cell b, UnionFind blocks) {
        for (int i : a.members) {
            EventKey x = keys.get(i);
            for (int j : b.members) {
                EventKey y = keys.get(j);
                if (sitrep.geo.Geo.distanceKm(x.lat(), x.lon(), y.lat(), y.lon()) <= REACH_KM * (1 + 1e-9)) {
                    blocks.union(i, j);
                    return;
                }
            }
        }
    }

    /**
     * Condition (3): each mention with no place that names both actors is linked to every mention of the window with
     * a source or target code compatible with one of its codes. Mentions that share a code and are linked once need
     * not be linked again, so each code's mentions are joined at most once.
     */
    private static void linkActors(List<EventKey> keys, List<Integer> window, UnionFind blocks) {
        TreeMap<String, List<Integer>> byCode = new TreeMap<>();
        boolean any = false;
        for (int i : window) {
            EventKey k = keys.get(i);
            for (String code : new String[]{k.sourceCode(), k.targetCode()}) {
                if (code != null) byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(i);
            }
            any |= k.lat() == null && k.sourceCode() != null && k.targetCode() != null;
        }
        if (!any) return;
        Set<String> joined = new HashSet<>();
        for (int i : window) {
            EventKey k = keys.get(i);
            if (k.lat() != null || k.sourceCode() == null || k.targetCode() == null) continue;
            for (String code : new String[]{k.sourceCode(), k.targetCode()}) {
                List<String> compatible = new ArrayList<>();
                for (int len = 0; len <= code.length(); len++) if (byCode.containsKey(code.substring(0, len))) compatible.add(code.substring(0, len));
                compatible.addAll(byCode.subMap(code, false, code + Character.MAX_VALUE, false).keySet());
                for (String c : compatible) {
                    List<Integer> members = byCode.get(c);
                    if (joined.add(c)) for (int m : members) blocks.union(i, m);
                    else blocks.union(i, members.get(0));
                }
            }
        }
    }

    private static double hav(double angle) {
        double s = Math.sin(angle / 2);
        return s * s;
    }

    /** The located mentions in one grid cell, with the extent of their coordinates. */
    private static final class Cell {
        final int row, number;
        final List<Integer> members = new ArrayList<>();
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, maxAbsLat, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;

        Cell(int row, int number) {
            this.row = row;
            this.number = number;
        }

        void add(int i, EventKey k) {
            members.add(i);
            minLon = Math.min(minLon, k.lon());
            maxLon = Math.max(maxLon, k.lon());
            minLat = Math.min(minLat, k.lat());
            maxLat = Math.max(maxLat, k.lat());
            maxAbsLat = Math.max(maxAbsLat, Math.abs(k.lat()));
        }

        /**
         * Whether every mention here is beyond reach of every mention there, from the haversine bound
         * hav(d) >= hav(dLat) + cos^2(maxLat) hav(dLon), with the smallest gaps between the two extents.
         */
        boolean fartherThan(Cell o, double reachHav) {
            double dLat = Math.max(0, Math.max(o.minLat - maxLat, minLat - o.maxLat));
            double dLon = Math.max(0, Math.max(o.minLon - maxLon, minLon - o.maxLon));
            dLon = Math.min(dLon, Math.max(0, 360 - Math.max(maxLon, o.maxLon) + Math.min(minLon, o.minLon)));
            double cos = Math.cos(Math.toRadians(Math.min(90, Math.max(maxAbsLat, o.maxAbsLat))));
            return hav(Math.toRadians(dLat)) + cos * cos * hav(Math.toRadians(dLon)) > reachHav;
        }
    }

    /** Union-find with path halving. */
    private static final class UnionFind {
        private final int[] parent;

        UnionFind(int n) {
            parent = new int[n];
            for (int i = 0; i < n; i++) parent[i] = i;
        }

        int root(int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        void union(int a, int b) {
            int x = root(a), y = root(b);
            if (x != y) parent[Math.max(x, y)] = Math.min(x, y);
        }
    }
}
