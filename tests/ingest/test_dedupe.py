import re
import subprocess
import sys
from collections import defaultdict
from itertools import combinations

import pytest

from communique import Pipeline, Settings
from communique.ingest.dedupe import NearDuplicateIndex
from communique.ingest.readers import iter_documents
from tests.conftest import shared_path

STORY = (
    "Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing, closed since a "
    "dispute over grazing rights flared in March. Foreign ministers said joint patrols would begin "
    "next month and that traders would be allowed to cross without visas for the first time in years."
)


def test_later_copy_points_at_the_first():
    index = NearDuplicateIndex()
    assert index.check_and_add("a", STORY) is None
    assert index.check_and_add("b", STORY.replace("Tuesday", "Wednesday")) == "a"
    assert index.check_and_add("c", STORY) == "a"
    assert len(index) == 1  # copies are not indexed


def test_different_stories_are_not_duplicates():
    index = NearDuplicateIndex()
    assert index.check_and_add("a", STORY) is None
    other = (
        "Chile recalled its ambassador to Peru on Friday after reports that its embassy was watched. "
        * 2
    )
    assert index.check_and_add("b", other) is None


def test_signatures_are_the_same_in_every_process():
    code = (
        "from communique.ingest.dedupe import NearDuplicateIndex;"
        f"print(list(NearDuplicateIndex().signature({STORY!r}).digest()))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1 and outputs.pop().startswith("[")


def _jaccard_pairs(texts: dict[str, str], size: int = 5):
    """Exact word 5-gram Jaccard of every pair that shares a shingle (inverted index)."""
    word = re.compile(r"\w+")
    sets = {}
    for key, text in texts.items():
        tokens = word.findall(text.lower())
        sets[key] = {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
    postings = defaultdict(list)
    for key, grams in sets.items():
        for gram in grams:
            postings[gram].append(key)
    shared = defaultdict(int)
    for keys in postings.values():
        if len(keys) < 50:
            for a, b in combinations(keys, 2):
                shared[a, b] += 1
    return {pair: n / (len(sets[pair[0]]) + len(sets[pair[1]]) - n) for pair, n in shared.items()}


@pytest.mark.shared
def test_bbc_near_duplicates_are_marked_and_nothing_else():
    root = shared_path("data", "corpora", "bbc")
    categories = sorted(str(p) for p in root.iterdir() if p.is_dir())
    articles = [a for a in Pipeline(Settings()).pipe(iter_documents(categories)) if a.ok]
    assert len(articles) == 2225
    raw = {a.path: open(a.path, encoding="utf-8", errors="replace").read() for a in articles}
    jaccard = _jaccard_pairs(raw)
    marked = {a.path for a in articles if a.duplicate_of}
    close_pairs = [pair for pair, j in jaccard.items() if j >= 0.9]
    assert len(close_pairs) == 154
    assert all(a in marked or b in marked for a, b in close_pairs)
    has_partner = {path for pair, j in jaccard.items() if j >= 0.5 for path in pair}
    assert marked <= has_partner
