package sitrep.geo;

import sitrep.model.Place;

/** A resolved place with where it sits in the annotated text (sentence and token span). */
public record PlaceMention(int sentence, int firstToken, int lastToken, Place place, GazetteerEntry entry) {
}
