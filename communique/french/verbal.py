"""French attacks made with words: "ses attaques verbales contre Washington", "le président
américain a attaqué de front son homologue français". Force aimed at a person named by an
office, at a decision, a plan or a policy (grammar.yaml's ``verbal_targets``), or called
verbal (``verbal_qualifiers``), is criticism (CAMEO 111), as the English coder reads
"attacked Labour's pledges" (events/guards.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .patterns import VerbPattern, grammar

CRITICISM = "111"
FORCE_ROOTS = ("18", "19")


def as_criticism(
    pattern: VerbPattern | None, trigger, aimed_at: Callable[[], list]
) -> VerbPattern | None:
    """``pattern`` recoded as criticism when its act of force is made with words;
    ``aimed_at`` gives the words for what it is aimed at (the verb's objects, the noun's
    "contre"), read only for an act of force: the coder asks for every trigger."""
    if pattern is None or pattern.code[:2] not in FORCE_ROOTS:
        return pattern
    words = grammar()
    called_verbal = any(
        c.dep_ in ("amod", "advmod") and c.lemma_.lower() in words["verbal_qualifiers"]
        for c in trigger.children
    )
    hit = aimed_at()
    aimed_at_words = bool(hit) and all(
        t.pos_ == "NOUN" and t.lemma_.lower() in words["verbal_targets"] for t in hit
    )
    if called_verbal or aimed_at_words:
        return dataclasses.replace(pattern, code=CRITICISM)
    return pattern
