"""Compiled data kept between runs: what every process would otherwise rebuild at start-up.

Each item is stored under the hash of everything it is built from (the data itself, user
dictionaries included, and the versions of the library and model that read it), so that an
edited dictionary file, or a new model, simply builds a new item: nothing is ever stale.
Items live in ``$COMMUNIQUE_CACHE_DIR``, else ``$XDG_CACHE_HOME/communique``, else
``~/.cache/communique``. A cache that cannot be read or written is skipped: the item is
built as if there were none.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

logger = logging.getLogger(__name__)


def cache_dir() -> Path:
    configured = os.environ.get("COMMUNIQUE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "communique"


def cached(kind: str, parts: Iterable[str], build: Callable[[], bytes]) -> bytes:
    """The bytes ``build`` makes from ``parts``, from the cache when an earlier run made them."""
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    path = cache_dir() / f"{kind}-{digest[:32]}.bin"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)  # whole or not at all, whatever runs at the same time
    except OSError as error:
        logger.debug("compiled %s not kept (%s)", kind, error)
    return data
