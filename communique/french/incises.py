"""Incises: a verb of saying or judging set after what was said, with its subject after it
('« ... », a déclaré le ministre', '« ... », a déploré le président français'), where the
French models read that subject as the verb's object."""

from __future__ import annotations

from ..nlp.paragraphs import QUOTES

INCISE_MARKS = frozenset({",", '"', "»", "”", "-"})


def finite(verb) -> bool:
    """A verb in a finite form or a compound tense ("déplore", "a déploré"), not a participle
    standing alone (", dénonçant la « dictature »", said of the sentence's subject)."""
    return "Fin" in verb.morph.get("VerbForm") or any(c.dep_ == "aux:tense" for c in verb.children)


def after_quotation(verb) -> bool:
    """A finite verb right after a quotation and its comma: '« ... », a dénoncé M. Kalin',
    where French puts the subject after the verb."""
    if not finite(verb):
        return False
    first = incise_start(verb)
    return first > 1 and verb.doc[first - 1].text == "," and verb.doc[first - 2].text in QUOTES


def incise_start(verb) -> int:
    """The index of the verb's first word, back over its auxiliary and adverbs."""
    first = verb.i
    while (
        first > 0
        and verb.doc[first - 1].head.i == verb.i
        and (verb.doc[first - 1].dep_.startswith(("aux", "advmod", "expl")))
    ):
        first -= 1
    return first


def in_incise(verb) -> bool:
    """Whether a verb of saying stands in an incise, where French puts the subject after it:
    '« ... », a déclaré le ministre'; not "a décidé de rappeler son ambassadeur"."""
    if verb.dep_ == "parataxis":
        return True
    first = incise_start(verb)  # ", a déjà déclaré": back over the auxiliary and adverbs
    return first > 0 and verb.doc[first - 1].text in INCISE_MARKS
