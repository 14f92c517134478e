package sitrep.server;

import sitrep.store.EventQuery;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The opaque page cursor: the last listed event's position, base64url-encoded. Opaque so clients do not
 * build cursors themselves and the listing order can change without breaking them.
 */
final class Cursor {
    private Cursor() {
    }

    static String encode(EventQuery.Position p) {
        String raw = p.date() + "\n" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static EventQuery.Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int nl = raw.indexOf('\n');
            if (nl < 0 || nl == raw.length() - 1) throw new BadRequest("bad parameter 'cursor': not a cursor this API returned");
            return new EventQuery.Position(QueryParams.isoDate(raw.substring(0, nl)), raw.substring(nl + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequest("bad parameter 'cursor': not a cursor this API returned");
        }
    }
}
