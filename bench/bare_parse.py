"""The floor: bare spaCy ``nlp.pipe`` over texts, with the model loaded as communique loads it.
Run by bench/run.py in a process of its own, to read its peak memory and its whole time.

    python bench/bare_parse.py FILE.jsonl     the "text" of each line
    python bench/bare_parse.py A.txt B.txt    each file's text

The batch size is 64, or BARE_BATCH_SIZE from the environment.
"""

import json
import os
import sys

from communique.nlp.parse import bare_pipeline


def texts(paths: list[str]):
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            if path.endswith(".jsonl"):
                yield from ((json.loads(line).get("text") or "") for line in fh)
            else:
                yield fh.read()


def main(paths: list[str]) -> None:
    nlp = bare_pipeline()
    for _ in nlp.pipe(texts(paths), batch_size=int(os.environ.get("BARE_BATCH_SIZE", "64"))):
        pass


if __name__ == "__main__":
    main(sys.argv[1:])
