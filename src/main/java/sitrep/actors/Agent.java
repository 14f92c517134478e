package sitrep.actors;

/** A generic sector noun ("troops", "government", "rebels") and the CAMEO role code it gives an actor. */
public record Agent(String term, String role) {
}
