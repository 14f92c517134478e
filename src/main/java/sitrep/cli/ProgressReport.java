package sitrep.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;

/**
 * How far extract and ingest are: on a terminal a bar (the progressbar library) with the count, the total when the
 * inputs tell it, the rate and the time left; off a terminal (a log, CI) a line every {@code every} articles;
 * with {@code --quiet} nothing. Messages go to standard error, so extract's standard output stays JSON Lines.
 */
final class ProgressReport implements AutoCloseable {
    private final PrintStream err = System.err;
    private final boolean quiet;
    private final ProgressBar bar;
    private final Long total;
    private final int every;
    private final long t0 = System.nanoTime();
    private long done, lastLine;

    /**
     * @param total articles expected, or null when the inputs do not tell (standard input, CSV, WARC, feeds)
     * @param every off a terminal, a line per this many articles
     */
    ProgressReport(Long total, int every, boolean quiet, boolean terminal) {
        this.quiet = quiet;
        this.total = total;
        this.every = Math.max(1, every);
        this.bar = quiet || !terminal ? null : new ProgressBarBuilder().setTaskName("articles").setInitialMax(total == null ? -1 : total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500)
                .showSpeed(new java.text.DecimalFormat("0.00")).setUnit(" art", 1).build();
    }

    /** Whether standard error is a terminal: System.console() says so for the process's standard streams. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    /** A line saying what takes the first minute: CoreNLP's models, the gazetteer and the dictionaries. */
    static void loadingModels(boolean quiet) {
        if (!quiet) System.err.println("sitrep: loading models (CoreNLP, gazetteer, dictionaries; about a minute on first use in a run)...");
    }

    static void modelsLoaded(boolean quiet, long since) {
        if (!quiet) System.err.printf("sitrep: models loaded in %.1fs%n", (System.nanoTime() - since) / 1e9);
    }

    /** One more article done (processed, or skipped as stored already). */
    synchronized void step() {
        done++;
        if (bar != null) {
            if (total != null && done > bar.getMax()) bar.maxHint(done);
            bar.stepTo(done);
        } else if (!quiet && done - lastLine >= every) {
            lastLine = done;
            err.println("sitrep: " + line());
        }
    }

    /** "300/1,200 articles (25%), 2.41 articles/s, about 6 min left", or without a total "300 articles, 2.41 articles/s". */
    String line() {
        double secs = (System.nanoTime() - t0) / 1e9, rate = done / Math.max(secs, 1e-9);
        StringBuilder b = new StringBuilder();
        if (total != null && total >= done) {
            b.append(String.format("%,d/%,d articles (%d%%)", done, total, total == 0 ? 100 : Math.round(100.0 * done / total)));
        } else {
            b.append(String.format("%,d articles", done));
        }
        b.append(String.format(", %.2f articles/s", rate));
        if (total != null && total > done && rate > 0) b.append(", about ").append(human(Duration.ofSeconds(Math.round((total - done) / rate)))).append(" left");
        return b.toString();
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        if (s < 90) return s + " s";
        if (s < 90 * 60) return Math.round(s / 60.0) + " min";
        return String.format("%.1f h", s / 3600.0);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
