"""Floors on the PLOVER gold standard (322 sentences from the CAMEO manual), coded end to end.

- Event type: a sentence counts when some produced event has its gold PLOVER type (0.5b1
  labels mapped: DEMAND to REQUEST, DISAPPROVE and INVESTIGATE to ACCUSE, FIGHT to ASSAULT).
  Measured on 2026-11-29: 0.814; on 2026-12-02: 0.820; then 0.826; then 0.801, once issue
  15 took out events with neither side coded ("someone said"), which counted here (the
  issue asks for 0.80, the floor).
- Actor countries through the coder: a gold actor counts when some produced event carries
  its country in the same role. Measured on 2026-12-02, before issue 14's work: source
  0.763, target 0.545; after: source 0.810, target 0.731; next session: source 0.851 (291
  of 342), target 0.750 (231 of 308), then 0.854 and 0.753; on 2026-12-02 (third
  session) 0.857 (293) and 0.766 (236), with "someone said" statements no longer counted as
  attaching a target. The floors are the issue's: 0.85 and 0.75.
"""

import pytest

from communique.evaluate import evaluate_gold
from tests.conftest import shared_path

TYPE_ACCURACY_FLOOR = 0.80
CODED_SOURCE_FLOOR = 0.85
CODED_TARGET_FLOOR = 0.75


@pytest.fixture(scope="module")
def scores():
    return evaluate_gold(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.txt"))


@pytest.mark.shared
def test_plover_gsr_event_type_accuracy(scores):
    assert scores.sentences == 322
    assert scores.type_accuracy >= TYPE_ACCURACY_FLOOR, scores.events.misses


@pytest.mark.shared
def test_plover_gsr_actor_countries_through_the_coded_events(scores):
    source, target = scores.coded["source"], scores.coded["target"]
    assert source.total > 300 and target.total > 250
    assert source.accuracy >= CODED_SOURCE_FLOOR, source.missed
    assert target.accuracy >= CODED_TARGET_FLOOR, target.missed
