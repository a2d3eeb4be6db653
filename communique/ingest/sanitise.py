"""Characters no stage can hold, repaired where documents enter.

Valid JSON can carry a lone surrogate ("\\ud800"), which no UTF-8 output, hash or Parquet
file accepts; scraped text carries control characters and invisible bidirectional
overrides (U+202E turns "Turkey" into a word no dictionary knows, and reverses what a
terminal shows). The readers repair them here, once, and say so in a warning, so that every
later stage, the store and every output see text they can encode.
"""

from __future__ import annotations

import os
import re

# Lone surrogates (a valid pair was already joined by the JSON decoder).
_SURROGATES = re.compile("[\ud800-\udfff]")
# Bidirectional embeddings, overrides, isolates and marks: invisible, and they change what
# a reader sees without changing what a machine reads.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0 controls but tab, line feed, form feed and carriage return, which text layout uses;
# DEL; C1 controls, but NEL (U+0085), a line break.
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# In a one-line field (an id, a URL, a title) every control is out of place.
_FIELD_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def repair_text(text: str) -> tuple[str, int]:
    """The text with lone surrogates replaced by U+FFFD and controls and bidi marks removed,
    and the number of characters changed."""
    text, surrogates = _SURROGATES.subn("\ufffd", text)
    text, controls = _TEXT_CONTROLS.subn("", text)
    text, marks = _BIDI.subn("", text)
    return text, surrogates + controls + marks


def repair_field(value: str) -> tuple[str, int]:
    """A one-line metadata field repaired like text, its line breaks and tabs made spaces."""
    value, surrogates = _SURROGATES.subn("\ufffd", value)
    value, controls = _FIELD_CONTROLS.subn(" ", value)
    value, marks = _BIDI.subn("", value)
    return value.strip(), surrogates + controls + marks


def repair_warning(counts: dict[str, int]) -> str:
    """One warning for a document's repairs, ``counts`` by field."""
    where = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
    return (
        "characters that cannot be stored or shown (lone surrogates, control characters, "
        f"bidirectional overrides) were replaced or removed: {where}"
    )


def shown_path(path: str) -> str:
    """A file name as people read it: bytes that are not UTF-8 (``caf\\xe9.txt`` from an old
    archive, which Python holds as surrogate escapes) are shown escaped, so the name can be
    printed, hashed and stored. The file is still opened by its real name."""
    try:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # not a name from the file system: repair it like a field
        return repair_field(path)[0]
