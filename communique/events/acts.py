"""One act, one event: triggers of one clause chain that code the same act are merged.

"The US government agreed to fund all expenses" is one promise, though "agreed" (030) and
"to fund" (031) are both triggers; "authorities clamped down on weblogs, restricting access"
is one crackdown (173 and 170). When a trigger governs another as its infinitive or its
participle (``xcomp``, ``advcl``), and both code an event of the same CAMEO root between the
same parties, the record keeps one of them: the one that names a target, else the one with
the more specific code (not the root's catch-all ``..0``), else the governing one.

Acts of different roots stay apart: "troops crossed the border, killing two soldiers" is a
movement and an assault.

A statement that frames a reported act adds nothing to it: "Chad's command said troops
killed 1,269 Libyan soldiers" is the killing (TCD -> LBY 190), as PETRARCH2 codes reported
speech, not also a statement to Libya. A plain statement (CAMEO 010) aimed at a country is
left out when its sentence codes another act between the same two countries
(``without_framing_statements``); a comment of its own kind stays, for it is what was done:
"in meetings with Japan's ministers, Howard expressed deep concern about the way Tokyo had
handled the dispute" is a meeting and a pessimistic comment (012).

An act that a judgement alleges is the judgement's content, not an act reported as done:
"Turkey accused Greece of breaching the Berne Agreement" is the accusation (112), not also a
breach by Greece (``without_alleged_acts``); the same for "blamed Japan for provoking" and
"a accusé la Grèce d'avoir violé". Dropping those alleged acts took a reversed "reneging" of
Japan's and a breach of Greece's out of the Reuters pool and raised PLOVER precision.
"""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)

CHAINING_DEPS = ("xcomp", "advcl")


def one_event_per_act(doc, events: list[dict], trigger_of: dict[str, int]) -> list[dict]:
    """The events without those that restate an act their governing trigger coded."""
    by_token: dict[int, list[dict]] = {}
    for event in events:
        index = trigger_of.get(event["id"])
        if index is not None:
            by_token.setdefault(index, []).append(event)
    dropped: set[str] = set()
    for index, dependents in by_token.items():
        token = doc[index]
        if token.dep_ not in CHAINING_DEPS or token.head.i == token.i:
            continue
        for governing in by_token.get(token.head.i, ()):
            for dependent in dependents:
                if dependent["id"] in dropped or governing["id"] in dropped:
                    continue
                if _same_act(governing, dependent):
                    dropped.add(_weaker(governing, dependent)["id"])
    if dropped:
        logger.debug(
            "%d events restate an act coded by the trigger that governs them", len(dropped)
        )
    return [event for event in events if event["id"] not in dropped]


def _same_act(governing: dict, dependent: dict) -> bool:
    if governing["cameo_root"] != dependent["cameo_root"]:
        return False
    if governing["source"].get("code") != dependent["source"].get("code"):
        return False
    targets = [(event.get("target") or {}).get("code") for event in (governing, dependent)]
    return targets[0] == targets[1] or None in targets


def _weaker(governing: dict, dependent: dict) -> dict:
    """Of two records of one act, the one to leave out."""

    def strength(event: dict) -> tuple[bool, bool]:
        return (bool((event.get("target") or {}).get("code")), event["cameo"][2:] not in ("", "0"))

    return governing if strength(dependent) > strength(governing) else dependent


STATEMENT_ROOT = "01"
PLAIN_STATEMENT = "010"


def without_framing_statements(events: list[dict]) -> list[dict]:
    """The events without the plain statements whose sentence codes another act between the
    same two countries, one that happened: not an act only supposed or denied ("Japan said an
    agreement was needed before Tokyo extended fresh loans to Warsaw" is a statement)."""

    def dyad(event: dict) -> tuple:
        target = (event.get("target") or {}).get("country")
        return (event["evidence"]["start"], event["source"].get("country"), target)

    acts = {
        dyad(e)
        for e in events
        if e["cameo_root"] != STATEMENT_ROOT
        and e.get("modality") != "hypothetical"
        and not e.get("negated")
    }
    kept = [
        e
        for e in events
        if not (
            e["cameo"] == PLAIN_STATEMENT
            and (e.get("target") or {}).get("country")
            and dyad(e) in acts
        )
    ]
    if len(kept) < len(events):
        logger.debug("%d statements frame an act coded in their sentence", len(events) - len(kept))
    return kept


JUDGED_ROOTS = ("11",)  # disapprove: accuse, blame, criticise, reproach


def without_alleged_acts(doc, events: list[dict], trigger_of: dict[str, int]) -> list[dict]:
    """The events without the acts that a judgement in their clause alleges: "Turkey accused
    Greece of breaching the agreement" is an accusation (112), not also a breach."""
    judging = {
        trigger_of[e["id"]]
        for e in events
        if e["cameo_root"] in JUDGED_ROOTS and e["id"] in trigger_of
    }
    kept = []
    for event in events:
        index = trigger_of.get(event["id"])
        token = doc[index] if index is not None else None
        if token is not None and _alleged(token, judging):
            continue
        kept.append(event)
    return kept


def _alleged(token, judging: set[int]) -> bool:
    """Whether ``token`` is the act a judgement alleges: "accused Greece of breaching",
    "blamed Japan for provoking", "charged Japan with violating GATT rules by restricting
    imports" (the means of an act alleged is alleged too), "a accusé la Grèce d'avoir violé"."""
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for", "with"):
        return token.head.head.i in judging
    if token.dep_ == "pcomp" and token.head.lower_ == "by" and token.head.head.pos_ == "VERB":
        return _alleged(token.head.head, judging)
    return token.head.i in judging and any(
        c.dep_ == "mark" and c.lower_ in ("de", "d'", "d’") for c in token.children
    )
