"""Actor coding floor on the PLOVER gold standard (322 sentences from the CAMEO manual).

A gold actor counts as right when a produced mention overlaps its text and carries its
country. Measured on 2026-11-29: sources 308/342 = 0.901, targets 279/308 = 0.906 (the issue
asks for 0.85 and 0.75); the floors sit just under the measurement.
"""

import pytest

from communique.evaluate import evaluate_gold
from communique.stages import canonical_stages
from tests.conftest import shared_path

SOURCE_FLOOR = 0.89
TARGET_FLOOR = 0.895


@pytest.mark.shared
def test_plover_gsr_actor_country_accuracy():
    # the actor stage alone: the path of `communique eval`, stopped after the actors
    scores = evaluate_gold(
        shared_path("data", "plover-gsr", "PLOVER_GSR_CAMEO.txt"),
        stages=canonical_stages("parse", "actors"),
    )
    source, target = scores.actors["source"], scores.actors["target"]
    assert source.total > 300 and target.total > 250
    assert source.accuracy >= SOURCE_FLOOR, (source.accuracy, source.missed, source.wrong_country)
    assert target.accuracy >= TARGET_FLOOR, (target.accuracy, target.missed, target.wrong_country)
