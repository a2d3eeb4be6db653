"""The stage registry: stages declare what they require and assign, and a pipeline whose
stages do not meet each other's requirements is refused when it is built."""

import subprocess
import sys

import pytest

from communique import CODE_STAGES, Pipeline, Settings
from communique.errors import ALL_ERRORS, UnmetStageRequirement
from communique.events.stage import EventCoder
from communique.model import Article
from communique.parallel import Runner
from communique.stages import (
    STAGE_ORDER,
    canonical_stages,
    check_stages,
    registered_names,
    registered_stages,
    stage_spec,
)


def test_events_without_actors_is_refused_naming_what_is_missing():
    with pytest.raises(UnmetStageRequirement) as raised:
        Pipeline(stages=("clean", "parse", "events"))
    error = raised.value
    assert error.code == "E500" and error.record()["code"] == "E500"
    assert "'events'" in error.text and "'mentions'" in error.text and "'actors'" in error.text
    assert UnmetStageRequirement in ALL_ERRORS


def test_a_stage_without_its_parse_is_refused():
    with pytest.raises(UnmetStageRequirement, match="stage 'actors' requires 'doc'.*add 'parse'"):
        Pipeline(Settings(dedupe=False), stages=("clean", "actors"))


def test_the_document_stage_must_come_first():
    with pytest.raises(UnmetStageRequirement, match="'clean' takes documents"):
        check_stages(("parse", "clean"))


def test_a_run_is_checked_before_any_worker_starts():
    with pytest.raises(UnmetStageRequirement, match="'events' requires 'doc'"):
        Runner(Settings(), ("clean", "dedupe", "events"))


def test_the_default_pipelines_build():
    assert Pipeline().stage_names == list(canonical_stages(last="dedupe"))
    assert Pipeline(stages=CODE_STAGES).stage_names == list(STAGE_ORDER)
    assert Pipeline(Settings(dedupe=False), stages=CODE_STAGES).stage_names == [
        "clean",
        "parse",
        "actors",
        "events",
        "places",
    ]
    # Articles that already carry their text, as evaluation and a run's workers give them.
    assert Pipeline(stages=canonical_stages("parse")).stage_names == [
        "parse",
        "actors",
        "events",
        "places",
    ]


def test_the_input_can_say_what_it_carries():
    with pytest.raises(UnmetStageRequirement, match="'parse' requires 'text'.*add 'clean'"):
        check_stages(("parse",), given=())
    assert [spec.name for spec in check_stages(("actors", "events"), given=("doc",))] == [
        "actors",
        "events",
    ]


def test_the_registry_lists_the_stages_in_the_canonical_order():
    assert STAGE_ORDER == ("clean", "dedupe", "parse", "actors", "events", "places")
    assert CODE_STAGES == STAGE_ORDER
    assert [spec.name for spec in registered_stages()][: len(STAGE_ORDER)] == list(STAGE_ORDER)
    assert registered_names()[: len(STAGE_ORDER)] == list(STAGE_ORDER)
    assert canonical_stages("parse", "actors") == ("parse", "actors")


def test_a_stage_declares_what_it_requires_and_assigns():
    events = stage_spec("events")
    assert events.factory is EventCoder and EventCoder.name == "events"
    assert events.requires == ("doc", "mentions", "dateline_country")
    assert events.assigns == ("events", "agreements")
    assert stage_spec("clean").takes_documents and stage_spec("clean").assigns[0] == "text"
    assert stage_spec("actors").requires == ("doc",)
    assert stage_spec("actors").assigns == ("mentions", "title_mentions", "dateline_country")
    assert stage_spec("dedupe").assigns == ("duplicate_of",)
    # Every field named is a field of the record the stages pass along.
    fields = set(Article.__dataclass_fields__)
    assert all(set(spec.requires + spec.assigns) <= fields for spec in registered_stages())


def test_an_unknown_stage_is_a_value_error_listing_the_known_ones():
    with pytest.raises(ValueError, match="unknown stage: nope; known: clean, dedupe"):
        Pipeline(stages=("clean", "nope"))


def test_importing_the_library_and_its_registry_does_not_import_spacy():
    code = (
        "import sys, communique, communique.stages, communique.pipeline; "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
