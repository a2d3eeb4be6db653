"""Floor on the French dev set (tests/resources/devset/fr_events.json, issue 18).

40 OrangeSum articles (22 of sahel.jsonl at even lines, 18 of monde.jsonl at even lines that
name a Sahel or North African state), 278 items, 58 required; annotated by independent
annotators from the text before any coder ran on them, and never read for error analysis
(tests/resources/analysis/fr_events.json is the set for that). Scored with the rules of
../shared/tools/score_events.py.

Measured on 2026-12-03 with `communique eval tests/resources/devset/fr_events.json --corpus
../shared/data/corpora`: before the French pipeline, every French article went through the
English one (recall 0 on the held-out French set); with its first version, recall 0.052
(3/58), precision 0.364 (8/22). The floors sit just under: this is where French starts.
"""

import pytest

from communique.evaluate import evaluate_gold
from tests.conftest import ROOT, shared_path

RECALL_FLOOR = 0.05
PRECISION_FLOOR = 0.35
DEVSET = ROOT / "tests" / "resources" / "devset" / "fr_events.json"


@pytest.mark.shared
def test_french_devset_recall_and_precision():
    scores = evaluate_gold(DEVSET, corpus=shared_path("data", "corpora"))
    assert scores.counts.required == 58 and len(scores.articles) == 40
    assert scores.counts.duplicates == 0
    assert scores.recall >= RECALL_FLOOR, scores.recall
    assert scores.precision >= PRECISION_FLOOR, scores.precision
