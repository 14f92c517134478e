package sitrep.coding;

import sitrep.data.DataFiles;
import sitrep.data.Lazy;
import sitrep.model.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CAMEO event codebook with each code's quad class, Goldstein value, PLOVER type/mode/context,
 * ACLED type and whether the act is mutual (cameo.tsv).
 */
public final class Codebook {
    /**
     * @param mutual an act two actors do together ("X and Y clashed", "talks between X and Y"): the text may name
     *               its source and target in either order, so their order is not a direction (cameo.tsv, column 10)
     */
    public record Entry(String code, String label, int quadClass, double goldstein, String ploverType,
                        String ploverMode, List<String> ploverContext, String acledType, String acledSubType, boolean mutual) {
    }

    private static final Lazy<Codebook> SHARED = new Lazy<>(Codebook::new);
    private final Map<String, Entry> entries = new HashMap<>();

    private Codebook() {
        for (String[] f : DataFiles.rows("/sitrep/coding/cameo.tsv")) {
            if (f.length < 9) continue;
            List<String> context = new ArrayList<>();
            for (String c : f[6].split(",")) if (!c.isBlank()) context.add(c.strip());
            String mode = f[5].isBlank() ? null : f[5].contains(":") ? f[5].substring(f[5].indexOf(':') + 1) : f[5];
            entries.put(f[0], new Entry(f[0], f[1], Integer.parseInt(f[2]), Double.parseDouble(f[3]), f[4], mode,
                    List.copyOf(context), f[7].isBlank() ? null : f[7], f[8].isBlank() ? null : f[8], roles(f)));
        }
    }

    /** Column 10: "mutual", or empty or absent for a directed act; anything else is a broken data file. */
    private static boolean roles(String[] f) {
        if (f.length < 10 || f[9].isBlank()) return false;
        if (!f[9].equals("mutual")) throw new IllegalStateException("cameo.tsv: code " + f[0] + " has roles '" + f[9] + "', expected 'mutual' or empty");
        return true;
    }

    public static Codebook shared() {
        return SHARED.get();
    }

    public Entry get(String code) {
        return entries.get(code);
    }

    /**
     * Whether {@code code} is a mutual act ({@link Entry#mutual}): the coder may take its target from "with" or a
     * second conjunct, and merging may match two such mentions with source and target swapped. False for an
     * unknown code or null.
     */
    public boolean mutual(String code) {
        Entry e = code == null ? null : entries.get(code);
        return e != null && e.mutual();
    }

    public boolean contains(String code) {
        return entries.containsKey(code);
    }

    /** The extract format's cameo object; base is the 3-digit code, root the 2-digit one. */
    public Event.Cameo cameo(String code) {
        Entry e = entries.get(code);
        if (e == null) throw new IllegalArgumentException("unknown CAMEO code " + code);
        return new Event.Cameo(code, code.length() > 3 ? code.substring(0, 3) : code, code.substring(0, 2),
                e.quadClass(), e.goldstein(), e.label());
    }
}
