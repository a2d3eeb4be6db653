"""Event-type floor on the PLOVER gold standard (322 sentences from the CAMEO manual).

A sentence counts when some produced event has its gold PLOVER type (0.5b1 labels mapped:
DEMAND to REQUEST, DISAPPROVE and INVESTIGATE to ACCUSE, FIGHT to ASSAULT). Measured on
2026-11-29: 0.814 (the issue asks for 0.80); the floor sits just under the measurement.
"""
import pytest

from communique.evaluate import score_plover_events
from tests.conftest import shared_path

TYPE_ACCURACY_FLOOR = 0.81


@pytest.mark.shared
def test_plover_gsr_event_type_accuracy():
    scores = score_plover_events(shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.txt"))
    assert scores["sentences"] == 322
    assert scores["type_accuracy"] >= TYPE_ACCURACY_FLOOR, scores["misses"]
