package sitrep.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import sitrep.nlp.AnnotatedText;
import sitrep.nlp.NlpAnnotator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * CoreNLP's annotations of evaluation texts kept on disk, so that repeated geoparser evaluations pay for
 * the NLP stage once (it is over 95 % of the time). Keyed by a hash of the text, the date and the NER model
 * list; the cache knows nothing of code changes in the NLP stage, so delete the folder after such changes.
 */
final class AnnotationCache {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path folder;

    AnnotationCache(Path folder) {
        this.folder = folder;
    }

    /** The cached annotation of {@code text}, or a fresh one (then stored). */
    AnnotatedText annotate(NlpAnnotator nlp, String text, LocalDate published) {
        return annotate(nlp, text, published, sitrep.nlp.AnnotationPlan.FULL);
    }

    /** As {@link #annotate(NlpAnnotator, String, LocalDate)}, annotated with {@code plan} (part of the key). */
    AnnotatedText annotate(NlpAnnotator nlp, String text, LocalDate published, sitrep.nlp.AnnotationPlan plan) {
        Path file = folder.resolve(key(text, published, plan.name()) + ".json.gz");
        if (Files.isRegularFile(file)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                AnnotatedText cached = JSON.readValue(in, AnnotatedText.class);
                if (cached.text().equals(text)) return cached;
            } catch (IOException e) {
                // an unreadable entry is recomputed and overwritten
            }
        }
        AnnotatedText fresh = nlp.annotate(text, published, plan);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "entry", ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                JSON.writeValue(out, fresh);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write annotation cache " + folder, e);
        }
        return fresh;
    }

    private static String key(String text, LocalDate published, String plan) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(System.getProperty(NlpAnnotator.NER_MODELS_PROPERTY, NlpAnnotator.DEFAULT_NER_MODEL).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(published).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            if (!plan.equals("full")) sha.update(plan.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
