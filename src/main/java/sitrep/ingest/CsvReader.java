package sitrep.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV through Apache Commons CSV: quoted fields may hold commas, doubled quotes and line breaks. Read
 * leniently, as files from spreadsheets and scrapers come: text after a closing quote stays in its field, and a file
 * that ends inside a quoted field keeps that field.
 */
public final class CsvReader {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrailingData(true).setLenientEof(true).get();

    private CsvReader() {
    }

    /** Every record, each a list of its fields; a malformed file is an IOException naming where it broke. */
    public static List<List<String>> read(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(in)) {
            for (CSVRecord r : parser) rows.add(r.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }
}
