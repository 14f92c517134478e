package sitrep.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a byte stream (LF-terminated, a CR before the LF dropped), each decoded as UTF-8, and none held
 * in memory past {@code maxBytes}: a longer line is read to its end without being kept and comes back as
 * {@link Line#tooLong()}, so one line of any size costs no more memory than the limit and the next line is read
 * as usual. (BufferedReader.readLine would build the whole line first.) The count of double quotes is kept for
 * every line, kept or not, so that CSV records can be told apart without holding their text.
 */
final class LineReader {
    /**
     * One line: its number (from 1), its text (null when it was longer than the limit), its length in bytes
     * without the line end, and how many double-quote characters it holds.
     */
    record Line(int number, String text, long bytes, long quotes) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos, end;
    private int number;
    private boolean eof;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (eof && pos >= end) return null;
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long bytes = 0, quotes = 0;
        boolean kept = true, any = false;
        while (true) {
            if (pos >= end) {
                end = in.read(buf);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    eof = true;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buf[pos] != '\n') {
                if (buf[pos] == '"') quotes++;
                pos++;
            }
            int n = pos - start;
            bytes += n;
            if (kept && bytes > maxBytes) {
                kept = false;
                line = null;
            }
            if (kept) line.write(buf, start, n);
            if (pos < end) { // at the line feed
                pos++;
                break;
            }
        }
        number++;
        if (!kept) return new Line(number, null, bytes, quotes);
        byte[] b = line.toByteArray();
        int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
        return new Line(number, new String(b, 0, n, StandardCharsets.UTF_8), n, quotes);
    }
}
