"""The founding article: the actors its gold events need, through the real pipeline."""

import pytest

from communique import Pipeline, Settings
from communique.ingest.readers import iter_documents
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def seed_actors():
    settings = Settings(default_date="2025-06-24")
    pipeline = Pipeline(settings, stages=("clean", "dedupe", "parse", "actors"))
    article = next(pipeline.pipe(iter_documents([str(EXAMPLE)], settings)))
    assert article.ok, article.error
    return article


def named(article, name):
    return [a for a in article.actors_record()["actors"] if a["name"] == name]


@pytest.mark.parametrize(
    "name, country, sectors",
    [
        ("Vladimir Putin", "RUS", {"GOV"}),
        ("Assimi Goita", "MLI", {"GOV", "MIL"}),
        ("Andrei Belousov", "RUS", {"GOV", "MIL"}),
        ("Sadio Camara", "MLI", {"GOV", "MIL"}),
    ],
)
def test_people_of_the_seed(seed_actors, name, country, sectors):
    found = named(seed_actors, name)
    assert found, [a["text"] for a in seed_actors.actors_record()["actors"]]
    for actor in found:
        assert actor["country"] == country
        assert actor["sectors"] and set(actor["sectors"]) <= sectors | {"ELI"}, actor
        assert actor["sectors"][0] in sectors


def test_these_countries_are_the_alliance_of_sahel_states(seed_actors):
    found = [a for a in seed_actors.actors_record()["actors"] if a["text"] == "These countries"]
    assert sorted(a["country"] for a in found) == ["BFA", "MLI", "NER"]
    assert {a["group"] for a in found} == {"Alliance of Sahel States"}


def test_the_former_colonial_power_is_france(seed_actors):
    found = [a for a in seed_actors.actors_record()["actors"] if "colonial power" in a["text"]]
    assert [a["country"] for a in found] == ["FRA"]


def test_the_two_countries_are_russia_and_mali(seed_actors):
    found = [a for a in seed_actors.actors_record()["actors"] if a["text"] == "the two countries"]
    assert sorted(a["country"] for a in found) == ["MLI", "RUS"]


def test_every_mention_is_a_slice_of_the_clean_text(seed_actors):
    for actor in seed_actors.actors_record()["actors"]:
        assert seed_actors.text[actor["start"] : actor["end"]] == actor["text"]
