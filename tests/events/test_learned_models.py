"""The learned target model of issues 14 and 18 (events/attach.py): the target chosen where
the grammar found none, its files read and checked as data, and the training script's fit on
a case it must learn."""

import importlib.util
import shutil

import pytest

from communique.dictionaries import validate_dictionaries
from communique.events.attach import model_path, shipped_model
from communique.events.logistic import ModelFileError, read_model
from tests.conftest import ROOT
from tests.events.conftest import dyads


def load_training_script():
    spec = importlib.util.spec_from_file_location(
        "train_targets", ROOT / "scripts" / "train_targets.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shipped_models_load(lang):
    model = shipped_model(lang)
    assert model.weights, "an empty model attaches nothing"
    assert 0.0 < model.threshold < 1.0
    assert all("=" in feature for feature in model.weights)


@pytest.mark.parametrize(
    "line, message",
    [
        ("root=01\t0.5\textra", "expected 'feature<TAB>weight'"),
        ("root=01\tabc", "is not a number"),
        ("root=01\tnan", "is not a finite number"),
        ("root=02\t0.1", "given twice"),
    ],
)
def test_a_broken_model_file_is_named_by_its_line(tmp_path, line, message):
    path = tmp_path / "target_model_en.tsv"
    path.write_text(f"# threshold 0.6\n# bias -1\nroot=02\t0.3\n{line}\n", encoding="utf-8")
    with pytest.raises(ModelFileError, match=message) as raised:
        read_model(path)
    assert raised.value.line == 4


def test_check_data_reads_the_model_files(tmp_path):
    events, actors = tmp_path / "events", tmp_path / "actors"
    shutil.copytree(ROOT / "communique" / "events" / "data", events)
    shutil.copytree(ROOT / "communique" / "actors" / "data", actors)
    assert not [p for p in validate_dictionaries(events=events, actors=actors) if "model" in p.file]
    with open(events / "target_model_en.tsv", "a", encoding="utf-8") as model:
        model.write("root=01\tsoon\n")
    lines = len((events / "target_model_en.tsv").read_text(encoding="utf-8").splitlines())
    problems = [p for p in validate_dictionaries(events=events, actors=actors) if "model" in p.file]
    assert [(p.file, p.line) for p in problems] == [("events/data/target_model_en.tsv", lines)]
    assert model_path("en").is_file()


def test_the_fit_learns_a_feature_that_decides():
    script = load_training_script()
    rows = [(("word=visit", "root=04"), True), (("word=in", "root=04"), False)] * 20
    model = script.fit(rows, l2=1.0)
    assert model.probability(("word=visit", "root=04")) > 0.8
    assert model.probability(("word=in", "root=04")) < 0.2


@pytest.mark.parametrize(
    "text, expected",
    [
        # the other side named only in what was said, or as the host of a visit
        ("Lavrov said the sanctions imposed by Washington were illegal.", ("RUS", "USA")),
        ("The Japanese prime minister arrived in Seoul on Monday for talks.", ("JPN", "KOR")),
    ],
)
def test_a_target_the_grammar_misses_is_attached(code_text, text, expected):
    found = {(source, target) for source, target, _ in dyads(code_text(text))}
    assert expected in found, found


def test_a_place_where_a_statement_is_made_is_no_target(code_text):
    text = "The French finance minister said in London that taxes would not rise next year."
    found = {(source, target) for source, target, _ in dyads(code_text(text))}
    assert ("FRA", "GBR") not in found, found
