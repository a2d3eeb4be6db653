"""A sentence never runs across a paragraph break. The French models join "...au
calme.\\n\\nLa France a salué..." into one sentence, and the English one runs on after an
abbreviation ("a trade dispute with the U.S.\\n\\nAxworthy urged ..."): the coder would then
tie one report's actors to the other's verb. Set before the parser, which keeps the
boundaries it is given.

In French, nor does a sentence end inside a quotation's marks: the French models cut
'« ... inacceptable », a déclaré Emmanuel Macron' after the closing mark, which leaves the
verb of saying without what was said, and make an opening mark a sentence of its own. A
mark joined to the word before it closes a quotation, and one joined to the word after it
opens one; neither that word nor a closing mark, nor a comma, starts a sentence, and
neither does a word joined to the one before it ("Royaume-Uni", which the models cut at
the hyphens), nor a word in lower case after one that ends nothing ("Ankara a arrêté |
quatre de ses ressortissants", '"Par | son agression, Israël a renié', both cut by the
models): only a paragraph break or an end mark ends a sentence before it."""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language

from ..french.french_dates import MONTHS, WEEKDAYS


QUOTES = frozenset({'"', "«", "»", "“", "”"})
NEVER_FIRST = frozenset({",", ";", ")", "»", "”"})
ENDS = frozenset({".", "!", "?", "…", *QUOTES})
SOFT_ENDS = frozenset({":", "..."})  # may close a heading or a list's lead-in
LINE_BREAK = re.compile(r"\n\s*")  # ends where the next line's first word begins
CLOSING_AFTER_END = re.compile(r"[.!?]([\"”’)])")  # 'propaganda."', "(... in 1984.)"


@Language.component("communique_paragraph_starts")
def paragraph_starts(doc):
    """English: the paragraph breaks, and no sentence start at a closing mark; the model's
    other sentence ends are kept. The words after a line break and the closing marks are
    found in the text, not by reading every token.

    A closing mark joined to the full stop before it ('were "misleading propaganda."') ends
    that sentence. The model starts the next sentence with it, and when a paragraph break
    follows, it is a sentence of its own: then "He said ..." after it was two sentences from
    the spokesman it stands for, out of reach of the pronoun rule."""
    text = doc.text
    breaks = "\n" in text
    closings = CLOSING_AFTER_END.search(text) is not None
    if not breaks and not closings:
        return doc
    starts = doc.to_array(SENT_START).astype("int64")
    offsets = doc.to_array(IDX)  # each token's first character, in order

    def token_at(offset: int) -> int | None:
        i = int(numpy.searchsorted(offsets, offset))
        return i if 0 < i < len(doc) and offsets[i] == offset else None

    for match in LINE_BREAK.finditer(text) if breaks else ():
        if (i := token_at(match.end())) is not None:
            starts[i] = 1
    for match in CLOSING_AFTER_END.finditer(text) if closings else ():
        if (i := token_at(match.start(1))) is not None:
            starts[i] = -1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc


@Language.component("communique_paragraph_breaks")
def paragraph_breaks(doc):
    """French: the paragraph breaks, and no sentence start inside a sentence."""
    # Read into plain lists once: spaCy builds a Token object at every index into the Doc.
    words = [_Word(t.text, t.lower_, t.whitespace_, t.is_space, t.like_num) for t in doc]
    # and write the boundaries back in one array: most words are now marked, and setting
    # each through its Token cost 7% of the French parse
    starts = doc.to_array(SENT_START).astype("int64")
    after_break = False
    for i, word in enumerate(words):
        if word.is_space and "\n" in word.text:
            after_break = True
            continue
        if after_break and i > 0:
            starts[i] = 1
        elif i > 0 and _inside(words, i):
            starts[i] = -1
        elif i > 1 and _opens_after_full_stop(words, i):
            starts[i] = 1
        after_break = "\n" in word.whitespace
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 wraps, as spaCy's
    return doc


class _Word(NamedTuple):
    text: str
    lower: str
    whitespace: str
    is_space: bool
    like_num: bool


def _inside(words: list[_Word], i: int) -> bool:
    """Whether word ``i`` continues the sentence before it: a comma or closing mark, a mark
    joined to the word before it, or the word an opening mark is joined to."""
    word, before = words[i], words[i - 1]
    if word.text in NEVER_FIRST:
        return True
    if not before.whitespace and not before.is_space and before.text not in ENDS:
        return True  # "Royaume-Uni", "a-t-il": the models cut at hyphens inside words
    if word.text in QUOTES and not before.whitespace and not before.is_space:
        return True  # 'inacceptable"': closes
    if word.text[:1].islower() and before.text not in ENDS and before.text not in SOFT_ENDS:
        return True  # "Ankara a arrêté | quatre de ses ressortissants": no end mark, no end
    if _ends_a_date(words, i - 1):
        return True  # "a averti samedi 12 septembre Emmanuel Macron": the object follows
    return (
        before.text in QUOTES
        and not before.whitespace
        and i > 1
        and (words[i - 2].whitespace or words[i - 2].is_space)
    )  # '"Nous': opens


def _opens_after_full_stop(words: list[_Word], i: int) -> bool:
    """An opening mark after a full stop, joined to a word in capitals: '..., a-t-il
    souligné. "Au Proche-Orient, nos forces...' starts a sentence, which the French models
    run on from the one before."""
    word, before = words[i], words[i - 1]
    return (
        word.text in QUOTES
        and not word.whitespace
        and i + 1 < len(words)
        and words[i + 1].text[:1].isupper()
        and before.text == "."
        and bool(before.whitespace)
        and not words[i - 2].whitespace  # "souligné." and not a lone mark
        and words[i - 2].text[:1].islower()
    )


def _ends_a_date(words: list[_Word], i: int) -> bool:
    """A French day or month name, or a day's number after one, with no end mark: the French
    models end a sentence after "samedi 12 septembre" when a name follows."""
    word = words[i]
    if word.lower in MONTHS or word.lower in WEEKDAYS:
        return True
    return word.like_num and i > 0 and words[i - 1].lower in WEEKDAYS
