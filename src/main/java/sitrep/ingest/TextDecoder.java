package sitrep.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text for news files: a BOM wins; otherwise strict UTF-8; when that fails, ICU's charset detector where
 * it is confident ({@link #MIN_DETECTOR_CONFIDENCE}), else Windows-1252 (the superset of Latin-1 that old news
 * sites and archives use, also taken for any Western single-byte guess). A declared charset (an HTTP header's, an
 * HTML meta tag's) is followed when it is neither UTF-8 nor Western single-byte, for which the detection above
 * is the safer guess (servers often label UTF-8 pages ISO-8859-1). Binary data is refused.
 */
public final class TextDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);

    /**
     * ICU's confidence (0-100) from which its guess is taken over Windows-1252. Measured on one news sentence per
     * charset: Shift_JIS and GB18030 100, windows-1256 64, ISO-8859-7 52 (all right), but KOI8-R Russian 42 as
     * ISO-8859-8 (wrong) and windows-1251 35, ISO-8859-2 38 (right): below 50 a guess is as likely wrong.
     */
    static final int MIN_DETECTOR_CONFIDENCE = 50;

    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        return decode(bytes, null);
    }

    /** As {@link #decode(byte[])}, following {@code declared} (a charset name, may be null) as the class says. */
    public static String decode(byte[] bytes, String declared) {
        if (bytes.length == 0) throw new InputException("empty input");
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (looksBinary(bytes)) throw new InputException("binary data, not text (NUL or control bytes)");
        Charset charset = followed(declared);
        if (charset != null) return new String(bytes, charset);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, detected(bytes));
        }
    }

    /** ICU's confident guess for bytes that are not UTF-8, else Windows-1252 (also for any Western single-byte guess). */
    static Charset detected(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes);
        CharsetMatch match = detector.detect();
        if (match == null || match.getConfidence() < MIN_DETECTOR_CONFIDENCE) return WINDOWS_1252;
        String name = match.getName().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("windows-1252") || name.startsWith("utf-")) return WINDOWS_1252;
        try {
            return Charset.forName(match.getName());
        } catch (IllegalArgumentException unsupported) {
            return WINDOWS_1252;
        }
    }

    /** The declared charset when it is to be followed: known to Java, not UTF-8/16, not Western single-byte. */
    private static Charset followed(String declared) {
        if (declared == null) return null;
        String name = declared.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("utf-") || name.equals("utf8") || name.contains("ascii") || name.equals("iso-8859-1")
                || name.equals("latin1") || name.equals("iso_8859-1") || name.equals("windows-1252") || name.equals("cp1252")) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The charset parameter of a Content-Type value ("text/html; charset=koi8-r"), or null. */
    public static String charsetParameter(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The charset an HTML page declares in a meta tag within its first 1024 bytes, or null. */
    public static String metaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        Matcher meta = META.matcher(head);
        while (meta.find()) {
            String charset = charsetParameter(meta.group());
            if (charset != null) return charset;
        }
        return null;
    }

    /** NUL bytes, or more than 5 % control bytes other than tab, CR, LF and form feed, in the first 8 KiB. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192), control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) return true;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') control++;
        }
        return control * 20 > n;
    }
}
