"""When an event happened: the time words of its clause, or the publication date.

``event_date`` looks at the trigger, then at the clause it depends on for its time ("on
Monday, where they signed"; "the talks were held on Friday" for the event noun "talks"), for
date entities among their own dependents, and resolves the first one against the
publication date ("last week", "65 years ago", "in 1989", "in March 2004"), with the
precision the expression has (day, month or year). Without one, the event is dated to the
publication day; without that, it has no date.

Past and future. Only an event that is intended or hypothetical (modality.py: "will visit",
"plans to visit", "may attack") may be dated after its article, and then only by words of its
own clause or of a governing clause that is itself about the future: "will visit on Friday"
is the Friday after the paper, "agreed on Monday to visit" the Monday before it, "could have
signed" is past. Any other event takes the weekday or month before the paper ("the talks
were held on Friday"), and a date that still falls after the paper ("signed in 2007" in a
paper of 2005; "the talks will be held on Friday" where the noun "talks" is coded as
asserted) is not used: the event is dated as if its clause named no time, by the
publication day. That date is what a report of an event is known by when nothing else is;
a date the text contradicts for an event it does not put in the future would be an invented
one.

A decade or a century ("in the 1990s", "the 19th century", "decades ago") leaves the event
undated (date and precision null): the first year of the decade at year precision would
claim a year the text does not give, and the publication day would be wrong by years.
"""

from __future__ import annotations

from datetime import date

from ..actors.tree import Tree
from ..nlp.dates import resolve_date
from .modality import clause_modality

FUTURE_MODALITIES = ("intended", "hypothetical")
# Verbs that say when the event named by their subject or object took place: "the talks were
# held on Friday", "the visit took place in 1985", "talks resumed on Monday".
OCCURRENCE_VERBS = frozenset(
    (
        "hold",
        "take",
        "begin",
        "start",
        "open",
        "end",
        "conclude",
        "close",
        "resume",
        "continue",
        "happen",
        "occur",
        "break",
        "collapse",
        "stall",
    )
)


def event_date(
    token, tree: Tree, published: str | None, modality: str | None = None
) -> tuple[str | None, str | None]:
    """(ISO date, precision: day, month or year) of the event ``token`` triggers, whose
    modality is ``modality``; (None, None) when it has none."""
    may_be_future = modality in FUTURE_MODALITIES and not _perfect(token)
    for holder in _clause_heads(token):
        future = may_be_future
        if holder is not token and holder.pos_ in ("VERB", "AUX"):
            if may_be_future:
                future = not _past(holder)  # "agreed on Monday to visit": a Monday before
            elif _speaks_of_future(holder):
                continue  # "the talks will be held on Friday", the talks coded as asserted
        for expression in _date_expressions(holder, tree):
            resolved = resolve_date(expression, published, future)
            if resolved is not None:
                return resolved
    if published:
        return published, "day"
    return None, None


def days_between(earlier: str, later: str) -> int:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


# An event its own words date more than a year before its article is background history.
HISTORICAL_DAYS = 366


def is_historical(when: str | None, precision: str | None, published: str | None) -> bool:
    """Whether an event dated by its own words (``precision`` set) ``when`` falls more than
    ``HISTORICAL_DAYS`` before the article's publication day."""
    return bool(
        when and published and precision and days_between(when, published) > HISTORICAL_DAYS
    )


def _clause_heads(token):
    """The trigger, then the clause it depends on for its time ("on Monday, where they signed");
    a coordinated clause with a subject of its own has its own time."""
    yield token
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if token.dep_ in ("relcl", "advcl", "xcomp", "acl") or (
        token.dep_ == "conj" and not own_subject
    ):
        yield token.head
    elif (
        token.pos_ in ("NOUN", "PROPN")
        and token.dep_ in ("nsubj", "nsubjpass", "dobj")
        and token.head.lemma_.lower() in OCCURRENCE_VERBS
    ):
        yield token.head  # "the talks were held on Friday"


def _speaks_of_future(holder) -> bool:
    """Whether the clause of ``holder`` (a verb) may be about a time after the paper."""
    return clause_modality(holder).modality in FUTURE_MODALITIES and not _perfect(holder)


def _perfect(token) -> bool:
    """ "could have signed", "would have attacked": a past the modal speaks of."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)


def _past(verb) -> bool:
    """A verb in a past or perfect tense: "agreed", "was expected", "has agreed"."""
    return (
        verb.tag_ == "VBD"
        or _perfect(verb)
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    )


def _date_expressions(holder, tree: Tree):
    """Date entities among the holder's own dependents (not inside nested clauses)."""
    expressions = []
    if holder.ent_type_ == "DATE":
        expressions.append(_entity_text(holder))
    for child in tree.children(holder):
        if child.dep_ in ("relcl", "ccomp", "advcl", "acl", "conj", "xcomp", "parataxis"):
            continue
        for token in tree.subtree(child):
            if token.ent_type_ == "DATE" and token.ent_iob_ == "B":
                expressions.append(_entity_text(token))
    return expressions


def _entity_text(token) -> str:
    """The text of the entity that ``token`` is part of; its own text outside any entity.

    The entity's bounds are read off the IOB tags around the token, as ``doc.ents`` draws
    them (a "B" with a label, then every "I"): ``doc.ents`` itself rebuilds every entity of
    the document on each call, which made coding a long text quadratic in its length.
    """
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B" or not doc[start].ent_type_:
        return token.text
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text
