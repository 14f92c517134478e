package sitrep.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches a feed the user configured, bounded in size and time. Addresses on this machine or private
 * networks are refused unless allowed, so a feed URL (or a redirect) cannot make the server probe its own
 * network. Redirects are followed by hand, at most three, each checked the same way.
 */
public final class FeedFetcher {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 3;

    private final boolean allowPrivate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Closes a body still being read at its deadline: the request timeout covers only the wait for headers. */
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sitrep-feed-deadlines");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;

    public FeedFetcher(boolean allowPrivate) {
        this(allowPrivate, TIMEOUT);
    }

    /** With another time limit for the wait for headers and, again, for the whole body (tests). */
    FeedFetcher(boolean allowPrivate, Duration timeout) {
        this.allowPrivate = allowPrivate;
        this.timeout = timeout;
    }

    /** A fetch that failed, with a message for the log. */
    public static final class FetchException extends RuntimeException {
        FetchException(String message) {
            super(message);
        }
    }

    public byte[] fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a URL: " + url);
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5")
                    .header("User-Agent", "sitrep feed poller").GET().build();
            HttpResponse<InputStream> r;
            try {
                r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new FetchException("cannot fetch " + uri + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted fetching " + uri);
            }
            try (InputStream body = r.body()) {
                int status = r.statusCode();
                if (status >= 300 && status < 400 && r.headers().firstValue("Location").isPresent()) {
                    String location = r.headers().firstValue("Location").get();
                    try {
                        uri = uri.resolve(location);
                    } catch (IllegalArgumentException e) {
                        throw new FetchException(uri + " redirects to something that is no URL: " + location);
                    }
                    continue;
                }
                if (status != 200) throw new FetchException(uri + " answered HTTP " + status);
                long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > MAX_BYTES) throw new FetchException(uri + " is larger than " + MAX_BYTES + " bytes");
                // A server that sends a byte now and then would hold the poller for ever: the whole body has
                // the timeout to arrive, and the stream is closed under the read when it has not.
                java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
                java.util.concurrent.ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                    late.set(true);
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // closing is all that is wanted; the reader reports the timeout
                    }
                }, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                byte[] bytes = null;
                try {
                    bytes = body.readNBytes(MAX_BYTES + 1);
                } catch (IOException e) {
                    if (!late.get()) throw e; // else the stream was closed at the deadline: reported below
                } finally {
                    deadline.cancel(false);
                }
                if (late.get()) throw new FetchException(uri + " sent its body too slowly (more than " + timeout.toMillis() + " ms)");
                if (bytes.length > MAX_BYTES) throw new FetchException(uri + " is larger than " + MAX_BYTES + " bytes");
                return bytes;
            } catch (IOException e) {
                throw new FetchException("cannot read " + uri + ": " + e);
            }
        }
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + url);
    }

    /**
     * Refuses other schemes and, unless allowed, hosts that resolve to loopback, private, link-local or
     * unspecified addresses. (The connection resolves the name again; a name whose address changes between
     * the two lookups is not caught here.)
     */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException("feeds must be http or https URLs: " + uri);
        if (uri.getHost() == null) throw new FetchException("no host in " + uri);
        if (allowPrivate) return;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + uri.getHost());
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new FetchException("refusing " + uri.getHost() + " (" + a.getHostAddress()
                        + "): a loopback or private address; start serve with --allow-private-feeds to allow it");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || (b[0] & 0xff) == 0; // "this network" 0.0.0.0/8
    }
}
