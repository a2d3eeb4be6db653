"""Score `communique clean` on the Zyte article-extraction benchmark.

    communique clean ../shared/data/zyte-article-extraction/html --format jsonl > zyte.jsonl
    python bench/zyte_eval.py zyte.jsonl

Without a file argument it runs `communique clean` itself. Prints precision, recall and F1
(the benchmark's own metric, see communique.evaluate).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from communique.evaluate import extraction_scores

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data/zyte-article-extraction"


def load_truth(data_dir: Path) -> dict[str, str]:
    gold = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return {key: value.get("articleBody", "") for key, value in gold.items()}


def load_predictions(lines) -> dict[str, str | None]:
    predictions = {}
    for line in lines:
        record = json.loads(line)
        predictions[record["id"].rsplit("/", 1)[-1]] = record.get("text")
    return predictions


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("output", nargs="?", help="JSONL from `communique clean` (default: run it)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if args.output:
        with open(args.output, encoding="utf-8") as fh:
            predictions = load_predictions(fh)
    else:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "communique.cli",
                "clean",
                str(args.data / "html"),
                "--format",
                "jsonl",
                "--no-dedupe",
            ],
            capture_output=True,
            text=True,
        )
        predictions = load_predictions(run.stdout.splitlines())
    scores = extraction_scores(load_truth(args.data), predictions)
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in scores.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
