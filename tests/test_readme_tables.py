"""The README's settings table and error table say what the code does: every setting of
``communique/config.py`` is documented with its default, and every error code of
``communique/errors.py`` is listed, and nothing that is not there."""

import dataclasses
import inspect
import re
import tomllib

from communique import errors
from communique.config import Settings
from tests.conftest import ROOT

README = ROOT / "README.md"


def readme_table(*columns: str) -> list[list[str]]:
    """The rows of the one README table whose header row is ``| columns... |``, cell by cell.

    Only the last column may hold a ``|`` (inside code in the prose of a meaning).
    """
    lines = README.read_text(encoding="utf-8").splitlines()
    header = "| " + " | ".join(columns) + " |"
    starts = [i for i, line in enumerate(lines) if line.strip() == header]
    assert len(starts) == 1, f"README has {len(starts)} tables headed {header!r}, not one"
    rows = []
    for line in lines[starts[0] + 2 :]:  # after the header and its | --- | row
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip()[1:-1].split("|", len(columns) - 1)]
        assert len(cells) == len(columns) and all(cells), f"README table row {line!r}"
        rows.append(cells)
    assert rows, f"the README table {header!r} is empty"
    return rows


def documented_value(cell: str):
    """A default as the README writes it: a TOML value in backticks, or the word none."""
    if cell == "none":
        return None
    match = re.fullmatch(r"`([^`]+)`", cell)
    assert match, f"a default is a TOML value in backticks or 'none', not {cell!r}"
    return tomllib.loads(f"value = {match.group(1)}")["value"]


def same_value(documented, default) -> bool:
    if isinstance(documented, bool) or isinstance(default, bool):  # True == 1 in Python
        return documented is default
    if isinstance(default, tuple):  # a TOML array is read as a list, kept as a tuple
        return isinstance(documented, list) and tuple(documented) == default
    return documented == default


def test_every_setting_is_in_the_readme_with_its_default():
    rows = readme_table("setting", "default", "meaning")
    names = []
    for name, _, _ in rows:
        match = re.fullmatch(r"`(\w+)`", name)
        assert match, f"a setting is its name in backticks, not {name!r}"
        names.append(match.group(1))
    assert len(names) == len(set(names)), f"settings listed twice: {names}"
    defaults = {
        field.name: getattr(Settings(), field.name) for field in dataclasses.fields(Settings)
    }
    assert sorted(set(defaults) - set(names)) == [], "settings missing from the README table"
    assert sorted(set(names) - set(defaults)) == [], "the README table lists unknown settings"
    wrong = {
        name: (cell, defaults[name])
        for name, (_, cell, _) in zip(names, rows)
        if not same_value(documented_value(cell), defaults[name])
    }
    assert wrong == {}, "README default (left) differs from communique/config.py (right)"


def test_the_readme_settings_example_is_a_valid_settings_file(tmp_path):
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    example = re.search(r"```toml\n(.*?)```", section, re.S)
    assert example, "the Settings section has no communique.toml example"
    config = tmp_path / "communique.toml"
    config.write_text(example.group(1), encoding="utf-8")
    assert tomllib.loads(example.group(1))["communique"]  # the section the loader reads
    Settings.load(config, environ={})  # raises on an unknown name or a bad value


def test_every_error_code_is_in_the_readme_and_no_other():
    classes = [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.CommuniqueError) and cls is not errors.CommuniqueError
    ]
    assert set(errors.ALL_ERRORS) == set(classes), "errors.ALL_ERRORS misses an error class"
    codes = [code for code, _ in readme_table("code", "meaning")]
    assert len(codes) == len(set(codes)), f"codes listed twice: {codes}"
    assert sorted(set(cls.code for cls in classes) - set(codes)) == [], (
        "codes missing from the README"
    )
    assert sorted(set(codes) - set(cls.code for cls in classes)) == [], (
        "the README lists unknown codes"
    )
