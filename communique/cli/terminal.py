"""Text for a terminal: the characters that would drive it instead of being shown are made
visible, so a title or a sentence from the news cannot clear the screen, recolour it, move
the cursor or reorder what follows it (ESC sequences, the one-byte CSI \\x9b, bidi overrides).
"""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1 (\x9b is a CSI by itself)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates (bytes kept by surrogateescape): no terminal can show them
)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters as visible escapes (ESC as ``\\x1b``, U+202E as
    ``\\u202e``); tab and newline are kept, a caller whose format has no room for them (one
    line, tab-separated) replaces them first. Everything else, letters of any script, zero-width
    joiners and emoji included, is left as it is."""
    return _UNPRINTABLE.sub(_escape, text)
