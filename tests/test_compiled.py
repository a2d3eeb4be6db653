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
    assert kept and all(name.startswith("phrases-") for name in kept), kept
    # the same run again reads the cache and changes nothing
    assert _actors(run_cli("actors", article, env=env)) == first
    # a user dictionary adds a name: the phrases change, and so does the cache item
    mine = tmp_path / "organisations.yaml"
    mine.write_text(ORGANISATION, encoding="utf-8")
    edited = _actors(run_cli("actors", article, "--dictionary", mine, env=env))
    assert ("The KAS", "IGO") in edited, edited
    assert len(list((tmp_path / "cache").iterdir())) == len(kept) + 1


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
