"""Phrases: the stretch of a sentence that names one actor, read off the dependency parse.

A phrase is built around a root token (the syntactic head of a noun phrase). It holds the
root's premodifiers ("Russian President Vladimir", "Mali's transitional"), its appositions
(", Colonel Assimi Goita"), and the complement of a title ("spokesman for the ministry",
"President of Russia"). Every gazetteer anchor and named entity inside is gathered on the
phrase, for the resolver to weigh.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .anchors import Anchor

# Dependents that modify a noun from the left inside its phrase.
PREMODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case",
                    "flat", "predet", "advmod", "npadvmod", "nn", "prep"}
# Tokens that hang on a root from inside the same phrase; a root is never one of these.
INNER_DEPS = PREMODIFIER_DEPS - {"prep", "advmod", "npadvmod"}
TITLE_PREPOSITIONS = {"of", "for"}
ACTOR_KINDS = {"person", "organisation", "country", "demonym", "community", "place", "title",
               "agent", "reference"}


@dataclass
class Phrase:
    root: int
    tokens: set[int]
    anchors: list[Anchor] = field(default_factory=list)
    complements: list["Phrase"] = field(default_factory=list)  # "of X" / "for X" of a title

    @property
    def all_tokens(self) -> set[int]:
        tokens = set(self.tokens)
        for complement in self.complements:
            tokens |= complement.all_tokens
        return tokens

    @property
    def start(self) -> int:
        return min(self.tokens)

    @property
    def end(self) -> int:  # exclusive
        return max(self.tokens) + 1


def anchor_index(anchors: list[Anchor]) -> dict[int, Anchor]:
    return {i: anchor for anchor in anchors for i in range(anchor.start, anchor.end)}


def is_title_token(token, by_token: dict[int, Anchor]) -> bool:
    anchor = by_token.get(token.i)
    return anchor is not None and anchor.kind in ("title", "agent")


def root_of(token, by_token: dict[int, Anchor]):
    """The head of the noun phrase that ``token`` belongs to."""
    seen = set()
    while token.i not in seen:
        seen.add(token.i)
        head = token.head
        if head.i == token.i:
            break
        anchor = by_token.get(token.i)
        if anchor is not None and anchor.start <= head.i < anchor.end:
            token = head  # inside one multi-word name
        elif token.dep_ in INNER_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
            token = head
        elif token.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
            token = head
        elif (token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TITLE_PREPOSITIONS
              and is_title_token(head.head, by_token)):
            token = head.head  # "President of Russia", "spokesman for the army"
        else:
            break
    return token


def _premodifier_tokens(token) -> set[int]:
    tokens = {token.i}
    for child in token.lefts:
        if (child.dep_ in PREMODIFIER_DEPS and child.dep_ != "prep") or child.tag_ == "HYPH":
            tokens.update(t.i for t in child.subtree)
    return tokens


def build_phrase(root, by_token: dict[int, Anchor]) -> Phrase:
    tokens = _premodifier_tokens(root)
    complements = []
    for child in root.rights:
        if child.dep_ == "appos":
            tokens |= _premodifier_tokens(child)
            complements.extend(_title_complements(child, by_token))
    for i in sorted(tokens):
        complements.extend(_title_complements(root.doc[i], by_token) if i != root.i else [])
    complements.extend(_title_complements(root, by_token))
    # A name written across tokens the parser split ("Burkina" + "Faso") stays whole.
    for i in list(tokens):
        anchor = by_token.get(i)
        if anchor is not None:
            tokens.update(range(anchor.start, anchor.end))
    tokens = _contiguous(tokens, root.i)
    anchors = list({id(by_token[i]): by_token[i] for i in sorted(tokens) if i in by_token}.values())
    return Phrase(root.i, tokens, anchors, complements)


def _title_complements(token, by_token) -> list[Phrase]:
    if not is_title_token(token, by_token):
        return []
    phrases = []
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in TITLE_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    phrases.append(build_phrase(pobj, by_token))
    return phrases


def _contiguous(tokens: set[int], root: int) -> set[int]:
    """The run of tokens around the root with no gap; a phrase is one stretch of text."""
    start = end = root
    while start - 1 in tokens:
        start -= 1
    while end + 1 in tokens:
        end += 1
    # Appositions sit behind a comma: bridge gaps made of punctuation only.
    ordered = sorted(tokens)
    for i in ordered:
        if i > end and all(j in tokens or j == end + 1 for j in range(end + 1, i)):
            end = i
    return {i for i in tokens if start <= i <= end} | set(range(start, end + 1))
