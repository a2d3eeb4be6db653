"""Bytes to text: UTF-8 when it is, otherwise detected, never a crash."""
from __future__ import annotations

import logging

from charset_normalizer import from_bytes

from ..errors import BinaryDocument, EmptyDocument

logger = logging.getLogger(__name__)

# Control characters other than tab, newline, carriage return, form feed. Real text in any
# encoding has almost none; a few per cent means the bytes are not text.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_SAMPLE = 8192
_BINARY_RATIO = 0.02


def looks_binary(raw: bytes) -> bool:
    sample = raw[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _BINARY_RATIO * len(sample)


def decode(raw: bytes) -> str:
    """Decode document bytes; raise ``EmptyDocument`` or ``BinaryDocument`` when they are not text."""
    if not raw.strip():
        raise EmptyDocument()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise BinaryDocument("the document claims UTF-16 but is not") from None
    if looks_binary(raw):
        raise BinaryDocument()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise BinaryDocument("the document is not text in any known encoding")
    logger.debug("decoded as %s", best.encoding)
    return str(best)
