"""The floor of memory: bare spaCy ``nlp.pipe`` over the texts of a JSONL file, as communique
loads the model. Run by bench/run.py in a process of its own to read its peak memory."""

import json
import sys

from communique.nlp.parse import load_pipeline


def main(path: str) -> None:
    nlp = load_pipeline()
    with open(path, encoding="utf-8") as fh:
        texts = (json.loads(line).get("text") or "" for line in fh)
        for _ in nlp.pipe(texts, batch_size=64):
            pass


if __name__ == "__main__":
    main(sys.argv[1])
