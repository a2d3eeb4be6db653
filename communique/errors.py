"""Errors with stable codes.

A code never changes meaning once released: users filter error records by it. Each error
carries a plain message meant for a person, and ``record()`` gives the JSON shape of the
contract (``{"code": "E...", "message": "..."}``).
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class. Subclasses set ``code`` and a default ``message``."""

    code = "E000"
    message = "communique failed"

    def __init__(self, message: str | None = None):
        super().__init__(message or self.message)

    @property
    def text(self) -> str:
        return str(self)

    def record(self) -> dict:
        return {"code": self.code, "message": self.text}


# E1xx: reading input
class ReadError(CommuniqueError):
    code = "E100"
    message = "the file could not be read"


class EmptyDocument(CommuniqueError):
    code = "E101"
    message = "the document is empty"


class BinaryDocument(CommuniqueError):
    code = "E102"
    message = "the document is binary data, not text or HTML"


class DecompressError(CommuniqueError):
    code = "E103"
    message = "the compressed file is truncated or corrupt"


class TooLarge(CommuniqueError):
    code = "E104"
    message = "the document exceeds the size limit"


class BadJsonLine(CommuniqueError):
    code = "E105"
    message = "the JSONL line is not a valid document object"


class BadWarc(CommuniqueError):
    code = "E106"
    message = "the WARC file is corrupt"


class SymlinkLoop(CommuniqueError):
    code = "E107"
    message = "the directory is a symlink loop and was skipped"


class NotFound(CommuniqueError):
    code = "E108"
    message = "no such file or directory"


# E2xx: cleaning
class NoMainText(CommuniqueError):
    code = "E200"
    message = "no article text was found"


# E3xx: storing
class StoreError(CommuniqueError):
    code = "E300"
    message = "the article could not be stored"


class StoreUnavailable(CommuniqueError):
    """The database as a whole cannot be written (read-only, disk full): the run stops."""

    code = "E301"
    message = "the database cannot be written"


class NotADatabase(CommuniqueError):
    code = "E302"
    message = "the file is not a communique database"


class SchemaTooNew(CommuniqueError):
    code = "E303"
    message = "the database was made by a newer communique"


# E4xx: resource limits
class TimeBudgetExceeded(CommuniqueError):
    code = "E400"
    message = "the document took longer than the time budget"


class TextTooLong(CommuniqueError):
    code = "E401"
    message = "the clean text is longer than the limit"


# E5xx: building a pipeline. Raised by the library when a pipeline is built, before any
# document is read; never an error record of a document.
class UnmetStageRequirement(CommuniqueError):
    code = "E500"
    message = "a stage requires what no earlier stage of the pipeline assigns"


# E6xx: user dictionaries. Raised before any document is read; never a document's record.
class BadDictionary(CommuniqueError):
    code = "E600"
    message = "a user dictionary file is invalid"


# E7xx: gold files given to ``communique eval``. Raised before any document is coded.
class BadGold(CommuniqueError):
    code = "E700"
    message = "the gold file is invalid"


# E9xx: bugs. A document that trips one is reported, never allowed to stop the run.
class InternalError(CommuniqueError):
    code = "E900"
    message = "internal error"


class WorkerLost(CommuniqueError):
    code = "E901"
    message = "the worker processing the document failed"


ALL_ERRORS = [
    ReadError,
    EmptyDocument,
    BinaryDocument,
    DecompressError,
    TooLarge,
    BadJsonLine,
    BadWarc,
    SymlinkLoop,
    NotFound,
    NoMainText,
    StoreError,
    TimeBudgetExceeded,
    InternalError,
    WorkerLost,
    StoreUnavailable,
    NotADatabase,
    SchemaTooNew,
    TextTooLong,
    UnmetStageRequirement,
    BadDictionary,
    BadGold,
]
