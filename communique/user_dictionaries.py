"""User dictionaries: a user's own files of actors, leaders, organisations and patterns.

They are given by the setting ``dictionaries`` (communique.toml) or ``--dictionary PATH``.
Each file has the format of a packaged data file (``dictionary_files.FORMATS``: leaders.tsv,
people.tsv, titles.tsv, organisations.yaml, patterns.tsv, verbs.tsv, verb_patterns.tsv, ...)
and extends it: its entries come first, and replace the packaged entries with the same key
(all the offices of a person in leaders.tsv, a pattern's trigger, words and target); of two
user files with one key, the later wins. The fixed tables (countries, CAMEO codes, sectors)
and the grammar's word lists are not extended: user files are checked against them.

A set of files is read and checked once per process (``load_user_dictionaries``, cached by
their paths), as ``communique check-data`` checks them: a file with an error is refused with
``BadDictionary`` (E600), naming the file and line.

Which dictionaries the loaders read: ``load_gazetteer`` and ``load_patterns`` take them as an
argument, and each set gets its own cached gazetteer and pattern index; the actor and event
stages pass their settings' dictionaries. Called without one, they read the process's
*active* dictionaries (``activate``): the actor stage makes its settings' dictionaries the
active ones on every batch, for the helpers that look up event nouns without settings
(``actors/things.py``). The settings travel to worker processes and Dask
workers with each task, so every worker codes with the same files; on a cluster those paths
must be readable on every worker.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from pathlib import Path

from .dictionaries import validate_files
from .dictionary_files import FORMATS, read_user_file, recognise
from .errors import BadDictionary

logger = logging.getLogger(__name__)

_active: tuple[str, ...] = ()


def activate(dictionaries: Sequence[str]) -> None:
    """Make ``dictionaries`` those the loaders read when called without any."""
    global _active
    _active = tuple(dictionaries)


def chosen(dictionaries: Sequence[str] | None) -> tuple[str, ...]:
    """``dictionaries`` as a cache key; None: the active ones."""
    return _active if dictionaries is None else tuple(dictionaries)


@functools.cache
def load_user_dictionaries(dictionaries: tuple[str, ...]) -> dict[str, list[list]]:
    """The entries of each user file by the packaged file whose format it has, the files in
    the order given; BadDictionary (E600) for the first error any file has."""
    problems = [problem for problem in validate_files(dictionaries) if problem.severity == "error"]
    forms = {path: recognise(path) for path in dictionaries if Path(path).is_file()}
    fixed = [
        f"{path}: a {form.name} file cannot be added: user dictionaries extend "
        f"{', '.join(name for name, f in FORMATS.items() if f.extendable)}"
        for path, form in forms.items()
        if form is not None and not form.extendable
    ]
    errors = fixed + [f"{problem.where}: {problem.message}" for problem in problems]
    if errors:
        more = (
            f" (and {len(errors) - 1} more: `communique check-data FILE` lists them all)"
            if len(errors) > 1
            else ""
        )
        raise BadDictionary(errors[0] + more)
    entries: dict[str, list[list]] = {}
    for path, form in forms.items():
        entries.setdefault(form.name, []).append(read_user_file(path, form))
        logger.info("user dictionary %s: read as %s", path, form.name)
    return entries


def merged_rows(name: str, packaged: list, dictionaries: Sequence[str] = ()) -> list:
    """The entries of the packaged file ``name`` with those of the user ``dictionaries`` of
    its format: the user's first, the latest file first, then the packaged entries whose key
    no user entry has."""
    if not dictionaries:
        return packaged
    layers = load_user_dictionaries(tuple(dictionaries)).get(name, [])
    if not layers:
        return packaged
    key = FORMATS[name].key
    merged, replaced = [], set()
    for layer in [*reversed(layers), packaged]:
        merged.extend(entry for entry in layer if key(entry) not in replaced)
        replaced.update(key(entry) for entry in layer)
    return merged
