"""Agents a text names again by their head noun: "EC foreign ministers met here ...
Ministers also warned", "Chad's military high command said ... the high command said". The
later mention is of the party of the earlier (actors/context.py, its rule 3)."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Actor, Mention
from .gazetteer import singular

SAME_HEAD_SENTENCES = 2  # how far back an agent's head noun finds the mention it repeats


def party(actor: Actor) -> str | None:
    return actor.code if actor.country == "IGO" else actor.country


def repeated_mention(
    doc,
    mention: Mention,
    resolved: Mapping[str, list[tuple[int, Mention]]],
    sentence_of: Mapping[int, int],
) -> Mention | None:
    """The mention an agent repeats, in its sentence or the two before: one of the same head
    noun whose words hold all of the agent's ("EC foreign ministers met here ... Ministers
    also warned", "Chad's military high command said ... the high command said"; not
    "European monetary officials" after "Japanese officials"). None where those mentions are
    of different parties ("French officials met U.S. officials. Officials said").
    ``resolved``: the mentions with a party so far, by their head's lemma, each with its
    sentence's number; ``sentence_of``: a token's sentence number."""
    token = doc[mention.head]
    if token.dep_ == "compound":
        return None  # "other ministry moves": a modifier, not a party named again
    here = sentence_of[token.i]
    words = mention_words(doc, mention)
    before = [
        earlier
        for sentence, earlier in resolved.get(head_lemma(token), ())
        if here - SAME_HEAD_SENTENCES <= sentence and words <= mention_words(doc, earlier)
    ]
    parties = {party(m.actors[0]) for m in before}
    return before[-1] if len(parties) == 1 else None


def mention_words(doc, mention: Mention) -> set[str]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") or ()
    return {head_lemma(t) for t in span if t.is_alpha and t.tag_ != "DT"}


def head_lemma(token) -> str:
    """A noun's lemma. The tagger takes a plural that opens a sentence for a name, which is
    its own lemma ("Ministers also warned"): such a word is lemmatised as the plural it is."""
    lemma = token.lemma_.lower()
    if token.tag_ in ("NNP", "NNPS") and token.is_sent_start:
        return singular(lemma) or lemma
    return lemma


def is_plural(token) -> bool:
    """Whether a noun is plural, as the tagger says, or as ``head_lemma`` reads it."""
    return token.tag_ in ("NNS", "NNPS") or head_lemma(token) != token.lemma_.lower()
