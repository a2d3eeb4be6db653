"""Compiled data kept between runs: what every process would otherwise rebuild at start-up.

Each item is stored under the hash of everything it is built from (the data itself, user
dictionaries included, and the versions of the library and model that read it), so that an
edited dictionary file, or a new model, simply builds a new item: nothing is ever stale.
Items live in ``$COMMUNIQUE_CACHE_DIR``, else ``$XDG_CACHE_HOME/communique``, else
``~/.cache/communique``. A cache that cannot be read or written is skipped: the item is
built as if there were none.

Three kinds of item are kept: ``gazetteer`` (its 24,000 entries), ``anchors`` (the phrase
tables of its names, tokenised by the model's tokenizer) and ``patterns`` (the event
patterns). Built from the data files they take about 1.2 s (and the phrases 1.9 s more to
tokenise); read back, about 0.15 s (issue 17).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

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
        data = path.read_bytes()
    except OSError:
        pass
    else:
        try:
            os.utime(path)  # in use: the newest of its kind, last to be pruned
        except OSError:
            pass
        return data
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, path)  # whole or not at all, whatever runs at the same time
        _prune(path.parent, kind)
    except OSError as error:
        logger.debug("compiled %s not kept (%s)", kind, error)
    return data


KEPT_PER_KIND = 6  # items of one kind: a few sets of user dictionaries, a version or two


def _prune(folder: Path, kind: str) -> None:
    """Items of a kind beyond the ``KEPT_PER_KIND`` newest are left over from older data or
    versions: each new item (a few MB) would otherwise stay for ever."""
    items = sorted(folder.glob(f"{kind}-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in items[KEPT_PER_KIND:]:
        old.unlink(missing_ok=True)


def cached_object(kind: str, parts: Iterable[str], build: Callable[[], T]) -> T:
    """What ``build`` makes from ``parts``, pickled in the cache: the tables every process
    would otherwise rebuild from the data files. ``parts`` must name everything the object
    is built from: ``code_digest()`` and the ``file_digest`` of each data file it reads.

    The cache directory is the user's own, as for any program's compiled cache; an item
    that cannot be read back (another Python, a damaged file) is rebuilt."""
    built: list[T] = []

    def pickled() -> bytes:
        built.append(build())
        return pickle.dumps(built[0], protocol=pickle.HIGHEST_PROTOCOL)

    data = cached(kind, parts, pickled)
    if built:
        return built[0]
    # Tens of thousands of small objects: the cyclic collector, run again and again as they
    # are made, took two thirds of the time; none of them is garbage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    except Exception as error:  # an item from another version of a library, or damaged
        logger.debug("compiled %s not read back (%s): rebuilt", kind, error)
        return build()
    finally:
        if collecting:
            gc.enable()


def file_digest(path) -> str:
    """The hash of a file's bytes; "missing:PATH" for one that cannot be read (the build
    then reports it as it would with no cache)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return f"missing:{path}"


@functools.cache
def code_digest() -> str:
    """The hash of communique's own source: a change to the code that builds an object
    makes a new cache item, as a change to its data does."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(str(source.relative_to(package)).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def data_digests(folder, dictionaries: Iterable[str] = ()) -> list[str]:
    """``file_digest`` of every file in a package data folder and of each user dictionary."""
    files = sorted(p for p in Path(str(folder)).iterdir() if p.is_file())
    return [*(f"{p.name}:{file_digest(p)}" for p in files), *map(file_digest, dictionaries)]
