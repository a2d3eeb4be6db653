"""Every code a dictionary can emit is a CAMEO code; every sector, country and key is valid.

The checks themselves are ``communique.dictionaries.validate_dictionaries``; here they run on
the shipped data, which must have no error, and on a copy with one mistake of each kind, which
they must each find at its file and line. The pattern loader refuses an unknown code itself.
"""

import shutil
from pathlib import Path

import pytest

import communique.actors
import communique.events
from communique.dictionaries import validate_dictionaries
from communique.events import patterns
from communique.events.cameo import DictionaryError, UnknownCode, cameo_codes, lookup
from communique.events.modality import Modality

EVENTS = Path(communique.events.__file__).parent / "data"
ACTORS = Path(communique.actors.__file__).parent / "data"


def test_the_dictionaries_have_no_error():
    errors = [p for p in validate_dictionaries() if p.severity == "error"]
    assert not errors, "\n".join(map(str, errors))


def _append(path: Path, line: str) -> int:
    """Add a line to a data file; its line number."""
    text = path.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    path.write_text(text + line + "\n", encoding="utf-8")
    return text.count("\n") + 1


@pytest.fixture
def data_copy(tmp_path):
    events, actors = tmp_path / "events", tmp_path / "actors"
    shutil.copytree(EVENTS, events)
    shutil.copytree(ACTORS, actors)
    return events, actors


def test_each_kind_of_mistake_is_found_at_its_file_and_line(data_copy):
    events, actors = data_copy
    organisation = _append(
        actors / "organisations.yaml",
        (
            "- name: Other Nations\n  code: IGO\n  country: IGO\n  sectors: [IGO]\n"
            "  aliases: [united nations]\n  acronyms: []\n  members: [XYZ]\n  expand: false"
        ),
    )
    expected = [
        (
            "events/patterns.tsv",
            _append(events / "patterns.tsv", "cyberattack\t-\t\t176\t"),
            "'176'",
        ),
        (
            "events/patterns.tsv",
            _append(events / "patterns.tsv", "say\t-\tprep:to\t012\t"),
            "already",
        ),  # say - prep:to is the first pattern of the file
        (
            "events/verbs.tsv",
            _append(events / "verbs.tsv", "attend\t\tgo_by\t040\t042:043\t\tpetrarch2"),
            "reciprocal",
        ),
        (
            "events/verb_patterns.tsv",
            _append(events / "verb_patterns.tsv", "accelerate\tzzz\t\t999\t\tpetrarch2"),
            "'999'",
        ),
        (
            "events/verb_patterns.tsv",
            _append(events / "verb_patterns.tsv", "accelerate\t&arms\t\t072\t\tpetrarch2"),
            "synset",
        ),
        ("actors/titles.tsv", _append(actors / "titles.tsv", "grand vizier\tGVO\ttitle"), "'GVO'"),
        ("actors/places.tsv", _append(actors / "places.tsv", "Atlantis\tATL\tcity\t"), "'ATL'"),
        (
            "actors/countries.tsv",
            _append(actors / "countries.tsv", "MLI\tMLI\tMali again\t\t"),
            "already",
        ),
        (
            "actors/countries.tsv",
            _append(actors / "countries.tsv", "XXA\tXXA\tNowhere\tMali\t"),
            "'mali'",
        ),
        (
            "actors/leaders.tsv",
            _append(actors / "leaders.tsv", "Jane Doe\tMLI\tGOV\t\t2020-01-01\t\t\tcommunique"),
            None,
        ),
        (
            "actors/leaders.tsv",
            _append(actors / "leaders.tsv", "Jane Doe\tMLI\tGOV\t\t2020-01-01\t\t\tcommunique"),
            "office",
        ),
        ("actors/organisations.yaml", organisation + 4, "'united nations'"),  # aliases
        ("actors/organisations.yaml", organisation + 6, "'XYZ'"),  # members
        (
            "events/modality.yaml",
            _append(events / "modality.yaml", 'threat_codes:\n  "14": "133"'),
            "duplicate key",
        ),
    ]
    problems = validate_dictionaries(events, actors)
    found: dict[tuple[str, int], str] = {}
    for p in problems:
        if p.severity == "error":
            found[p.file, p.line] = found.get((p.file, p.line), "") + " | " + p.message
    for file, line, words in expected:
        if words is None:
            continue  # the first of a pair: no problem yet
        assert (file, line) in found, (file, line, problems)
        assert words in found[file, line], found[file, line]
    assert not [
        p
        for p in problems
        if p.severity == "error"
        if (p.file, p.line) not in {(f, n) for f, n, _ in expected}
    ]


def test_a_code_written_with_its_reciprocal_is_no_code_for_modality(data_copy):
    events, actors = data_copy
    text = (events / "modality.yaml").read_text(encoding="utf-8")
    (events / "modality.yaml").write_text(text.replace('"14": "133"', '"14": "13:3"', 1))
    problems = validate_dictionaries(events, actors)
    assert any(p.file == "events/modality.yaml" and "'13:3'" in p.message for p in problems)


@pytest.fixture
def pattern_data(tmp_path, monkeypatch):
    """The pattern loader on a small dictionary of our own; its caches cleared before and
    after, so that other tests load the real one."""

    def clear():
        for cached in (patterns._load_patterns, patterns._rows_by_class):
            cached.cache_clear()

    for name in ("patterns.tsv", "verbs.tsv", "verb_patterns.tsv", "synsets.tsv"):
        lines = (EVENTS / name).read_text(encoding="utf-8").splitlines()
        header = next(line for line in lines if not line.startswith("#"))
        (tmp_path / name).write_text(header + "\n", encoding="utf-8")
    monkeypatch.setattr(patterns, "DATA", tmp_path)
    clear()
    yield tmp_path
    clear()


def test_the_loader_refuses_an_unknown_code_naming_file_and_line(pattern_data):
    _append(pattern_data / "patterns.tsv", "# a comment")
    _append(pattern_data / "patterns.tsv", "meet\twith\tprep:with\t040\t")
    line = _append(pattern_data / "patterns.tsv", "hack\t-\t\t176\t")
    with pytest.raises(DictionaryError, match=rf"patterns\.tsv:{line}: .*'176'"):
        patterns.load_patterns()


def test_the_loader_refuses_a_code_with_its_reciprocal(pattern_data):
    line = _append(pattern_data / "verbs.tsv", "attend\t\tgo_somewhere\t040\t042:043\t\tpetrarch2")
    with pytest.raises(DictionaryError, match=rf"verbs\.tsv:{line}: .*reciprocal"):
        patterns.load_patterns()


def test_the_pattern_carries_the_reciprocal(pattern_data):
    _append(pattern_data / "verbs.tsv", "attend\t\tgo_somewhere\t040\t042\t043\tpetrarch2")
    _append(pattern_data / "verb_patterns.tsv", "go_somewhere\tto\t\t042\t043\tpetrarch2")
    _append(pattern_data / "patterns.tsv", "meet\twith\tprep:with\t040\t")
    loaded = patterns.load_patterns()
    assert [(p.words, p.code, p.reciprocal) for p in loaded["attend"]] == [
        (("to",), "042", "043"),
        ((), "042", "043"),
    ]
    assert loaded["meet"][0].reciprocal is None


def test_lookup_takes_listed_codes_only():
    assert lookup("042").name == "Make a visit"
    for code in ("176", "042:043", ""):
        with pytest.raises(UnknownCode):
            lookup(code)
    assert lookup("0879", parent=True).code == "087"  # only where asked for


def test_every_code_modality_makes_is_listed():
    codes = cameo_codes()
    moods = [
        Modality(stated_intent=True),
        Modality(modality="hypothetical", conditional=True),
        Modality(stated_intent=True, conditional=True),
    ]
    made = {mood.code(code) for mood in moods for code in codes}
    assert made <= set(codes), made - set(codes)
