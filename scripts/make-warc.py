#!/usr/bin/env python3
"""Writes a synthetic CC-NEWS-like .warc.gz for timing the WARC reader: per page a request, a response (HTML
news page of made-up text) and a metadata record, each its own gzip member; every 20th response is a 404 and
every 10th an image. Usage: scripts/make-warc.py OUT.warc.gz [MEGABYTES, default 50]"""
import gzip
import random
import sys
import uuid

WORDS = ("insurgents militia army forces shelled attacked village town bridge convoy officials said governor "
         "ceasefire talks delegates border posts wounded killed civilians protest police dispersed regional "
         "ministry spokesman statement monday tuesday wednesday thursday friday saturday sunday northern southern "
         "province capital airstrike drone checkpoint negotiations aid refugees camp clashes overnight according "
         "to reports local sources the a of in on and near after before with by from was were had been").split()
PLACES = ["Veldoria", "Marenland", "Ostrava Nueva", "Kessel", "Port Arlen", "Dunmere", "Saltreach", "Iskarra"]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
    words[rng.randrange(len(words))] = rng.choice(PLACES)
    return " ".join(words).capitalize() + "."


def record(kind, uri, content_type, block, date):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=random.getrandbits(128))}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)


def main():
    out, megabytes = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 50
    rng = random.Random(7)
    random.seed(7)
    written = records = 0
    with open(out, "wb") as f:
        n = 0
        while written < megabytes * 1024 * 1024:
            n += 1
            uri = f"https://www.{rng.choice(PLACES).lower().replace(' ', '-')}-news.test/2024/03/{n}"
            date = f"2024-03-{1 + n % 28:02d}T10:00:00Z"
            parts = [record("request", uri, "application/http; msgtype=request", f"GET /{n} HTTP/1.1\r\n\r\n".encode(), date)]
            if n % 10 == 0:
                body, status, ctype = bytes(rng.getrandbits(8) for _ in range(20000)), "200 OK", "image/jpeg"
            else:
                paras = "".join(f"<p>{' '.join(sentence(rng) for _ in range(rng.randint(2, 5)))}</p>\n" for _ in range(rng.randint(5, 25)))
                body = (f"<!DOCTYPE html><html><head><title>Report {n}</title></head><body><nav><a href='/'>Home</a></nav>"
                        f"<article>{paras}</article><footer>Copyright</footer></body></html>").encode()
                status, ctype = ("404 Not Found" if n % 20 == 5 else "200 OK"), "text/html; charset=utf-8"
            http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body
            parts.append(record("response", uri, "application/http; msgtype=response", http, date))
            parts.append(record("metadata", uri, "application/warc-fields", b"fetchTimeMs: 100\r\n", date))
            for p in parts:
                f.write(p)
                written += len(p)
            records += 3
    print(f"{out}: {records} records, {written / 1048576:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
