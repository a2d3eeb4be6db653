"""Two titled names joined by "and", which the English model reads as one.

"West German Finance Minister Gerhard Stoltenberg and U.S. Treasury Secretary James Baker
reaffirmed ..." comes out of en_core_web_sm as one noun phrase headed by "Baker": the first
name hangs on the second title ("Stoltenberg" a modifier of "Secretary"), or stands in
apposition to its own title, which hangs on the second name ("Finance Minister Gerhard
Stoltenberg and Treasury Secretary James Baker met"), the words of its title on "Baker",
and "U.S." or "Secretary" is the conjunct of "Stoltenberg". The actor stage then sees one
mention (American) where the text names two people of two countries, and a later
"Stoltenberg" is no one. This component, run after the parser and the recogniser, gives the
first name its own phrase back: it takes the place the phrase had in its clause, with its
title's words, and the second name becomes its conjunct, with its own.

It acts only where the recogniser reads a person's name just before the "and" and another
at the end of the phrase, both inside the one phrase the parser made.
"""

from __future__ import annotations

import logging

from spacy.language import Language

logger = logging.getLogger(__name__)

NAME_TAGS = frozenset({"PROPN", "NOUN"})


@Language.component("communique_coordinated_names")
def coordinated_names(doc):
    persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    if len(persons) < 2:
        return doc
    for first in persons:
        name = doc[first.end - 1]
        if first.end >= len(doc) or doc[first.end].lower_ != "and":
            continue
        joint = doc[first.end]
        head = _phrase_head(name)
        if head is None or head.i <= joint.i or head.ent_type_ != "PERSON":
            continue
        if joint.head.i != name.i or not _inside(doc, name, joint, head):
            continue
        _split(doc, name, joint, head)
    return doc


def _phrase_head(token):
    """The head of the noun phrase ``token`` modifies from inside: up through names and
    nouns, to the last one whose own head is no name or noun of the same phrase."""
    if token.dep_ not in ("nmod", "compound", "appos"):
        return None  # "Stoltenberg" a modifier of "Secretary", or in apposition to "Minister"
    if token.dep_ == "appos" and token.head.pos_ in NAME_TAGS:
        token = token.head  # "Finance Minister Gerhard Stoltenberg", the title first
    while token.dep_ in ("nmod", "compound") and token.head.pos_ in NAME_TAGS:
        if token.head.i <= token.i:
            return None  # a phrase that runs leftwards is not this misreading
        token = token.head
    return token


def _inside(doc, name, joint, head) -> bool:
    """Whether every word between the "and" and ``head`` hangs, through words of the same
    stretch, on ``head`` or on the first name (as "U.S." does, read as its conjunct)."""
    for i in range(joint.i + 1, head.i):
        token = doc[i]
        for _ in range(len(doc)):
            if token.i in (head.i, name.i):
                break
            if token.head.i == token.i or not name.i <= token.head.i <= head.i:
                return False
            token = token.head
    return True


def _split(doc, name, joint, head) -> None:
    left = range(head.left_edge.i, joint.i)  # the first title and name
    right = range(joint.i + 1, head.i)  # the second title, before its name
    moved_left = [doc[i] for i in left if doc[i].i != name.i and doc[i].head.i not in left]
    moved_right = [doc[i] for i in right if doc[i].head.i not in right and doc[i].head.i != head.i]
    clause_head, clause_dep = head.head, head.dep_
    is_root = head.head.i == head.i
    # the first name takes the phrase's place in its clause ...
    name.head = name if is_root else clause_head
    name.dep_ = "ROOT" if is_root else clause_dep
    # ... with the words of its title, and the second name joined to it
    for token in moved_left:
        token.head = name
    head.head = name
    head.dep_ = "conj"
    for token in moved_right:  # "U.S.", read as the first name's conjunct
        token.head = head
        token.dep_ = "compound"
    logger.debug("split %r from %r", name.text, head.text)
