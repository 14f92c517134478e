package sitrep.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sitrep.coding.CoderSettings;
import sitrep.eval.CodingOptions;
import sitrep.ingest.InputFormat;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract coded, geocoded events from articles as a Spark job; writes Parquet under DIR:",
                "articles/ (one row per article, extract's fields, partitioned by published_month) and errors/.",
                "INPUT: a file or folder (recursed), local or any Hadoop file-system URL (hdfs://, s3a://)."})
final class SparkExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "A file or a folder (recursed): a path or a Hadoop URL.")
    List<String> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder (a path or a Hadoop URL); must not exist.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], local[*], spark://host:port, yarn, k8s://... (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Coding tasks the articles are spread over (default: four per core, at least one per file).")
    int partitions;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date for inputs that carry none.")
    String published;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, text, html, jsonl, csv, rss, warc (default: ${DEFAULT-VALUE}).")
    String inputFormat;

    @Mixin
    CodingOptions coding;

    @Override
    public Integer call() {
        InputFormat format;
        LocalDate date = null;
        CoderSettings coder;
        try {
            format = InputFormat.parse(inputFormat);
            if (published != null) date = LocalDate.parse(published);
            coder = coding.settings();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new SparkMain.UsageException(e instanceof DateTimeParseException ? "--published must be YYYY-MM-DD, got '" + published + "'" : e.getMessage());
        }
        if (partitions < 0) throw new SparkMain.UsageException("--partitions must be positive");
        ExtractJob.Settings settings = new ExtractJob.Settings(master, partitions, output, inputs, format, date, coder);
        SparkSession spark = ExtractJob.session(settings);
        try {
            ExtractJob.Summary s = ExtractJob.run(spark, settings);
            System.err.printf("sitrep: spark extract: %d articles (%d with errors), %d unreadable items, %d event mentions from %d files "
                            + "in %d partitions on %s: %.1fs, %.2f articles/s%s; output in %s%n",
                    s.articles(), s.withErrors() - s.unreadable(), s.unreadable(), s.eventMentions(), s.files(), s.partitions(),
                    spark.sparkContext().master(), s.seconds(), s.articles() / Math.max(s.seconds(), 1e-9),
                    s.modelLoadSeconds() >= 0 ? String.format(" (models loaded beforehand in %.1fs)", s.modelLoadSeconds()) : "",
                    output);
            if (s.localStageTimes() != null) {
                System.err.printf("sitrep: thread time per stage: NLP %.1fs, geo %.1fs, coding %.1fs%n",
                        s.localStageTimes().nlp(), s.localStageTimes().geo(), s.localStageTimes().coding());
            }
        } finally {
            spark.stop();
        }
        return 0;
    }
}
