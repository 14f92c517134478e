package sitrep.eval;

import picocli.CommandLine.Option;
import sitrep.coding.CoderSettings;
import sitrep.coding.CodingRule;

import java.util.ArrayList;
import java.util.List;

/** The built-in coder's options that extract, ingest and eval coding share (a picocli mixin). */
public final class CodingOptions {
    @Option(names = "--min-confidence", paramLabel = "X",
            description = "Emit only events whose calibrated confidence is at least X, 0 to 1 (default "
                    + CoderSettings.DEFAULT_MIN_CONFIDENCE + ", chosen on the development articles).")
    Double minConfidence;
    @Option(names = "--statements",
            description = "Also emit bare speech acts (\"X said\") as CAMEO 010 statements, as GDELT-style coders do.")
    boolean statements;
    @Option(names = "--disable-rule", paramLabel = "NAME",
            description = "Switch a named coding rule off (repeatable); `sitrep eval coding --format articles DIR --rule-report` lists them.")
    List<String> disabled = new ArrayList<>();

    /** The settings these options ask for; an IllegalArgumentException names a bad rule or threshold. */
    public CoderSettings settings() {
        List<CodingRule> off = new ArrayList<>();
        for (String name : disabled) off.add(CodingRule.named(name));
        if (statements) off.add(CodingRule.BARE_STATEMENTS);
        CoderSettings s = CoderSettings.defaults().without(off);
        return minConfidence == null ? s : s.withMinConfidence(minConfidence);
    }
}
