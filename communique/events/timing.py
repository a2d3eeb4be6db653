"""When an event happened: the time words of its clause, or the publication date.

``event_date`` looks at the trigger, then at the clause it depends on for its time ("on
Monday, where they signed"), for date entities among their own dependents, and resolves the
first one against the publication date ("last week", "65 years ago", "in 1989"). Without
one, the event is dated to the publication day; without that, it has no date.
"""
from __future__ import annotations

from datetime import date

from ..actors.tree import Tree
from ..nlp.dates import resolve_date


def event_date(token, tree: Tree, published: str | None) -> tuple[str | None, str | None]:
    """(ISO date, precision: day, month or year) of the event ``token`` triggers."""
    for holder in _clause_heads(token):
        for expression in _date_expressions(holder, tree):
            resolved = resolve_date(expression, published)
            if resolved is not None:
                return resolved
    if published:
        return published, "day"
    return None, None


def days_between(earlier: str, later: str) -> int:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def _clause_heads(token):
    """The trigger, then the clause it depends on for its time ("on Monday, where they signed");
    a coordinated clause with a subject of its own has its own time."""
    yield token
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if token.dep_ in ("relcl", "advcl", "xcomp", "acl") or (token.dep_ == "conj" and not own_subject):
        yield token.head


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
