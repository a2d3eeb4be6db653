"""Readers: paths, directories, stdin, JSONL and WARC to ``Document`` records.

Every input yields documents in a stable order (arguments in order, directories sorted
recursively). A file that cannot be read yields a document whose ``error`` is set, so the
caller reports it in place and goes on with the next one.
"""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import (
    BadJsonLine,
    BadWarc,
    CommuniqueError,
    DecompressError,
    NotFound,
    ReadError,
    SymlinkLoop,
    TooLarge,
)
from ..model import HTML, TEXT, Document
from ..nlp.dates import normalise_date
from .sanitise import repair_field, repair_text, repair_warning, shown_path

logger = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
KNOWN_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | {".jsonl", ".warc"}
STDIN = "-"


@dataclass
class InputStats:
    """What the readers passed over: the files under a directory whose extension is none of
    ``KNOWN_SUFFIXES`` (hidden files and folders, named with a leading dot, are not counted)."""

    skipped: list[str] = field(default_factory=list)  # their paths, as shown to people

    def summary(self) -> str:
        """``"2 files skipped (unknown extensions: .docx, .pdf)"``, or "" when none was."""
        if not self.skipped:
            return ""
        kinds = sorted({_kind(path)[0] or "no extension" for path in self.skipped})
        count = len(self.skipped)
        return (
            f"{count} file{'s' if count != 1 else ''} skipped (unknown extension"
            f"{'s' if len(kinds) != 1 else ''}: {', '.join(kinds)})"
        )


def readable_suffixes() -> str:
    """The extensions the readers take from a directory, for messages."""
    return ", ".join(sorted(KNOWN_SUFFIXES)) + " (each optionally .gz)"


def iter_documents(
    paths: Iterable[str], settings: Settings | None = None, stats: InputStats | None = None
) -> Iterator[Document]:
    """Yield the documents of every path in order; ``-`` reads stdin. ``stats``, if given,
    collects the files of directories that were skipped for their extension."""
    settings = settings or Settings()
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(settings)
            continue
        if not os.path.lexists(path):
            yield Document(
                id=shown_path(_stem(path)),
                path=shown_path(path),
                error=NotFound(f"no such file or directory: {shown_path(path)}"),
            )
            continue
        if os.path.isdir(path):
            for file_path, error in _walk(path, None if stats is None else stats.skipped):
                # Ids keep the directory's own name, so that several directories with
                # files of the same names ("bbc/business/001", "bbc/tech/001") stay apart.
                doc_id = _relative_id(
                    os.path.dirname(os.path.abspath(path)), os.path.abspath(file_path)
                )
                if error is not None:
                    yield Document(id=shown_path(doc_id), path=shown_path(file_path), error=error)
                else:
                    yield from read_file(file_path, doc_id, settings)
        else:
            yield from read_file(path, _stem(path), settings)


def count_documents(paths: Iterable[str], settings: Settings | None = None) -> int | None:
    """How many documents ``iter_documents(paths)`` yields, when that is cheap to know: the
    files after expanding directories, a JSONL file by its lines (read as the reader reads
    them, without parsing); None with stdin, a WARC archive or a gzipped JSONL file, whose
    documents are only known by reading them all. An estimate if the files change meanwhile."""
    settings = settings or Settings()
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        entries = _walk(path, warn=False) if os.path.isdir(path) else [(path, None)]
        for file_path, error in entries:
            kind, compressed = _kind(file_path)
            if error is not None or kind != ".jsonl" and kind != ".warc":
                total += 1  # one document, or one error record
            elif kind == ".warc" or compressed:
                return None
            else:
                total += _count_lines(file_path, settings.max_document_bytes)
    return total


def _count_lines(path: str, limit: int) -> int:
    """The documents of a JSONL file, counted as ``_read_jsonl`` reads its lines."""
    count = 0
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return 1  # not read (a FIFO would block): one error record
        with open(path, "rb") as fh:
            while line := fh.readline(limit + 1):
                if len(line) > limit and not line.endswith(b"\n"):
                    return count + 1  # the reader stops at a runaway line, with one error
                count += 1 if line.strip() else 0
    except OSError:
        return count + 1  # the reader ends the file with one error record
    return count


def read_file(path: str, doc_id: str, settings: Settings) -> Iterator[Document]:
    """The documents of one file; ``path`` is the name to open, which may hold bytes that are
    not UTF-8: the documents carry it as shown to people (``shown_path``)."""
    kind, compressed = _kind(path)
    opened, path, doc_id = path, shown_path(path), shown_path(doc_id)
    try:
        if not stat.S_ISREG(os.stat(opened).st_mode):  # a FIFO would block, a device never end
            raise ReadError(f"{ReadError.message}: {path} is not a regular file")
        opener = gzip.open if compressed else open
        if kind == ".warc":
            # warcio detects and inflates gzip members itself.
            with open(opened, "rb") as fh:
                yield from _read_warc(fh, path, doc_id, settings)
        elif kind == ".jsonl":
            with opener(opened, "rb") as fh:
                yield from _read_jsonl(fh, path, doc_id, settings.max_document_bytes)
        else:
            with opener(opened, "rb") as fh:
                # Read one byte past the limit and stop: a gzip bomb never inflates further.
                raw = _read_bounded(fh, settings.max_document_bytes)
            yield Document(id=doc_id, path=path, content=raw, media_type=_media_type(kind, raw))
    except CommuniqueError as error:
        yield Document(id=doc_id, path=path, error=error)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Document(
            id=doc_id, path=path, error=DecompressError(f"{DecompressError.message}: {error}")
        )
    except OSError as error:
        yield Document(
            id=doc_id, path=path, error=ReadError(f"{ReadError.message}: {error.strerror or error}")
        )
    except Exception as error:  # noqa: BLE001 - one file must never stop the run
        logger.debug("reading %s failed", path, exc_info=True)
        yield Document(
            id=doc_id,
            path=path,
            error=ReadError(
                f"{ReadError.message}: {type(error).__name__}: {shown_path(str(error))}"
            ),
        )


def _read_stdin(settings: Settings) -> Iterator[Document]:
    """Stdin holds one document (text or HTML, maybe gzipped) or JSONL, one document a line."""
    try:
        raw = _read_bounded(sys.stdin.buffer, settings.max_decompressed_bytes)
        if raw[:2] == b"\x1f\x8b":
            raw = _read_bounded(gzip.open(io.BytesIO(raw)), settings.max_decompressed_bytes)
        if raw.lstrip()[:1] == b"{":
            yield from _read_jsonl(io.BytesIO(raw), STDIN, "stdin", settings.max_document_bytes)
            return
        _check_size(raw, settings.max_document_bytes)
    except CommuniqueError as error:
        yield Document(id="stdin", path=STDIN, error=error)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        yield Document(
            id="stdin", path=STDIN, error=DecompressError(f"{DecompressError.message}: {error}")
        )
    else:
        yield Document(id="stdin", path=STDIN, content=raw, media_type=_media_type("", raw))


def _read_bounded(fh, limit: int) -> bytes:
    return _check_size(fh.read(limit + 1), limit)


def _check_size(data: bytes, limit: int) -> bytes:
    if len(data) > limit:
        raise TooLarge(f"the document is larger than the limit of {limit:,} bytes")
    return data


def _read_jsonl(fh, path: str, file_id: str, limit: int) -> Iterator[Document]:
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        line_id = f"{file_id}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            # A line this long is a runaway or a bomb: stop this file rather than inflate it all.
            yield Document(
                id=line_id,
                path=path,
                error=TooLarge(
                    f"line {lineno} is longer than the limit of {limit:,} bytes; the rest of the file was skipped"
                ),
            )
            return
        if not line.strip():
            continue
        try:
            yield _jsonl_document(line, path, line_id)
        except BadJsonLine as error:
            yield Document(id=line_id, path=path, error=error)
        except Exception as error:  # noqa: BLE001 - one line must never stop its file
            logger.debug("line %s failed", line_id, exc_info=True)
            yield Document(
                id=line_id,
                path=path,
                error=BadJsonLine(f"{BadJsonLine.message}: {type(error).__name__}"),
            )


def _jsonl_document(line: bytes, path: str, line_id: str) -> Document:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadJsonLine(f"{BadJsonLine.message}: {error}") from None
    except RecursionError:
        raise BadJsonLine("the JSONL line is nested too deeply to be a document") from None
    if not isinstance(obj, dict):
        raise BadJsonLine("the JSONL line is not a JSON object")
    html, text = obj.get("html"), obj.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str):
        raise BadJsonLine('the JSONL object has no "text" or "html" string')
    media_type = HTML if content is html else TEXT
    warnings: list[str] = []
    repaired: dict[str, int] = {}
    content, repaired["text"] = repair_text(content)
    fields = {}
    for name in ("id", "title", "url", "source", "date", "dateline"):
        value = obj.get(name)
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # numeric ids are common and unambiguous
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            warnings.append(f'the "{name}" field is not a string and was ignored')
            continue
        value, repaired[name] = repair_field(value)
        fields[name] = value or None
    if any(repaired.values()):
        warnings.append(repair_warning(repaired))
    date = normalise_date(fields.get("date"))
    if fields.get("date") and date is None:
        warnings.append(
            f'the "date" field {fields["date"][:40]!r} is not a calendar date and was ignored'
        )
    return Document(
        id=fields.get("id") or line_id,
        path=path,
        content=content,
        media_type=media_type,
        title=fields.get("title"),
        date=date,
        url=fields.get("url"),
        source=fields.get("source"),
        dateline=fields.get("dateline"),
        warnings=warnings,
    )


def _read_warc(fh, path: str, file_id: str, settings: Settings) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    index = 0
    try:
        for record in ArchiveIterator(fh):
            if record.rec_type not in ("response", "resource", "conversion"):
                continue
            ctype = (
                record.http_headers.get_header("Content-Type")
                if record.http_headers
                else record.rec_headers.get_header("Content-Type")
            ) or ""
            if ctype and not any(t in ctype.lower() for t in ("html", "text/plain", "xml")):
                continue
            index += 1
            doc_id = f"{file_id}:{index}"
            try:
                raw = _read_bounded(record.content_stream(), settings.max_document_bytes)
            except CommuniqueError as error:
                yield Document(id=doc_id, path=path, error=error)
                continue
            yield Document(
                id=doc_id,
                path=path,
                content=raw,
                media_type=HTML
                if "html" in ctype.lower() or not ctype and _sniff_html(raw)
                else TEXT,
                # WARC-Date is when the page was crawled, not published: HTML metadata decides.
                url=repair_field(record.rec_headers.get_header("WARC-Target-URI") or "")[0] or None,
            )
    except ArchiveLoadFailed as error:
        raise BadWarc(f"{BadWarc.message}: {error}") from None


def _walk(
    root: str, skipped: list[str] | None = None, warn: bool = True
) -> Iterator[tuple[str, CommuniqueError | None]]:
    """Files under ``root`` in sorted order; follows symlinks but never around a loop.

    Iterative, with its own stack, so that a tree of any depth is walked without recursion.
    Files whose extension is not a document's are passed over, and listed in ``skipped``;
    ``warn=False`` walks without logging (to count the files before reading them).
    """
    visited: set[tuple[int, int]] = set()
    stack: list[tuple[tuple[int, int], Iterator[os.DirEntry]]] = []  # the open directories

    def enter(directory: str) -> CommuniqueError | None:
        try:
            info = os.stat(directory)
        except OSError as error:
            return ReadError(f"{ReadError.message}: {error.strerror}")
        key = (info.st_dev, info.st_ino)
        if any(key == open_key for open_key, _ in stack):
            return SymlinkLoop(f"{directory} points back to one of its parents; skipped")
        if key in visited:
            if warn:
                logger.warning("%s was already read through another path; skipped", directory)
            return None
        visited.add(key)
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as error:
            return ReadError(f"{ReadError.message}: {error.strerror}")
        stack.append((key, iter(entries)))
        return None

    if (error := enter(root)) is not None:
        yield root, error
    while stack:
        entry = next(stack[-1][1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
            is_file = entry.is_file()
        except OSError as error:  # e.g. ELOOP on a self-referencing link
            yield entry.path, SymlinkLoop(f"{entry.path}: {error.strerror}")
            continue
        if is_dir:
            if (error := enter(entry.path)) is not None:
                yield entry.path, error
        elif is_file:
            if _kind(entry.name)[0] in KNOWN_SUFFIXES:
                yield entry.path, None
            elif skipped is not None:
                logger.info("%s: skipped (not a known document extension)", shown_path(entry.path))
                skipped.append(shown_path(entry.path))
        elif entry.is_symlink() and not os.path.exists(entry.path):
            yield entry.path, NotFound(f"{entry.path} is a broken symbolic link")
        elif (
            _kind(entry.name)[0] in KNOWN_SUFFIXES
        ):  # a FIFO, socket or device by a document's name
            yield entry.path, ReadError(f"{ReadError.message}: {entry.path} is not a regular file")


def holds_many_documents(path: str) -> bool:
    """Whether a file holds documents by their ids (JSONL lines, WARC records), not one."""
    return _kind(path)[0] in (".jsonl", ".warc")


def _kind(path: str) -> tuple[str, bool]:
    """(suffix without .gz, compressed?) in lower case: ``a.jsonl.gz`` -> (".jsonl", True)."""
    name = Path(path).name.lower()
    compressed = name.endswith(".gz")
    if compressed:
        name = name[:-3]
    return Path(name).suffix, compressed


def _media_type(suffix: str, raw: bytes) -> str:
    if suffix in HTML_SUFFIXES:
        return HTML
    if suffix in TEXT_SUFFIXES:
        return TEXT
    return HTML if _sniff_html(raw) else TEXT


def _sniff_html(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return (
        head.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<body" in head
        or b"<p>" in head
    )


def _stem(path: str) -> str:
    name = Path(path).name
    while True:
        stem, suffix = os.path.splitext(name)
        if not suffix or suffix.lower() not in KNOWN_SUFFIXES | {".gz"}:
            return name
        name = stem


def _relative_id(root: str, path: str) -> str:
    rel = os.path.relpath(path, root)
    parent, name = os.path.split(rel)
    return "/".join(Path(parent).parts + (_stem(name),)) if parent else _stem(name)
