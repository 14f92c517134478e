package sitrep.spark;

import java.io.Serializable;

/**
 * One input file of the job: {@code uri} to open it with Hadoop's file systems, {@code name} as errors and
 * origins show it (the local path for a local file, as extract shows it; else the URI); {@code index} its place in
 * the order extract and ingest read the inputs (the articles' arrival order, which merging follows).
 */
record InputFile(String uri, String name, long bytes, int index) implements Serializable {
}
