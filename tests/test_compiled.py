"""Start-up data compiled once and kept between runs (issue 17): the gazetteer's phrases are
read back from the cache, an edited dictionary is seen at once (the cache is keyed by the
data itself), and the packaged YAML reads the same through the fast loader as through
ruamel."""

import json
import os
from importlib import resources

import pytest
import srsly

from communique.yaml_data import read_yaml
from tests.conftest import run_cli

ORGANISATION = (
    "- name: Keldrake Accord Secretariat\n"
    "  code: IGO\n"
    "  country: IGO\n"
    "  sectors: [IGO]\n"
    "  aliases: []\n"
    "  acronyms: [KAS]\n"
    "  members: []\n"
    "  expand: false\n"
)


def _actors(run) -> list[tuple]:
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    return [
        (actor["text"], actor["country"])
        for line in run.stdout.decode().splitlines()
        for actor in json.loads(line)["actors"]
    ]


def test_an_edited_dictionary_takes_effect_through_the_cache(tmp_path):
    env = {**os.environ, "COMMUNIQUE_CACHE_DIR": str(tmp_path / "cache")}
    article = tmp_path / "article.txt"
    article.write_text("The KAS condemned Mali on Monday.\n", encoding="utf-8")
    first = _actors(run_cli("actors", article, env=env))
    assert ("The KAS", "IGO") not in first, first
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert {name.split("-")[0] for name in kept} == {"gazetteer", "anchors"}, kept
    # the same run again reads the cache and changes nothing
    assert _actors(run_cli("actors", article, env=env)) == first
    # a user dictionary adds a name: the phrases change, and so does the cache item
    mine = tmp_path / "organisations.yaml"
    mine.write_text(ORGANISATION, encoding="utf-8")
    edited = _actors(run_cli("actors", article, "--dictionary", mine, env=env))
    assert ("The KAS", "IGO") in edited, edited
    # a new gazetteer and its phrase tables
    assert len(list((tmp_path / "cache").iterdir())) == len(kept) + 2


def test_an_edited_packaged_data_file_takes_effect_through_the_cache(tmp_path, monkeypatch):
    """The gazetteer is read back from the cache only while every data file it was built
    from is unchanged: a new alias in a copy of the packaged countries.tsv is seen at once."""
    import shutil

    from communique.actors import gazetteer

    data = tmp_path / "data"
    shutil.copytree(str(gazetteer.DATA), data)
    monkeypatch.setenv("COMMUNIQUE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(gazetteer, "DATA", data)

    def aliases_of_mali() -> set[str]:
        gazetteer._gazetteer.cache_clear()  # a new process, as far as the tables go
        mali = next(e for e in gazetteer.load_gazetteer(()).entries if e.key == "MLI")
        return set(mali.patterns)

    try:
        assert "Keldrakia" not in aliases_of_mali()
        assert "Keldrakia" not in aliases_of_mali()  # read back from the cache
        table = data / "countries.tsv"
        lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
        header = next(line for line in lines if not line.startswith("#")).rstrip("\n").split("\t")
        column = header.index("aliases")
        for number, line in enumerate(lines):
            fields = line.rstrip("\n").split("\t")
            if not line.startswith("#") and fields[header.index("iso3")] == "MLI":
                fields[column] = "|".join(filter(None, [fields[column], "Keldrakia"]))
                lines[number] = "\t".join(fields) + "\n"
        table.write_text("".join(lines), encoding="utf-8")
        assert "Keldrakia" in aliases_of_mali()
        assert len(list((tmp_path / "cache").glob("gazetteer-*"))) == 2
    finally:
        gazetteer._gazetteer.cache_clear()


def test_an_unwritable_cache_is_skipped(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    env = {**os.environ, "COMMUNIQUE_CACHE_DIR": str(blocked / "cache")}
    article = tmp_path / "article.txt"
    article.write_text("Russia and Mali signed an agreement.\n", encoding="utf-8")
    assert ("Russia", "RUS") in _actors(run_cli("actors", article, env=env))


@pytest.mark.parametrize(
    "path",
    sorted(
        (
            resource
            for package in ("communique.actors", "communique.events")
            for resource in (resources.files(package) / "data").iterdir()
            if resource.name.endswith(".yaml")
        ),
        key=lambda resource: resource.name,
    ),
    ids=lambda resource: resource.name,
)
def test_packaged_yaml_reads_as_yaml_1_2(path):
    """PyYAML's C loader reads YAML 1.1, where "no" is False; ours keeps 1.2's scalars."""
    assert read_yaml(path) == srsly.read_yaml(str(path))


def test_no_is_a_word():
    from communique.events.modality import _words

    assert "no" in _words()["negators"]
