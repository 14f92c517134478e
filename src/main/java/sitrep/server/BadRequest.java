package sitrep.server;

/** A request the API refuses with a status and a message meant for the caller (400 unless said otherwise). */
final class BadRequest extends RuntimeException {
    private final int status;

    BadRequest(String message) {
        this(400, message);
    }

    BadRequest(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
