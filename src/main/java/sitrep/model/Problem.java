package sitrep.model;

/** A failure confined to one article: which stage failed and why, in words a user can act on. */
public record Problem(String stage, String message) {
}
