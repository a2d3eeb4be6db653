"""`communique check-data`: the packaged data passes; a user's broken files are each reported at
their file and line, in the format of their packaged counterpart, recognised by name or header."""

from pathlib import Path

import pytest

from communique.actors import gazetteer
from communique.dictionary_files import FORMATS, recognise
from communique.events import patterns
from tests.conftest import run_cli


def test_the_packaged_data_passes_through_the_cli():
    run = run_cli("check-data")
    assert run.returncode == 0, run.stdout.decode()[-2000:]
    assert ": error: " not in run.stdout.decode()
    assert "check-data: 0 errors" in run.stderr.decode()


def test_every_packaged_file_opens_with_its_documentation_then_its_header():
    for form in FORMATS.values():
        folder = (
            Path(gazetteer.__file__).parent
            if form.folder == "actors"
            else Path(patterns.__file__).parent
        )
        lines = (folder / "data" / form.name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#"), form.name
        if not form.is_yaml:
            header = next(line for line in lines if not line.startswith("#")).split("\t")
            assert set(form.required) <= set(header), form.name


@pytest.mark.parametrize(
    "name", [name for name, form in FORMATS.items() if form.folder == "actors" and not form.is_yaml]
)
def test_the_gazetteer_reader_skips_comment_lines(name):
    rows = gazetteer._read_tsv(name)
    assert rows and not [row for row in rows if next(iter(row.values())).startswith("#")]


@pytest.mark.parametrize("name", ["patterns.tsv", "synsets.tsv", "verbs.tsv", "verb_patterns.tsv"])
def test_the_pattern_reader_skips_comment_lines(name):
    rows = patterns._rows(name)
    assert rows and not [row for row in rows if next(iter(row.values())).startswith("#")]


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def broken_files(tmp_path):
    """A user's files, each with one mistake: (path, line, words of the message)."""
    verbs = _write(
        tmp_path / "verb_patterns.tsv",  # recognised by its name
        "# my verb patterns",
        "verb_class\twords\ttarget\tcode\treciprocal\tsource",
        "accelerate\tzzz\t\t999\t\tmine",
    )  # line 3
    titles = _write(
        tmp_path / "my_titles.tsv",  # recognised by its header
        "phrase\tsectors\tkind",
        "grand vizier\tGVO\ttitle",
    )  # line 2
    heads = _write(
        tmp_path / "heads of state.tsv",  # a leaders.tsv header
        "# comments first",
        "",
        "name\tiso3\tsectors\trole\tstart\tend\taliases\tsource",
        "Jane Doe\tMLI\tGOV\thead_of_state\t2026-01-01\t\t\tmine",
        "# Bad Row\tXYZ\tGVO\tnot read: a comment\t1\t2\t\t",  # line 5: skipped
        "John Roe\tXXA\tGOV\thead_of_state\t2026-01-01\t\t\tmine",  # line 6
        "Joan Poe\tMLI\tGOV\thead_of_state\t2026-01-01\t2025-12-31\t\tmine",
    )  # line 7
    duplicate = _write(
        tmp_path / "own_patterns.tsv",
        "trigger\twords\ttarget\tcode\tnote",
        "stonewall\t-\t\t120\t",
        "# a comment between the two",
        "stonewall\t\t\t125\tthe same trigger, words and target",
    )  # line 4
    no_end = _write(
        tmp_path / "leaders.tsv", "name\tiso3\tsectors\tstart", "Jim Doe\tMLI\tGOV\t2026-01-01"
    )
    unknown = _write(tmp_path / "notes.tsv", "what\twhen", "nothing\tnever")
    waters = _write(
        tmp_path / "places.tsv", "name\tiso3\tkind\tsectors", "Gulf of Siam\tTHA\twaters\t"
    )
    return [
        (waters, 2, "take no iso3"),
        (verbs, 3, "unknown CAMEO code '999'"),
        (titles, 2, "unknown sector 'GVO'"),
        (heads, 6, "'XXA' is no ISO3 code"),
        (heads, 7, "end 2025-12-31 is before start"),
        (duplicate, 4, "is on line 2 already"),
        (no_end, 1, "no column 'end'"),
        (unknown, 0, "not a dictionary file"),
    ]


def test_each_broken_file_is_reported_at_its_file_and_line(broken_files):
    paths = list(dict.fromkeys(str(path) for path, _, _ in broken_files))
    run = run_cli("check-data", *paths)
    assert run.returncode == 1, run.stderr
    lines = run.stdout.decode().splitlines()
    for path, line, words in broken_files:
        where = f"{path}:{line}: error: " if line else f"{path}: error: "
        assert [text for text in lines if text.startswith(where) and words in text], (
            where,
            words,
            lines,
        )
    assert len(lines) == len(broken_files), lines  # the comment line gave no problem
    assert "check-data: 8 errors, 0 warnings in 7 files" in run.stderr.decode()


def test_good_user_files_pass(tmp_path):
    leaders = _write(
        tmp_path / "my leaders.tsv",
        "# name, iso3, sectors, role, start, end: as in leaders.tsv",
        "name\tiso3\tsectors\trole\tstart\tend",
        "Zorvan Keldrake\tMLI\tGOV\thead_of_state\t2026-01-01\t",
    )
    organisations = _write(
        tmp_path / "groups.yaml",
        "- name: Keldrake Foundation",
        "  country: MLI",
        "  sectors: [NGO]",
    )
    assert recognise(leaders).name == "leaders.tsv"
    assert recognise(organisations).name == "organisations.yaml"
    run = run_cli("check-data", leaders, organisations)
    assert run.returncode == 0, run.stdout
    assert not run.stdout and b"0 errors, 0 warnings in 2 files" in run.stderr
