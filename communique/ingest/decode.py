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
_CHAOS_TIE = 0.01
_MOSTLY_ASCII = 0.02
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")


def looks_binary(raw: bytes) -> bool:
    sample = raw[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls > _BINARY_RATIO * len(sample)


def decode(raw: bytes) -> str:
    """Decode document bytes; raise ``EmptyDocument`` or ``BinaryDocument`` when they are not text."""
    return decode_with_encoding(raw)[0]


def decode_with_encoding(raw: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read in."""
    if not raw.strip():
        raise EmptyDocument()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf_16"
        except UnicodeDecodeError:
            raise BinaryDocument("the document claims UTF-16 but is not") from None
    if looks_binary(raw):
        raise BinaryDocument()
    try:
        return raw.decode("utf-8"), "utf_8"
    except UnicodeDecodeError:
        pass
    high = len(raw) - len(raw.translate(None, bytes(range(128, 256))))
    if high < _MOSTLY_ASCII * len(raw):
        # Nearly all ASCII with a few stray high bytes (a pound sign, an accent): a Western
        # single-byte encoding, not a multi-byte Asian one, whatever the detector scores.
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    matches = list(from_bytes(raw))
    if not matches:
        raise BinaryDocument("the document is not text in any known encoding")
    # Short texts often fit several single-byte encodings equally well (charset-normalizer
    # ranks cp1250 first for plain French); among equals, take the encodings news is written in.
    least_chaos = min(match.chaos for match in matches)
    equals = [match for match in matches if match.chaos <= least_chaos + _CHAOS_TIE]
    best = next((m for enc in PREFERRED_ENCODINGS for m in equals if m.encoding == enc), equals[0])
    logger.debug("decoded as %s", best.encoding)
    return str(best), best.encoding
