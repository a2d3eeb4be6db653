"""Benchmarks: `make bench`. Each figure is paired with a baseline measured in the same run.

- clean HTML: communique's HTML stage against bare trafilatura on the Zyte pages;
- clean text: communique's text stage on BBC and Reuters, documents per second;
- dedupe: the MinHash LSH stage on the BBC corpus, against datasketch doing the same work;
- code: `communique code` (read, clean, dedupe, parse, actors, events, JSON) on BBC
  articles with one process and with N, against the floor: bare spaCy `nlp.pipe` over the
  same clean texts (one process must reach 0.9x the floor's throughput, issue 17). The floor
  is spaCy as it ships; communique's parse gives the same tokens faster (its attribute ruler
  compiled to a table), so the parse alone is printed too, and what the later stages add;
- stages: where an ingest's time goes (clean, dedupe, parse, actors, events, store);
- linear: the actors and events stages on 50, 100, 200 and 400 KB of BBC text parsed once;
  each doubling of the text may cost at most 2.3x the time (issue 13);
- memory: peak resident memory at 1,000 and 5,000 Reuters stories (growth at most 1.25x);
- startup, whole, serve: whole commands as users run them, start-up included
  (bench/whole_process.py).

Medians of --repeat runs. Data comes from ../shared/data (never copied into the project).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import itertools
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import whole_process

from communique import Pipeline, Settings
from communique.ingest.clean import Cleaner
from communique.ingest.dedupe import NearDuplicateIndex, shingles
from communique.ingest.readers import iter_documents
from communique.parallel import available_cores


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(
    name: str, seconds: float, count: int, unit: str, baseline: float | None = None, label: str = ""
):
    line = f"{name:<34} {seconds:8.3f} s  {count / seconds:9.1f} {unit}/s"
    if baseline is not None:
        line += f"   ratio to {label}: {baseline / seconds:.2f}x throughput"
    print(line, flush=True)


def bench_html(shared: Path, repeat: int) -> None:
    import trafilatura

    pages = [
        gzip.decompress(p.read_bytes()).decode("utf-8")
        for p in sorted((shared / "data/zyte-article-extraction/html").glob("*.html.gz"))
    ]
    settings = Settings()
    cleaner = Cleaner(settings)
    docs = list(iter_documents([str(shared / "data/zyte-article-extraction/html")], settings))

    def bare():
        for html in pages:
            trafilatura.bare_extraction(
                html, favor_precision=True, include_comments=False, with_metadata=True
            )

    def ours():
        for doc in docs:
            cleaner(doc)

    base = timed(bare, repeat)
    report("html: bare trafilatura", base, len(pages), "pages")
    report(
        "html: communique clean stage",
        timed(ours, repeat),
        len(pages),
        "pages",
        base,
        "bare trafilatura",
    )


def bench_text(shared: Path, repeat: int) -> None:
    pipeline = Pipeline(Settings(dedupe=False))
    bbc = list(
        iter_documents(
            sorted(str(p) for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir())
        )
    )
    reuters = list(
        itertools.islice(iter_documents([str(shared / "data/corpora/reuters21578.jsonl")]), 5000)
    )
    for name, docs in (("bbc", bbc), ("reuters (5,000)", reuters)):
        report(
            f"text: clean {name}",
            timed(lambda docs=docs: list(pipeline.pipe(docs)), repeat),
            len(docs),
            "docs",
        )


def bench_dedupe(shared: Path, repeat: int) -> None:
    from datasketch import MinHash, MinHashLSH

    settings = Settings()
    docs = iter_documents(
        sorted(str(p) for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir())
    )
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
        index = NearDuplicateIndex(
            settings.dedupe_threshold, settings.dedupe_num_perm, settings.shingle_size
        )
        return sum(index.check_and_add(str(i), t) is not None for i, t in enumerate(texts))

    base = timed(datasketch_run, repeat)
    report("dedupe bbc: datasketch", base, len(texts), "docs")
    report(
        "dedupe bbc: communique (rensa)",
        timed(ours, repeat),
        len(texts),
        "docs",
        base,
        "datasketch",
    )
    print(f"dedupe bbc: {ours()} of {len(texts)} articles marked as near-duplicates")


def bbc_sample(shared: Path, count: int) -> list[str]:
    """``count`` BBC files spread evenly over its five sections (sorted, every k-th file)."""
    files = sorted(str(p) for p in (shared / "data/corpora/bbc").rglob("*.txt"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def bench_throughput(shared: Path, repeat: int, count: int, workers: int) -> None:
    """The floor (bare nlp.pipe over the clean texts) against `communique code` on the same
    documents: one process, then ``workers`` processes (their start-up included). Runs are
    interleaved, so a slow spell of the machine hits both sides."""
    from communique import CODE_STAGES
    from communique.nlp.parse import bare_pipeline, load_pipeline
    from communique.parallel import ProcessExecutor, Runner, SerialExecutor, warm_up
    from communique.nlp.parse import PARSE_BATCH

    settings = Settings()
    files = bbc_sample(shared, count)
    texts = [
        a.text for a in Pipeline(settings.replace(dedupe=False)).pipe(iter_documents(files)) if a.ok
    ]
    nlp = bare_pipeline(settings.model)
    ours = load_pipeline(settings.model)  # the same annotations, attribute ruler as a table
    warm_up(settings, CODE_STAGES)
    list(nlp.pipe(texts[:20]))  # warm caches before the first timing

    def code(executor) -> None:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for articles in Runner(settings, CODE_STAGES, executor).run(
                iter_documents(files, settings)
            ):
                sink.writelines(
                    json.dumps(article.code_record(), ensure_ascii=False) + "\n"
                    for article in articles
                )

    times: dict[str, list[float]] = {"floor": [], "parse": [], "one": [], "many": []}
    with ProcessExecutor(workers, settings, CODE_STAGES) as pool:
        # Start the workers (each loads the model) with a first small run, timed apart.
        start_up = timed(lambda: _start_workers(pool, settings, workers), 1)
        for _ in range(repeat):
            # communique parses PARSE_BATCH texts at a time, bare spaCy's faster batch size
            times["floor"].append(timed(lambda: list(nlp.pipe(texts, batch_size=PARSE_BATCH)), 1))
            times["parse"].append(timed(lambda: list(ours.pipe(texts, batch_size=PARSE_BATCH)), 1))
            times["one"].append(timed(lambda: code(SerialExecutor()), 1))
            times["many"].append(timed(lambda: code(pool), 1))
    floor, parse, one, many = (
        statistics.median(times[k]) for k in ("floor", "parse", "one", "many")
    )
    report(f"parse bbc ({len(texts)}): bare spaCy nlp.pipe", floor, len(texts), "docs")
    report("parse: communique's pipeline alone", parse, len(texts), "docs", floor, "bare parse")
    report("code: communique, 1 process", one, len(texts), "docs", floor, "bare parse")
    report(f"code: communique, {workers} processes", many, len(texts), "docs", floor, "bare parse")
    print(
        f"code: 1 process reaches {floor / one:.2f}x the bare parse throughput (floor 0.90x); "
        f"{workers} processes {one / many:.2f}x one process, once started "
        f"(starting them took {start_up:.1f} s); the stages after the parse add "
        f"{one / parse - 1:.0%} to communique's own parse",
        flush=True,
    )


def _start_workers(pool, settings: Settings, workers: int) -> None:
    """Start every worker of ``pool`` (each loads the model as it starts) with empty tasks:
    a pool starts a worker for each task that finds none idle."""
    from communique.parallel import run_partition

    list(pool.map(functools.partial(run_partition, settings, ("clean",)), [[]] * (2 * workers)))


def bench_stage_times(shared: Path, count: int) -> None:
    """Where the time of an ingest goes, stage by stage, in one process."""
    from communique.parallel import SerialExecutor
    from communique.store.ingest import ingest

    settings = Settings()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        result = ingest(
            iter_documents(bbc_sample(shared, count), settings),
            Path(folder) / "bench.db",
            settings,
            executor=SerialExecutor(),
        )
        total = time.perf_counter() - start
    seconds = result.seconds
    print(
        f"stages: ingest of {result.documents} BBC documents in one process, {total:.1f} s:",
        flush=True,
    )
    for name in ("clean", "dedupe", "parse", "actors", "events", "store"):
        value = seconds.get(name, 0.0)
        print(f"  {name:<8} {value:8.2f} s  {value / total:6.1%}", flush=True)


LINEAR_SIZES_KB = (50, 100, 200, 400)
LINEAR_LIMIT = 2.3  # the time of twice the text, at most, in units of the time of the text


def bench_linear(shared: Path, repeat: int, sizes_kb=LINEAR_SIZES_KB) -> None:
    """The actors and events stages on ever longer texts: BBC articles, from each section in
    turn (so that every prefix holds the same mix), joined up to the largest size and parsed
    once; each smaller text is a prefix of that parse, cut at the end of an article. Both
    stages run on each size (after one run on the largest, which fills the caches of first
    use for all), and the time of each doubling is reported.

    Unlike the other sections, this one takes the fastest of the --repeat runs: the question
    is how the time grows with the text, and on a shared machine the least disturbed run
    answers it best (a slow spell during one size's run reads as growth)."""
    from communique.actors.stage import ActorResolver
    from communique.events.stage import EventCoder
    from communique.model import Article
    from communique.nlp.parse import Parser

    settings = Settings(max_document_seconds=None)  # the time is the measure, not a limit
    sections = sorted(p for p in (shared / "data/corpora/bbc").iterdir() if p.is_dir())
    in_turn = itertools.zip_longest(*(sorted(section.glob("*.txt")) for section in sections))
    parts: list[str] = []
    for path in (p for group in in_turn for p in group if p):
        parts.append(path.read_text(encoding="utf-8", errors="replace").strip())
        if sum(map(len, parts)) + 2 * len(parts) >= max(sizes_kb) * 1000:
            break
    text = "\n\n".join(parts)
    start = time.perf_counter()
    doc = Parser(settings)(Article(id="linear", text=text)).doc
    print(
        f"linear: {len(text) / 1000:.0f} KB of BBC text ({len(parts)} articles, {len(doc):,} "
        f"tokens) parsed once in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    ends = list(itertools.accumulate(len(p) + 2 for p in parts))  # after each article's "\n\n"
    docs = []
    for size in sizes_kb:
        end = next((e - 2 for e in ends if e - 2 >= size * 1000), len(text))
        docs.append(doc.char_span(0, end, alignment_mode="contract").as_doc())
    actors, events = ActorResolver(settings), EventCoder(settings)

    def run(prefix) -> tuple[float, float]:
        article = Article(id="linear", text=prefix.text, date="2005-03-01", doc=prefix)
        start = time.perf_counter()
        actors(article)
        middle = time.perf_counter()
        events(article)
        return middle - start, time.perf_counter() - middle

    run(docs[-1])
    # Rounds over all sizes, so that a slow spell of the machine hits every size alike.
    rounds = [[run(prefix) for prefix in docs] for _ in range(repeat)]
    previous = None
    for position, prefix in enumerate(docs):
        timing = tuple(min(r[position][k] for r in rounds) for k in (0, 1))
        line = (
            f"linear: {len(prefix.text) / 1000:5.0f} KB ({len(prefix):6,} tokens): "
            f"actors {timing[0]:7.2f} s, events {timing[1]:7.2f} s"
        )
        if previous is not None:
            events_growth = timing[1] / previous[1]
            both_growth = sum(timing) / sum(previous)
            verdict = "ok" if max(events_growth, both_growth) <= LINEAR_LIMIT else "TOO SLOW"
            line += (
                f"; twice the text: events {events_growth:.2f}x, actors+events "
                f"{both_growth:.2f}x (limit {LINEAR_LIMIT}x): {verdict}"
            )
        print(line, flush=True)
        previous = timing


def peak_memory(command: list[str]) -> float:
    """Peak resident memory (MB) of a command run to completion (``whole_process.measured``)."""
    return whole_process.measured(command, poll_seconds=0.05)[1]


def bench_memory(shared: Path, sizes=(1000, 5000)) -> None:
    """Peak memory of one process at 1,000 and at 5,000 Reuters stories: bare spaCy, `code`
    and `ingest`. Memory, unlike time, does not suffer from runs sharing the machine, so the
    runs go two at a time."""
    from concurrent.futures import ThreadPoolExecutor

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        jobs = {}
        with open(shared / "data/corpora/reuters21578.jsonl", encoding="utf-8") as fh:
            lines = list(itertools.islice(fh, max(sizes)))
        for size in sizes:
            sample = Path(folder) / f"reuters-{size}.jsonl"  # a temporary slice, deleted below
            sample.write_text("".join(lines[:size]), encoding="utf-8")
            jobs[("bare spaCy", size)] = [
                sys.executable,
                str(Path(__file__).with_name("bare_parse.py")),
                str(sample),
            ]
            jobs[("code", size)] = [
                str(bin_dir / "communique"),
                "code",
                str(sample),
                "--workers",
                "1",
                "--no-progress",
            ]
            jobs[("ingest", size)] = [
                str(bin_dir / "communique"),
                "ingest",
                str(sample),
                "--workers",
                "1",
                "--no-progress",
                "--db",
                str(Path(folder) / f"{size}.db"),
            ]
        with ThreadPoolExecutor(2) as pool:
            results = dict(zip(jobs, pool.map(peak_memory, jobs.values())))
    for name in ("bare spaCy", "code", "ingest"):
        small, large = (results[(name, size)] for size in sizes)
        print(
            f"memory: {name:<10} peak {small:7.0f} MB at {sizes[0]:,} Reuters documents, "
            f"{large:7.0f} MB at {sizes[1]:,}: growth {large / small:.2f}x (limit 1.25x)",
            flush=True,
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--documents", type=int, default=400, help="BBC documents for the throughput runs"
    )
    parser.add_argument("--workers", type=int, default=available_cores())
    parser.add_argument("--memory-sizes", default="1000,5000", help="two Reuters sample sizes")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=[
            "html",
            "text",
            "dedupe",
            "code",
            "stages",
            "linear",
            "memory",
            "startup",
            "whole",
            "serve",
        ],
        help="run these sections only",
    )
    args = parser.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(
            f"bench: skipped, {args.shared}/data not found (the shared data lives beside the project)"
        )
        return 0
    print(
        f"bench: {platform.python_implementation()} {platform.python_version()}, "
        f"{available_cores()} cores; medians of {args.repeat} runs",
        flush=True,
    )
    sections = {
        "html": lambda: bench_html(args.shared, args.repeat),
        "text": lambda: bench_text(args.shared, args.repeat),
        "dedupe": lambda: bench_dedupe(args.shared, args.repeat),
        "code": lambda: bench_throughput(args.shared, args.repeat, args.documents, args.workers),
        "stages": lambda: bench_stage_times(args.shared, args.documents),
        "linear": lambda: bench_linear(args.shared, args.repeat),
        "memory": lambda: bench_memory(
            args.shared, tuple(int(n) for n in args.memory_sizes.split(","))
        ),
        "startup": lambda: whole_process.bench_startup(max(args.repeat, 5)),
        "whole": lambda: whole_process.bench_whole(args.shared, args.repeat),
        "serve": lambda: whole_process.bench_serve(max(args.repeat, 5)),
    }
    for name in args.only or sections:
        sections[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main())
