package sitrep.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge the mentions of a `spark extract` output into events, as a sequential ingest of the same",
                "articles merges them; writes Parquet under DIR: events/ (events with their mentions), and the",
                "articles/ and errors/ kept (duplicates dropped), so `sitrep ingest --store S DIR` loads it."})
final class SparkMergeCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "INPUT", description = "A `spark extract --output` folder (a path or a Hadoop URL).")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder (a path or a Hadoop URL); must not exist.")
    String output;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], local[*], spark://host:port, yarn, k8s://... (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "Tasks the families and the blocks are spread over (default: the cluster's cores).")
    int partitions;

    @Override
    public Integer call() {
        if (partitions < 0) throw new SparkMain.UsageException("--partitions must be positive");
        SparkSession spark = ExtractJob.session("sitrep merge", master);
        try {
            MergeJob.Summary s = MergeJob.run(spark, new MergeJob.Settings(master, partitions, input, output));
            System.err.printf("sitrep: spark merge: %d articles (%d duplicates skipped), %d event mentions into %d events "
                            + "(%d blocks) on %s in %.1fs; output in %s%n",
                    s.articles(), s.skipped(), s.mentions(), s.events(), s.blocks(), spark.sparkContext().master(), s.seconds(), output);
        } finally {
            spark.stop();
        }
        return 0;
    }
}
