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

    @Test
    void detectsOtherCharsetsWhereIcuIsConfident() {
        String arabic = "قالت وزارة الدفاع الروسية إن طائراتها قصفت مواقع تنظيم الدولة قرب دير الزور يوم الجمعة.";
        assertEquals(arabic, TextDecoder.decode(arabic.getBytes(java.nio.charset.Charset.forName("windows-1256"))));
        String greek = "Οι ρωσικές δυνάμεις επιτέθηκαν σε θέσεις των ανταρτών κοντά στη Ντέιρ εζ-Ζορ, ανακοίνωσε το υπουργείο Άμυνας.";
        assertEquals(greek, TextDecoder.decode(greek.getBytes(java.nio.charset.Charset.forName("ISO-8859-7"))));
        String chinese = "俄罗斯国防部周五表示，其战机轰炸了代尔祖尔附近的武装分子阵地。";
        assertEquals(chinese, TextDecoder.decode(chinese.getBytes(java.nio.charset.Charset.forName("GB18030"))));
        String french = "Le ministère de la Défense a déclaré vendredi que des frappes aériennes avaient touché Deir ez-Zor.";
        assertEquals(french, TextDecoder.decode(french.getBytes(java.nio.charset.Charset.forName("windows-1252"))), "Western: Windows-1252");
    }
}
