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
     * Refuses other schemes and, unless allowed, hosts that resolve to loopback, private, link-local, CGNAT or
     * unspecified addresses, in any of their spellings: IPv4 inside IPv6 (IPv4-compatible {@code [::7f00:1]},
     * IPv4-mapped {@code [::ffff:127.0.0.1]}) is judged by its IPv4 address, and a host written as a number in any
     * form other than four dotted decimals ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}) is refused,
     * since resolvers disagree on what it means. The address checked is the one connected to: Java's resolver
     * keeps this lookup's answer for {@code networkaddress.cache.ttl} seconds (serve sets 30), and the
     * connection, made right after, takes it from there, so a name whose DNS answer changes between the check
     * and the connection (DNS rebinding) still connects where it was checked.
     */
    void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) throw new FetchException("feeds must be http or https URLs: " + uri);
        if (uri.getHost() == null) throw new FetchException("no host in " + uri);
        if (allowPrivate) return;
        String host = uri.getHost();
        String lastLabel = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        lastLabel = lastLabel.substring(lastLabel.lastIndexOf('.') + 1);
        if (NUMBER.matcher(lastLabel).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            throw new FetchException("refusing " + host + ": an address written as a number in a form other than a.b.c.d; "
                    + "write it as four decimal numbers");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + host);
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new FetchException("refusing " + host + " (" + a.getHostAddress()
                        + "): a loopback or private address; start serve with --allow-private-feeds to allow it");
            }
        }
    }

    /** A host whose last label is a number (decimal, or hex with 0x) is an IPv4 address in some notation (no TLD is one). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");
    /** Four decimal numbers 0-255 without leading zeros: the one numeric form every resolver reads alike. */
    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    static boolean isPrivate(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean zeros = true;
            for (int i = 0; i < 10; i++) zeros &= b[i] == 0;
            // ::a.b.c.d (IPv4-compatible) and ::ffff:a.b.c.d (IPv4-mapped, which Java mostly turns into IPv4 itself).
            if (zeros && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                boolean unspecifiedOrLoopback6 = b[10] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1);
                if (!unspecifiedOrLoopback6) {
                    try {
                        return isPrivate(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                    } catch (UnknownHostException impossible) {
                        return true;
                    }
                }
            }
        }
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || (b[0] & 0xff) == 0; // "this network" 0.0.0.0/8
    }
}
