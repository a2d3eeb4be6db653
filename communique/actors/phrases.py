"""Phrases: the stretch of a sentence that names one actor, read off the dependency parse.

A phrase is built around a root token (the syntactic head of a noun phrase). It holds the
root's premodifiers ("Russian President Vladimir", "Mali's transitional"), its appositions
(", Colonel Assimi Goita"), and the complement of a title ("spokesman for the ministry",
"President of Russia"). Every gazetteer anchor and named entity inside is gathered on the
phrase, for the resolver to weigh.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .anchors import Anchor
from .tree import Tree

logger = logging.getLogger(__name__)

# Dependents that modify a noun from the left inside its phrase.
PREMODIFIER_DEPS = {
    "compound",
    "amod",
    "poss",
    "nmod",
    "det",
    "nummod",
    "quantmod",
    "case",
    "flat",
    "predet",
    "advmod",
    "npadvmod",
    "nn",
    "prep",
}
# Tokens that hang on a root from inside the same phrase; a root is never one of these.
INNER_DEPS = PREMODIFIER_DEPS - {"prep", "advmod", "npadvmod"}
TITLE_PREPOSITIONS = {"of", "for"}
# "Oil ministers from Ecuador and Mexico", "officials from the IMF": whom people come from
# says whom they act for; not for a singular, which may be an act ("opposition from the US")
PLURAL_TITLE_PREPOSITIONS = {"from"}
MAX_JOINED = 3  # countries a plural title's complement may join (as pairs.py's each-way)
ACTOR_KINDS = {
    "person",
    "organisation",
    "country",
    "demonym",
    "community",
    "place",
    "title",
    "agent",
    "reference",
}


@dataclass
class Phrase:
    root: int
    tokens: set[int]
    anchors: list[Anchor] = field(default_factory=list)
    complements: list[Phrase] = field(default_factory=list)  # "of X" / "for X" of a title
    joined: bool = False  # a complement joined to the one before: "of India and Pakistan"

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


def root_of(token, by_token: dict[int, Anchor], known: dict | None = None):
    """The head of the noun phrase that ``token`` belongs to.

    ``known`` keeps the answer for every token walked through, for the next call: the walks
    from N names stacked on one another would otherwise climb the same chain N times.
    """
    known = {} if known is None else known
    walked: list[int] = []
    seen = set()
    while token.i not in seen:
        if token.i in known:
            token = known[token.i]
            break
        seen.add(token.i)
        walked.append(token.i)
        head = _phrase_head(token, by_token)
        if head is None:
            break
        token = head
    known.update(dict.fromkeys(walked, token))
    return token


def _phrase_head(token, by_token: dict[int, Anchor]):
    """The token that ``token`` hangs on inside one noun phrase; None at the phrase's head."""
    head = token.head
    if head.i == token.i:
        return None
    anchor = by_token.get(token.i)
    if anchor is not None and anchor.start <= head.i < anchor.end:
        return head  # inside one multi-word name
    if token.dep_ in INNER_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ"):
        return head
    if token.dep_ == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return head
    if (
        token.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in TITLE_PREPOSITIONS
        and is_title_token(head.head, by_token)
    ):
        return head.head  # "President of Russia", "spokesman for the army"
    return None


def _premodifier_tokens(token, tree: Tree) -> set[int]:
    tokens = {token.i}
    for child in tree.lefts(token):
        if (child.dep_ in PREMODIFIER_DEPS and child.dep_ != "prep") or child.tag_ == "HYPH":
            tokens.update(tree.subtree_indices(child))
    return tokens


def build_phrase(root, by_token: dict[int, Anchor], tree: Tree) -> Phrase:
    tokens = _premodifier_tokens(root, tree)
    complements = []
    for child in tree.rights(root):
        if child.dep_ == "appos":
            tokens |= _premodifier_tokens(child, tree)
            complements.extend(_title_complements(child, by_token, tree))
    for i in sorted(tokens):
        complements.extend(_title_complements(root.doc[i], by_token, tree) if i != root.i else [])
    complements.extend(_title_complements(root, by_token, tree))
    # A name written across tokens the parser split ("Burkina" + "Faso") stays whole.
    for i in list(tokens):
        anchor = by_token.get(i)
        if anchor is not None:
            split = set(range(anchor.start, min(tokens)))
            tokens.update(range(anchor.start, anchor.end))
            if anchor.kind == "title":
                # "Philippines Trade and Industry Secretary Jose Concepcion", read as "Trade"
                # and "Concepcion" joined: the title's words before the phrase keep what
                # qualifies them
                for j in split:
                    tokens |= _premodifier_tokens(root.doc[j], tree)
    tokens = _contiguous(tokens, root.i)
    anchors = list({id(by_token[i]): by_token[i] for i in sorted(tokens) if i in by_token}.values())
    return Phrase(root.i, tokens, anchors, complements)


def _title_complements(token, by_token, tree: Tree) -> list[Phrase]:
    if not is_title_token(token, by_token):
        return []
    phrases = []
    for child in tree.rights(token):
        if child.dep_ == "prep" and (
            child.lower_ in TITLE_PREPOSITIONS
            or (child.lower_ in PLURAL_TITLE_PREPOSITIONS and token.tag_ in ("NNS", "NNPS"))
        ):
            for pobj in tree.children(child):
                if pobj.dep_ == "pobj":
                    phrases.append(build_phrase(pobj, by_token, tree))
                    joined_names = tree.conjuncts(pobj)
                    if token.tag_ in ("NNS", "NNPS") and len(joined_names) < MAX_JOINED:
                        # "the foreign ministers of India and Pakistan": of each of them; not
                        # of a longer list, whose members act together on no one of them
                        for joined in joined_names:
                            phrases.append(build_phrase(joined, by_token, tree))
                            phrases[-1].joined = True
    return phrases


def _contiguous(tokens: set[int], root: int) -> set[int]:
    """The run of tokens around the root with no gap; a phrase is one stretch of text."""
    start = end = root
    while start - 1 in tokens:
        start -= 1
    while end + 1 in tokens:
        end += 1
    # Appositions sit behind a comma: the run goes on over a gap of one token. Tokens are
    # taken in order, so a token more than two past the run's end has a gap of two or more
    # before it, as has every later one: the search ends there.
    for i in sorted(tokens):
        if i <= end:
            continue
        if i > end + 2:
            break
        end = i
    return set(range(start, end + 1))
