"""Explain: why the coder made each event, for the users and developers who check it.

An optional stage after ``events`` (``communique code --explain``, ``communique explain``).
For each event it records, under ``explanation``:

- the clause: the trigger and the chain of dependency relations from it to the sentence's
  root ("signed <ROOT");
- the pattern that fired, as file and line, with the line's text (a user dictionary's file
  is named by its path);
- each side's path from the trigger in the dependency tree ("met -nsubj-> Putin") and the
  rule that resolved its actor (README: "How actors are resolved");
- the other actors of the sentence that the event does not use, with the reason the coder
  had not to take them, where one is plain from the record (a place, no country, the
  source's own country).
"""

from __future__ import annotations

import functools
import logging
from importlib import resources
from pathlib import Path

from ..model import Article, Mention
from ..stages import register_stage

logger = logging.getLogger(__name__)

DATA_FOLDERS = (
    resources.files("communique.events") / "data",
    resources.files("communique.actors") / "data",
)


@register_stage("explain", requires=["doc", "mentions", "events"], assigns=["events"])
class Explainer:
    """Pipeline stage: adds an ``explanation`` to each event of the article."""

    def __init__(self, settings):
        self.settings = settings

    def __call__(self, article: Article) -> Article:
        for event in article.events:
            if event["evidence"].get("field", "text") == "text":
                event["explanation"] = explain_event(article, event)
        return article


def explain_event(article: Article, event: dict) -> dict:
    doc = article.doc
    start = event["evidence"]["start"]
    sentence = next((s for s in doc.sents if s.start_char == start), None)
    if sentence is None:
        return {}
    trigger_word = event["evidence"]["trigger"].split()[0]
    trigger = next((t for t in sentence if t.text == trigger_word), sentence.root)
    in_sentence = [
        m for m in article.mentions if sentence.start_char <= m.start < sentence.end_char
    ]
    sides = {}
    used = set()
    for role in ("source", "target"):
        actor = event[role]
        mention = _mention_of(in_sentence, actor) if actor else None
        if mention is not None:
            used.add(id(mention))
        sides[role] = {
            "code": (actor or {}).get("code"),
            "text": (actor or {}).get("text"),
            "rule": mention.rule if mention is not None else None,
            "path": _path(trigger, doc[mention.head]) if mention is not None else None,
        }
    others = [
        {
            "text": article.text[m.start : m.end],
            "codes": [a.code for a in m.actors],
            "rule": m.rule,
            "why": _why_not(m, event),
        }
        for m in in_sentence
        if id(m) not in used and any(a.country for a in m.actors)
    ]
    return {
        "clause": _clause(trigger),
        "pattern": event.get("pattern") or "",
        "pattern_line": pattern_line(event.get("pattern") or ""),
        "source": sides["source"],
        "target": sides["target"],
        "not_taken": others,
    }


def _mention_of(mentions: list[Mention], actor: dict) -> Mention | None:
    """The mention an event's actor came from: the one with its text and code."""
    for mention in mentions:
        for candidate in mention.actors:
            if candidate.code == actor.get("code") and (
                not actor.get("text")
                or actor["text"] in candidate.text
                or candidate.text in actor["text"]
            ):
                return mention
    return None


def _path(trigger, token) -> str:
    """The dependency path from the trigger to ``token``: up to their common ancestor, then
    down ("met -nsubj-> Putin", "signed <-conj- agreed -nsubj-> Mali")."""
    up = [trigger]
    while up[-1].head.i != up[-1].i:
        up.append(up[-1].head)
    down = [token]
    while down[-1].i not in {t.i for t in up} and down[-1].head.i != down[-1].i:
        down.append(down[-1].head)
    common = down[-1]
    steps = []
    for child in up:
        if child.i == common.i:
            break
        steps.append(f"{child.text} <-{child.dep_}-")
    steps.append(common.text)
    for child in reversed(down[:-1]):
        steps.append(f"-{child.dep_}-> {child.text}")
    return " ".join(steps)


def _clause(trigger) -> str:
    """The trigger and the relations that tie it to its sentence's root."""
    chain = [f"{trigger.text}/{trigger.pos_}"]
    token = trigger
    while token.head.i != token.i:
        chain.append(f"<{token.dep_}- {token.head.text}")
        token = token.head
    chain.append("(root)")
    return " ".join(chain)


def _why_not(mention: Mention, event: dict) -> str:
    kinds = {a.kind for a in mention.actors}
    source_country = event["source"].get("country")
    if kinds == {"place"}:
        return "a place: where the event happens, not a party"
    if kinds == {"qualifier"}:
        return "a country that only qualifies a thing"
    if source_country and all(a.country == source_country for a in mention.actors):
        return "the source's own country"
    return "not an argument of the trigger's clause"


@functools.cache
def pattern_line(origin: str) -> str:
    """The text of the dictionary line a pattern was read from ("patterns.tsv:468")."""
    name, _, line = origin.rpartition(":")
    if not name or not line.isdigit():
        return ""
    candidates = (
        [Path(name)]
        if Path(name).is_absolute()
        else [Path(str(folder / name)) for folder in DATA_FOLDERS]
    )
    for path in candidates:
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            number = int(line)
            return lines[number - 1] if 0 < number <= len(lines) else ""
    return ""


def explanation_text(article: Article) -> str:
    """The explanations of an article's events, as ``communique code --explain`` prints them."""
    blocks = []
    for event in article.events:
        why = event.get("explanation")
        if not why:
            continue
        target = event["target"] or {}
        lines = [
            f"{article.id}  {event['source']['code'] or '-'} -> {target.get('code') or '-'}"
            f"  {event['cameo']} {event['cameo_name']}  ({event['modality']}"
            f"{', negated' if event['negated'] else ''})",
            f"  sentence: {event['evidence']['sentence']}",
            f"  clause:   {why['clause']}",
            f"  pattern:  {why['pattern']}  {why['pattern_line'].strip()}",
        ]
        for role in ("source", "target"):
            side = why[role]
            if side["code"] is None and side["text"] is None:
                lines.append(f"  {role}:   none")
                continue
            lines.append(
                f'  {role}:   {side["code"] or "-"} "{side["text"] or ""}" '
                f"rule={side['rule'] or '-'} path: {side['path'] or '-'}"
            )
        for other in why["not_taken"]:
            lines.append(
                f'  not taken: "{other["text"]}" ({", ".join(filter(None, other["codes"]))}'
                f", rule={other['rule']}): {other['why']}"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
