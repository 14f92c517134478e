package sitrep.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** serve's answer cache: an answer is computed once per store version and request, never kept past a write. */
class AnswerCacheTest {
    @Test
    void keepsAnAnswerUntilTheVersionChanges() {
        AnswerCache cache = new AnswerCache(1);
        AtomicInteger computed = new AtomicInteger();
        assertEquals("page 1", cache.answer(7, "/api/events", () -> "page " + computed.incrementAndGet()));
        assertEquals("page 1", cache.answer(7, "/api/events", () -> "page " + computed.incrementAndGet()), "same version: kept");
        assertEquals("other 2", cache.answer(7, "/api/events?limit=5", () -> "other " + computed.incrementAndGet()), "another request");
        assertEquals("page 3", cache.answer(8, "/api/events", () -> "page " + computed.incrementAndGet()), "a write: computed anew");
        assertEquals("page 3", cache.answer(8, "/api/events", () -> "page " + computed.incrementAndGet()));
        assertEquals(3, computed.get());
    }

    @Test
    void failuresAreNotKept() {
        AnswerCache cache = new AnswerCache(1);
        assertThrows(BadRequest.class, () -> cache.answer(1, "/api/events?limit=0", () -> {
            throw new BadRequest("bad parameter 'limit'");
        }));
        assertEquals("ok", cache.answer(1, "/api/events?limit=0", () -> "ok"), "the next request computes again");
    }

    @Test
    void sizeZeroComputesEveryRead() {
        AnswerCache cache = new AnswerCache(0);
        AtomicInteger computed = new AtomicInteger();
        cache.answer(1, "/api/events", () -> "x" + computed.incrementAndGet());
        assertEquals("x2", cache.answer(1, "/api/events", () -> "x" + computed.incrementAndGet()));
    }

    @Test
    void anAnswerBiggerThanTheCacheIsServedButNotKept() {
        AnswerCache cache = new AnswerCache(1);
        String big = "e".repeat(1_500_000);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 2; i++) assertEquals(big, cache.answer(1, "/api/export", () -> { computed.incrementAndGet(); return big; }));
        assertEquals(2, computed.get());
    }

    @Test
    void concurrentRequestsForOneAnswerComputeItOnce() throws Exception {
        AnswerCache cache = new AnswerCache(1);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Future<String> first = pool.submit(() -> cache.answer(3, "/api/stats/actors", () -> {
                computed.incrementAndGet();
                started.countDown();
                await(release);
                return "actors";
            }));
            assertEquals(true, started.await(10, TimeUnit.SECONDS));
            List<Future<String>> waiting = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiting.add(pool.submit(() -> cache.answer(3, "/api/stats/actors", () -> {
                    computed.incrementAndGet();
                    return "actors";
                })));
            }
            Thread.sleep(200); // the seven are waiting on the first computation by now
            release.countDown();
            assertEquals("actors", first.get(10, TimeUnit.SECONDS));
            for (Future<String> f : waiting) assertEquals("actors", f.get(10, TimeUnit.SECONDS));
            assertEquals(1, computed.get(), "one query for eight requests");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
