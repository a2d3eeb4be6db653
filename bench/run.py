"""Benchmarks: `make bench`. Each figure is paired with a baseline measured in the same run.

- clean HTML: communique's HTML stage against bare trafilatura on the Zyte pages;
- clean text: communique's text stage on BBC and Reuters, documents per second;
- dedupe: the MinHash LSH stage on the BBC corpus, against datasketch doing the same work;
- stages: the actor and event stages against the bare spaCy parse of the same BBC texts (the
  parse is the floor; the two stages may add at most 25% to it).

Medians of --repeat runs. Data comes from ../shared/data (never copied into the project).
"""
from __future__ import annotations

import argparse
import gzip
import itertools
import statistics
import sys
import time
from pathlib import Path

from communique import Pipeline, Settings
from communique.ingest.clean import Cleaner
from communique.ingest.dedupe import NearDuplicateIndex, shingles
from communique.ingest.readers import iter_documents


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, seconds: float, count: int, unit: str, baseline: float | None = None, label: str = ""):
    line = f"{name:<34} {seconds:8.3f} s  {count / seconds:9.1f} {unit}/s"
    if baseline is not None:
        line += f"   ratio to {label}: {baseline / seconds:.2f}x throughput"
    print(line, flush=True)


def bench_html(shared: Path, repeat: int) -> None:
    import trafilatura

    pages = [gzip.decompress(p.read_bytes()).decode("utf-8")
             for p in sorted((shared / "data/zyte-article-extraction/html").glob("*.html.gz"))]
    settings = Settings()
    cleaner = Cleaner(settings)
    docs = list(iter_documents([str(shared / "data/zyte-article-extraction/html")], settings))

    def bare():
        for html in pages:
            trafilatura.bare_extraction(html, favor_precision=True, include_comments=False, with_metadata=True)

    def ours():
        for doc in docs:
            cleaner(doc)

    base = timed(bare, repeat)
    report("html: bare trafilatura", base, len(pages), "pages")
    report("html: communique clean stage", timed(ours, repeat), len(pages), "pages", base, "bare trafilatura")


def bench_text(shared: Path, repeat: int) -> None:
    pipeline = Pipeline(Settings(dedupe=False))
    bbc = list(iter_documents(sorted(str(p) for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir())))
    reuters = list(itertools.islice(iter_documents([str(shared / "data/corpora/reuters21578.jsonl")]), 5000))
    for name, docs in (("bbc", bbc), ("reuters (5,000)", reuters)):
        report(f"text: clean {name}", timed(lambda: list(pipeline.pipe(docs)), repeat), len(docs), "docs")


def bench_dedupe(shared: Path, repeat: int) -> None:
    from datasketch import MinHash, MinHashLSH

    settings = Settings()
    docs = iter_documents(sorted(str(p) for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir()))
    texts = [a.text for a in Pipeline(settings.replace(dedupe=False)).pipe(docs) if a.ok]

    def datasketch_run():
        lsh = MinHashLSH(threshold=0.5, num_perm=settings.dedupe_num_perm)
        kept = []
        for i, text in enumerate(texts):
            m = MinHash(num_perm=settings.dedupe_num_perm)
            m.update_batch([g.encode() for g in shingles(text, settings.shingle_size)])
            if not any(m.jaccard(kept[c]) >= settings.dedupe_threshold for c in lsh.query(m)):
                lsh.insert(len(kept), m)
                kept.append(m)

    def ours():
        index = NearDuplicateIndex(settings.dedupe_threshold, settings.dedupe_num_perm, settings.shingle_size)
        return sum(index.check_and_add(str(i), t) is not None for i, t in enumerate(texts))

    base = timed(datasketch_run, repeat)
    report("dedupe bbc: datasketch", base, len(texts), "docs")
    report("dedupe bbc: communique (rensa)", timed(ours, repeat), len(texts), "docs", base, "datasketch")
    print(f"dedupe bbc: {ours()} of {len(texts)} articles marked as near-duplicates")


def bench_stages(shared: Path, repeat: int, count: int = 400) -> None:
    from communique.actors.stage import ActorResolver
    from communique.events.coder import EventCoder
    from communique.nlp.parse import Parser

    settings = Settings(dedupe=False)
    docs = itertools.islice(iter_documents(
        sorted(str(p) for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir())), count)
    articles = [a for a in Pipeline(settings).pipe(docs) if a.ok]
    parser, actors, events = Parser(settings), ActorResolver(settings), EventCoder(settings)
    nlp = parser.nlp
    texts = [a.text for a in articles]
    parse = timed(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)), repeat)
    report(f"parse bbc ({len(texts)}): bare spaCy nlp.pipe", parse, len(texts), "docs")
    parser.pipe(articles)
    actor_time = timed(lambda: [actors(a) for a in articles], repeat)
    event_time = timed(lambda: [events(a) for a in articles], repeat)
    report("stages: actors", actor_time, len(texts), "docs")
    report("stages: events and agreements", event_time, len(texts), "docs")
    added = (actor_time + event_time) / parse
    print(f"stages: actors + events add {added:.1%} to the bare parse (limit 25%); "
          f"{sum(len(a.events) for a in articles)} events", flush=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"bench: skipped, {args.shared}/data not found (the shared data lives beside the project)")
        return 0
    bench_html(args.shared, args.repeat)
    bench_text(args.shared, args.repeat)
    bench_dedupe(args.shared, args.repeat)
    bench_stages(args.shared, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
