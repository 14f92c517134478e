#!/usr/bin/env python3
"""Writes a synthetic file in the layout of a GeoNames country dump (SY.txt: 19 TAB-separated columns, geonameid, name,
asciiname, alternatenames, lat, lon, feature class, feature code, country, cc2, admin1..4, population, elevation, dem,
timezone, modification date) for timing `--gazetteer` (gazetteer load time and heap) only: the names are made-up
syllables, the points random within a box around Syria, so the file says nothing about any real place. A few rows in
a hundred are second-level divisions, the rest villages without a population figure, as in a real country file.
Usage: scripts/make-geonames.py OUT.txt [ROWS, default 50000]"""
import random
import sys

SYLLABLES = "kaf ra bu dei tal zor mar sa ha lim qa dir nu bel ash rif jab ul wad mis ka ran tu hor seb".split()


def name(rng):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(rng.randint(1, 2)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, rows = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50000
    rng = random.Random(7)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(rows):
            division = i % 50 == 0
            n = name(rng)
            alternates = ",".join(name(rng) for _ in range(rng.randint(0, 2)))
            f.write("\t".join([str(90_000_000 + i), n, n, alternates, "%.5f" % rng.uniform(32.3, 37.3),
                               "%.5f" % rng.uniform(35.7, 42.4), "A" if division else "P", "ADM2" if division else "PPL",
                               "SY", "", "%02d" % rng.randint(1, 14), "", "", "", "0", "", str(rng.randint(200, 900)),
                               "Asia/Damascus", "2024-01-01"]) + "\n")


if __name__ == "__main__":
    main()
