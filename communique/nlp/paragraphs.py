"""A sentence never runs across a paragraph break: French models, unlike the English one,
join "...au calme.\\n\\nLa France a salué..." into one sentence, and the coder would then
tie one report's actors to the other's verb. Set before the parser, which keeps the
boundaries it is given.

Nor does a sentence end inside a quotation's marks: the French models cut
'« ... inacceptable », a déclaré Emmanuel Macron' after the closing mark, which leaves the
verb of saying without what was said, and make an opening mark a sentence of its own. A
mark joined to the word before it closes a quotation, and one joined to the word after it
opens one; neither that word nor a closing mark, nor a comma, starts a sentence, and
neither does a word joined to the one before it ("Royaume-Uni", which the models cut at
the hyphens)."""

from __future__ import annotations

from spacy.language import Language

from ..french.french_dates import MONTHS, WEEKDAYS


QUOTES = frozenset({'"', "«", "»", "“", "”"})
NEVER_FIRST = frozenset({",", ";", ")", "»", "”"})
ENDS = frozenset({".", "!", "?", "…", *QUOTES})


@Language.component("communique_paragraph_breaks")
def paragraph_breaks(doc):
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        elif token.i > 0 and _inside(doc, token):
            token.is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc


def _inside(doc, token) -> bool:
    """Whether ``token`` continues the sentence before it: a comma or closing mark, a mark
    joined to the word before it, or the word an opening mark is joined to."""
    before = doc[token.i - 1]
    if token.text in NEVER_FIRST:
        return True
    if not before.whitespace_ and not before.is_space and before.text not in ENDS:
        return True  # "Royaume-Uni", "a-t-il": the models cut at hyphens inside words
    if token.text in QUOTES and not before.whitespace_ and not before.is_space:
        return True  # 'inacceptable"': closes
    if _ends_a_date(doc, before):
        return True  # "a averti samedi 12 septembre Emmanuel Macron": the object follows
    return (
        before.text in QUOTES
        and not before.whitespace_
        and before.i > 0
        and (doc[before.i - 1].whitespace_ or doc[before.i - 1].is_space)
    )  # '"Nous': opens


def _ends_a_date(doc, token) -> bool:
    """A French day or month name, or a day's number after one, with no end mark: the French
    models end a sentence after "samedi 12 septembre" when a name follows."""
    if token.lower_ in MONTHS or token.lower_ in WEEKDAYS:
        return True
    return token.like_num and token.i > 0 and doc[token.i - 1].lower_ in WEEKDAYS
