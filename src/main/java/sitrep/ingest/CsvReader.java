package sitrep.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * RFC 4180 CSV, streamed row by row, with each row's fault its own: quoted cells may hold commas, doubled
 * quotes and line breaks (Apache Commons CSV parses each row); a row over the per-item byte limit or one
 * Commons CSV refuses becomes an error for that row, and reading goes on.
 *
 * <p>Rows are cut from the lines here, by counting quotes (a row is complete when its quotes are balanced), and
 * only then handed to the parser, one at a time: a parser over the whole stream would hold a runaway cell in
 * memory and, after an error, could not go on. A quote left open (an unbalanced quote) would otherwise swallow
 * the rows after it: a row whose quote is not closed by the end of the input, or whose lines do not parse as
 * one row, is reported as malformed at its first line, and reading starts again on the line after it.
 */
public final class CsvReader {
    /** One row: its cells, or (when {@code error} is set) why it was refused. {@code row} counts rows from 0 (the header). */
    record Row(int row, int line, List<String> cells, String error) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final LineReader lines;
    private final int maxBytes;
    /** Lines read ahead and given back: those after the first line of a row found malformed. */
    private final Deque<LineReader.Line> pending = new ArrayDeque<>();
    private int rows;

    CsvReader(InputStream in, int maxBytes) {
        this.lines = new LineReader(in, maxBytes);
        this.maxBytes = maxBytes;
    }

    private LineReader.Line nextLine() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.poll();
    }

    /**
     * A whole CSV file's rows, header first, for the evaluation corpora and bench (files we know, read whole);
     * articles from users go through the streaming reader instead.
     */
    public static List<List<String>> readAll(java.io.Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, FORMAT)) {
            for (CSVRecord r : parser) rows.add(r.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    /** The next row, or null at the end of the input. */
    Row next() throws IOException {
        LineReader.Line first = nextLine();
        if (first == null) return null;
        int row = rows++;
        List<LineReader.Line> parts = new ArrayList<>();
        parts.add(first);
        long quotes = first.quotes(), bytes = first.bytes();
        boolean tooLong = first.tooLong();
        while (quotes % 2 == 1 && !tooLong) {
            LineReader.Line more = nextLine();
            if (more == null) break;
            parts.add(more);
            quotes += more.quotes();
            bytes += more.bytes() + 1;
            tooLong = more.tooLong() || bytes > maxBytes;
        }
        if (tooLong) {
            // The row's own quotes tell where it ends: lines are skipped, unkept, until they balance. A quote
            // never closed makes the rest of the input one row; that is reported, and ends the reading.
            int lastLine = parts.get(parts.size() - 1).number();
            parts = null;
            while (quotes % 2 == 1) {
                LineReader.Line more = nextLine();
                if (more == null) {
                    throw new ReadingStopped("a quote opened on line " + first.number() + " is never closed, so the row it opens runs to "
                            + "the end of the input (line " + lastLine + ") and is over the limit of " + maxBytes
                            + " bytes per item (--max-item-bytes): rows from line " + first.number() + " on were not read");
                }
                quotes += more.quotes();
                lastLine = more.number();
            }
            return new Row(row, first.number(), null, "row over the limit of " + maxBytes + " bytes per item (--max-item-bytes), "
                    + "lines " + first.number() + " to " + lastLine);
        }
        if (quotes % 2 == 1) {
            giveBack(parts);
            return new Row(row, first.number(), null, "malformed CSV row: a quote opened on line " + first.number()
                    + " is never closed (unbalanced quote)");
        }
        StringBuilder text = new StringBuilder();
        for (LineReader.Line l : parts) {
            if (text.length() > 0) text.append('\n');
            text.append(l.text());
        }
        try (CSVParser parser = CSVParser.parse(text.toString(), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) throw new IOException("not one row");
            return new Row(row, first.number(), records.get(0).toList(), null);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            giveBack(parts);
            return new Row(row, first.number(), null, "malformed CSV row at line " + first.number() + ": "
                    + (parts.size() > 1 ? "its quotes pair up across lines as no row can (an unbalanced quote?): " : "") + message(e));
        }
    }

    /** Gives back the lines after a refused row's first, to be read again as rows of their own. */
    private void giveBack(List<LineReader.Line> parts) {
        for (int i = parts.size() - 1; i >= 1; i--) pending.push(parts.get(i));
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
