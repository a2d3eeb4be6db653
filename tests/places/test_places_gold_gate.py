"""Floors on the geoparsing gold sets of ../shared/data/geoparsing (issue 19), scored as
../shared/tools/score_places.py scores them (communique/places/measure.py): detection (a
place of the toponym's text in its document), acc@161 (one within 161 km).

Both sets are run whole, GeoVirus (229 international disease-outbreak articles) and LGL
(588 local US articles): about 45 s together on one core. Each is parsed once and resolved
three ways: the issue's naive baseline (GPE entities, the most populous place of the name),
this stage's names by prior alone (population and feature), and with context.

Measured on 2026-12-03, detection / acc@161 / median km (floors sit just under):

| set | naive | prior | context |
| --- | --- | --- | --- |
| GeoVirus, 2,170 toponyms | 0.732 / 0.565 / 58 | 0.859 / 0.669 / 62 | 0.859 / 0.691 / 57 |
| LGL, 4,462 toponyms | 0.630 / 0.423 / 25 | 0.676 / 0.458 / 34 | 0.677 / 0.538 / 14 |

Demonyms ("American", "Russian", "Georgian"), which LGL counts as toponyms and this stage
leaves out by design, are about 7% of LGL's toponyms; 3 LGL documents are left empty by the
cleaner (E200), as in any run.
"""

import pytest

from communique.places import measure
from communique.places.gazetteer import load_gazetteer
from tests.conftest import shared_path

# (detection, acc@161) floors per set and resolver
FLOORS = {
    "geovirus": {"naive": (0.72, 0.555), "prior": (0.85, 0.66), "context": (0.85, 0.685)},
    "lgl": {"naive": (0.62, 0.415), "prior": (0.67, 0.45), "context": (0.67, 0.53)},
}


@pytest.mark.shared
@pytest.mark.parametrize("name", ["geovirus", "lgl"])
def test_geoparsing_floors(name):
    path = shared_path("data", "geoparsing", f"{name}.jsonl")
    gold = measure.read_gold(path)
    articles = measure.parsed_articles(path)
    gazetteer = load_gazetteer()
    scores = {
        resolver: measure.score(gold, measure.places_by(articles, gazetteer, resolver))
        for resolver in measure.RESOLVERS
    }
    for resolver, score in scores.items():
        print(name, resolver, score.line())
    for resolver, (detection, accuracy) in FLOORS[name].items():
        assert scores[resolver].detection >= detection, (resolver, scores[resolver].line())
        assert scores[resolver].accuracy >= accuracy, (resolver, scores[resolver].line())
    # context must do better than the prior alone, which does better than the baseline
    assert scores["context"].accuracy > scores["prior"].accuracy > scores["naive"].accuracy
