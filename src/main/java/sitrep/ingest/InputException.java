package sitrep.ingest;

/** An input item that cannot be read as an article; the message says why, for the user. */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}
