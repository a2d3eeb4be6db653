"""The word lists of the English event coder (data/grammar.yaml), read once."""

from __future__ import annotations

import functools
from importlib import resources

from ..yaml_data import read_yaml


@functools.cache
def grammar() -> dict[str, frozenset[str]]:
    """The word lists of data/grammar.yaml."""
    data = read_yaml(resources.files("communique.events") / "data" / "grammar.yaml")
    return {
        key: values if isinstance(values, dict) else frozenset(values)
        for key, values in data.items()
    }
