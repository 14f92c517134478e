package sitrep.ingest;

/**
 * Reading an input ended before its end (a read error midway, a CSV quote never closed past the size limit):
 * the items after the point named in the message were not read. Unlike {@link InputException}, which refuses one
 * item, this means items are missing, so the command that reads must not end with exit status 0.
 */
public final class ReadingStopped extends RuntimeException {
    public ReadingStopped(String message) {
        super(message);
    }

    public ReadingStopped(String message, Throwable cause) {
        super(message, cause);
    }
}
