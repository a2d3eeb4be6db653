"""Modality and negation of a trigger, from the words that govern it (data/modality.yaml).

- ``negated``: a negator on the trigger ("did not sign") or a negating verb governing it
  ("refused to sign").
- ``hypothetical``: a modal auxiliary ("may attack") or a conditional clause ("if they sign").
- ``intended``: a future auxiliary ("will visit") or a verb of intent governing the trigger
  ("plans to visit"); such events take CAMEO's "express intent" code for their root.
- ``reported``: the trigger sits in the complement of a verb of saying ("X said Y attacked").
- ``asserted`` otherwise.
"""
from __future__ import annotations

import functools
from importlib import resources

import srsly

DATA = resources.files("communique.events") / "data"


@functools.cache
def _words() -> dict:
    data = srsly.read_yaml(DATA / "modality.yaml")
    return {key: (set(value) if isinstance(value, list) else value) for key, value in data.items()}


def clause_modality(trigger) -> tuple[str, bool, bool]:
    """(modality, negated, stated_intent): the last is true when an actor states the intent
    ("plans to visit", "will visit"), as opposed to a purpose clause ("to honor")."""
    words = _words()
    stated = False
    negated = any(c.dep_ == "neg" or c.lower_ in words["negators"] and c.dep_ in ("det", "advmod")
                  for c in trigger.children)
    modality = "asserted"
    auxiliaries = {c.lemma_.lower() for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & words["hypothetical_auxiliaries"]:
        modality = "hypothetical"
    elif auxiliaries & words["intent_auxiliaries"]:
        modality, stated = "intended", True
    if trigger.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        modality = "intended"  # a purpose: "sought support to combat terrorist groups"
    token = trigger
    for _ in range(6):  # walk up the clauses that govern the trigger
        if any(c.dep_ == "mark" and c.lower_ in words["conditional_markers"]
               for c in token.children):
            return "hypothetical", negated, False
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "xcomp":
            lemma = head.lemma_.lower()
            if lemma in words["negating_verbs"]:
                negated = True
            elif lemma in words["intent_verbs"] and modality == "asserted":
                modality, stated = "intended", True
            if any(c.dep_ == "neg" for c in head.children):
                negated = True
        if token.dep_ in ("ccomp",) and head.lemma_.lower() in words["speech_verbs"]:
            if modality == "asserted":
                modality = "reported"
            break
        if token.dep_ not in ("xcomp", "conj", "advcl", "ccomp"):
            break
        token = head
    return modality, negated, stated


def intent_code(code: str) -> str:
    """The "express intent" code for an intended event ("plans to visit": 036)."""
    return _words()["intent_codes"].get(code[:2], code)
