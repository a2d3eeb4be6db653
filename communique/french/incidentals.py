"""Incidental phrases between an auxiliary and its participle, blanked for the parser.

AFP copy sets a phrase of discourse between the auxiliary and the participle: "L'UA a de
son côté suspendu le Mali", "Les Etats-Unis ont eux appelé", "ont à leur tour obtenu".
The French models then read the auxiliary as the main verb ("a" with "de son côté" as its
object) and lose the participle's subject. The parser is given the text with such a phrase
(french/data/grammar.yaml's ``incidental_phrases``) turned to spaces: same length, so the
offsets of the parse are the article's, whose own words are what evidence quotes.

Quotation marks around an adverb ('a aussi "fermement" condamné', 'de rappeler
"immédiatement" son ambassadeur') break the clause for the parser as well; they are
blanked, and the adverb kept.
"""

from __future__ import annotations

import functools
import re

from .patterns import grammar


@functools.cache
def _incidental() -> re.Pattern:
    auxiliaries = "|".join(re.escape(a) for a in sorted(grammar()["auxiliary_forms"], key=len))
    phrases = "|".join(
        re.escape(p).replace(r"\ ", r"\s+")
        for p in sorted(grammar()["incidental_phrases"], key=len, reverse=True)
    )
    # the phrase, after an auxiliary and before a word in lower case (the participle)
    return re.compile(
        rf"(?<![\w-])(?:{auxiliaries})\s+((?:{phrases})(?:\s*,)?)\s+(?=[^\W\d_A-ZÀ-Þ])"
    )


# A lower-case adverb in "-ment" between quotation marks, straight or French. Wider scare
# quotes ('a condamné "la mutinerie"') were measured and left: the parser reads most of them
# well, and blanking them lost as many events as it found.
QUOTED_ADVERB = re.compile(r"([\"«“]\s?)([^\W\d_A-ZÀ-Þ][^\W\d_]*ment)(\s?[\"»”])")


def blank_incidentals(text: str) -> str:
    """``text`` with the incidental phrases after an auxiliary, and the quotation marks
    around an adverb, turned to spaces."""

    def blank(match: re.Match) -> str:
        start, end = match.span(1)
        whole = match.group(0)
        offset = match.start(0)
        return whole[: start - offset] + " " * (end - start) + whole[end - offset :]

    text = _incidental().sub(blank, text)
    return QUOTED_ADVERB.sub(_unquote, text)


def _unquote(match: re.Match) -> str:
    opening, adverb, closing = match.groups()
    return " " * len(opening) + adverb + " " * len(closing)
