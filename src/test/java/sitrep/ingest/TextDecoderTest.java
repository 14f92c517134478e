package sitrep.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {
    @Test
    void decodesUtf8() {
        assertEquals("Deïr ez-Zor — “quoted”", TextDecoder.decode("Deïr ez-Zor — “quoted”".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fallsBackToWindows1252ForLatinBytes() {
        byte[] cp1252 = "Café in Aleppo – “curly” quotes".getBytes(Charset.forName("windows-1252"));
        assertEquals("Café in Aleppo – “curly” quotes", TextDecoder.decode(cp1252));
    }

    @Test
    void honoursUtf16Bom() {
        byte[] bytes = "\uFEFFHoms".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("Homs", TextDecoder.decode(bytes));
    }

    @Test
    void refusesBinaryAndEmpty() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        InputException e = assertThrows(InputException.class, () -> TextDecoder.decode(binary));
        assertTrue(e.getMessage().contains("binary"));
        assertThrows(InputException.class, () -> TextDecoder.decode(new byte[0]));
    }
}
