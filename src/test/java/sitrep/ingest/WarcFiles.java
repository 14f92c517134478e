package sitrep.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Builds small WARC archives for tests, record by record, plain or as one gzip member per record. */
public final class WarcFiles {
    private final List<byte[]> records = new ArrayList<>();
    private int next = 1;

    /** A record with the given type, target URI (may be null), Content-Type and block. */
    public WarcFiles record(String type, String uri, String contentType, byte[] block) {
        return raw(utf8(header(type, uri, contentType, block.length)), block, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** An HTTP response record: status line, headers (each "Name: value"), blank line, body. */
    public WarcFiles response(String uri, String status, List<String> headers, byte[] body) {
        StringBuilder http = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        for (String h : headers) http.append(h).append("\r\n");
        http.append("\r\n");
        return record("response", uri, "application/http; msgtype=response", concat(utf8(http.toString()), body));
    }

    /** Bytes as they are, for broken records and garbage between records. */
    public WarcFiles raw(byte[]... parts) {
        records.add(concat(parts));
        return this;
    }

    public String header(String type, String uri, String contentType, long length) {
        return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", next++)
                + ">\r\nWARC-Date: 2024-03-05T10:15:00Z\r\n" + (uri == null ? "" : "WARC-Target-URI: " + uri + "\r\n")
                + "Content-Type: " + contentType + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    public byte[] plain() {
        return concat(records.toArray(byte[][]::new));
    }

    /** Each record its own gzip member, as in .warc.gz files. */
    public byte[] gzip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) out.writeBytes(gzip(r));
        return out.toByteArray();
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
