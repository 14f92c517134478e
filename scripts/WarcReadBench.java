import sitrep.ingest.ArticleReader;
import sitrep.ingest.InputFormat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times the ingest stage alone on one input (a WARC archive, say): items and MB per second, and the peak heap
 * in use. Run by scripts/warc-read-bench.sh.
 */
public class WarcReadBench {
    public static void main(String[] args) throws Exception {
        long bytes = Files.size(Path.of(args[0]));
        long[] n = new long[3]; // articles, failed items, characters of text
        long t0 = System.nanoTime();
        new ArticleReader(InputFormat.AUTO, null, note -> System.out.println("note: " + note)).read(args[0], System.in, item -> {
            if (item.usable()) n[0]++;
            else n[1]++;
            n[2] += item.article().text().length();
        });
        double s = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.printf("%.1f MB in %.2f s: %.1f MB/s, %d articles (%.0f/s), %d failed items, %d chars of text; peak heap used %.0f MB%n",
                bytes / 1048576.0, s, bytes / 1048576.0 / s, n[0], n[0] / s, n[1], n[2], peak / 1048576.0);
    }
}
