package sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One store, two programs. DuckDB lets one process open a database file at a time, so while {@code serve} runs on a
 * store, {@code ingest} or {@code export} on it cannot open it. serve leaves a note beside the store
 * ({@code STORE.serve}: its address and process id), and the other commands use it to hand their work to the running
 * server (export downloads from /api/export; ingest posts to /api/articles with the token) or to say in one line
 * what to do.
 */
final class RunningServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A serve process on a store: its base URL ("http://127.0.0.1:8080") and process id. */
    record Note(String url, long pid) {
    }

    private RunningServer() {
    }

    /** Whether the store is a DuckDB file (PostgreSQL serves any number of programs at once). */
    static boolean isDuckDb(String store) {
        return !store.contains("://") && !store.startsWith("jdbc:");
    }

    static Path noteFile(String store) {
        Path p = Path.of(store).toAbsolutePath();
        return p.resolveSibling(p.getFileName() + ".serve");
    }

    /** Leaves the note for the other commands; removed again when serve stops. */
    static void announce(String store, String host, int port) {
        if (!isDuckDb(store)) return;
        String reachable = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        Path note = noteFile(store);
        try {
            Files.writeString(note, JSON.createObjectNode().put("url", "http://" + reachable + ":" + port)
                    .put("pid", ProcessHandle.current().pid()).toString() + "\n");
        } catch (IOException e) {
            System.err.println("sitrep: could not write " + note + " (other commands on this store will not find this server): " + e.getMessage());
        }
    }

    static void withdraw(String store) {
        if (!isDuckDb(store)) return;
        try {
            Files.deleteIfExists(noteFile(store));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serve process named by the store's note, if that process still runs. */
    static Optional<Note> find(String store) {
        Path note = noteFile(store);
        if (!Files.isRegularFile(note)) return Optional.empty();
        try {
            JsonNode o = JSON.readTree(Files.readString(note));
            Note n = new Note(o.path("url").asText(), o.path("pid").asLong());
            return ProcessHandle.of(n.pid()).filter(ProcessHandle::isAlive).map(h -> n);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a store error is DuckDB's: another process holds the file's lock. */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Could not set lock") || m.contains("Conflicting lock"))) return true;
        }
        return false;
    }

    /** The process id DuckDB names as holding the lock ("... (PID 1234) ..."), or -1. */
    static long lockHolder(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("PID (\\d+)").matcher(String.valueOf(t.getMessage()));
            if (m.find()) return Long.parseLong(m.group(1));
        }
        return -1;
    }

    /** The store is held by another program; what to do instead, in one line. */
    static final class StoreInUse extends Main.UsageException {
        final Note server;

        StoreInUse(String message, Note server) {
            super(message);
            this.server = server;
        }
    }

    /**
     * The one-line answer for a command that found the store held by another process.
     *
     * @param instead what the command can do through the running server, or null when nothing
     */
    static String inUse(String store, Throwable cause, Optional<Note> server, String instead) {
        long pid = server.map(Note::pid).orElse(lockHolder(cause));
        String who = server.map(n -> "`sitrep serve` (PID " + n.pid() + ", " + n.url() + "/)")
                .orElse("another program" + (pid > 0 ? " (PID " + pid + ")" : ""));
        return "the store " + store + " is open in " + who + ", and a DuckDB store opens in one program at a time: "
                + (server.isPresent() && instead != null ? instead + ", or " : "") + "stop it (Ctrl-C) and run this command again"
                + (server.isEmpty() ? "" : "; serve's REST API answers meanwhile");
    }
}
