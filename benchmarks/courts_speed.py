"""Speed of the court recognizer and of building the national roster (moved out of the tests:
timing assertions do not belong there, issue 15).

    python -m benchmarks.courts_speed

Prints the recognizer's throughput on a court-news text of about 370,000 characters (the
automaton built first) and the roster's build time from the data files. A guard against
quadratic slips, not a benchmark of record: on a quiet core the recognizer runs at about
1M chars/s and the roster builds in well under a second. Exits 1 when the recognizer runs
under 100,000 chars/s or the roster takes 2 s or more (the floors the tests used to assert).
"""

from __future__ import annotations

import sys
import time

RATE_FLOOR = 100_000  # chars/s
ROSTER_CEILING = 2.0  # seconds


def recognizer_rate() -> float:
    from ingest.courts import extract_courts
    from ingest.document import SourceDocument

    base = "明山区法院与本溪中院签约，全市法院参加。我院干警列席会议。辽宁省高级人民法院指导。\n"
    filler = "会议要求进一步提升审判质效，推进诉源治理，服务经济社会发展大局。\n"
    text = (base + filler * 6) * 400
    extract_courts(SourceDocument(path="t.txt", text=text[:200]))  # build the automaton first
    t0 = time.perf_counter()
    extract_courts(SourceDocument(path="t.txt", text=text))
    return len(text) / (time.perf_counter() - t0)


def roster_seconds() -> float:
    from ingest.gazetteer import load_gazetteer
    from ingest.roster import build_roster

    build_roster.cache_clear()
    load_gazetteer.cache_clear()
    t0 = time.perf_counter()
    build_roster()
    return time.perf_counter() - t0


def main() -> int:
    rate = recognizer_rate()
    seconds = roster_seconds()
    print(f"court recognizer: {rate:,.0f} chars/s (floor {RATE_FLOOR:,})")
    print(f"roster build: {seconds:.2f} s (ceiling {ROSTER_CEILING} s)")
    return 0 if rate >= RATE_FLOOR and seconds < ROSTER_CEILING else 1


if __name__ == "__main__":
    sys.exit(main())
