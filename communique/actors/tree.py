"""The dependency tree of a Doc, with lookups that cost what they return.

spaCy's ``Token.lefts``, ``.rights`` and ``.children`` scan every token between the token and
the edge of its subtree, and ``.subtree`` and ``.conjuncts`` call them (and pass each token
up through one generator per level) for every token they reach. In a long coordination
("A, B, C, ... and Z", where the parser makes each name the head of the next, so that every
subtree runs to the end of the list) asking each name for its children therefore costs time
quadratic in the length of the list. A ``Tree`` reads the heads once per Doc and answers from
lists of children, in the same order as spaCy.
"""

from __future__ import annotations

import functools
import logging
import weakref

from spacy.attrs import LEMMA, LOWER, ORTH, POS

logger = logging.getLogger(__name__)

# One Tree per Doc, for as long as the Doc lives: the actor and event stages (each run over
# a whole partition in turn) share it. The Tree holds its Doc through a proxy, so that the
# table does not keep the Doc alive.
_trees: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tree_of(doc) -> Tree:
    """The Tree of ``doc``, made once for the stages that read it."""
    tree = _trees.get(doc)
    if tree is None:
        tree = _trees[doc] = Tree(weakref.proxy(doc))
    return tree


class Tree:
    """A Doc's dependency tree, as the module says, and its words as columns of strings
    (``words``, ``lowers``, ``lemmas`` in lower case, ``tags`` for the coarse part of speech),
    read off the Doc's arrays at once: a scan of a whole text reads them instead of making a
    Token for every word."""

    def __init__(self, doc):
        self.doc = doc
        # Each token's children in text order; tokens without children are left out.
        self.kids: dict[int, list[int]] = {}
        offsets = doc.to_array("HEAD").astype("int64").tolist()  # head minus token index
        for i, offset in enumerate(offsets):
            if offset:
                self.kids.setdefault(i + offset, []).append(i)

    @functools.cached_property
    def _columns(self) -> list[list[str]]:
        strings = self.doc.vocab.strings
        columns = self.doc.to_array([ORTH, LOWER, LEMMA, POS]).T.tolist()
        return [[strings[h] for h in column] for column in columns]

    @property
    def words(self) -> list[str]:
        return self._columns[0]

    @property
    def lowers(self) -> list[str]:
        return self._columns[1]

    @functools.cached_property
    def lemmas(self) -> list[str]:
        return [lemma.lower() for lemma in self._columns[2]]

    @property
    def tags(self) -> list[str]:
        return self._columns[3]

    def lefts(self, token) -> list:
        return [self.doc[i] for i in self.kids.get(token.i, ()) if i < token.i]

    def rights(self, token) -> list:
        return [self.doc[i] for i in self.kids.get(token.i, ()) if i > token.i]

    def children(self, token) -> list:
        return [self.doc[i] for i in self.kids.get(token.i, ())]

    def subtree_indices(self, token) -> list[int]:
        """The token and all its descendants, in the order of ``Token.subtree``: each left
        child's subtree, the token, each right child's subtree (text order when the parse
        has no crossing arcs)."""
        found = []
        stack = [(token.i, False)]
        while stack:
            i, expanded = stack.pop()
            if expanded:
                found.append(i)
                continue
            kids = self.kids.get(i, ())
            stack.extend((k, False) for k in reversed(kids) if k > i)
            stack.append((i, True))
            stack.extend((k, False) for k in reversed(kids) if k < i)
        return found

    def subtree(self, token) -> list:
        return [self.doc[i] for i in self.subtree_indices(token)]

    def conjuncts(self, token) -> tuple:
        """The tokens coordinated with ``token``, itself left out, as ``Token.conjuncts``."""
        start = token
        while start.dep_ == "conj" and start.head.i != start.i:
            start = start.head
        found = [start]
        for word in found:  # grows as it goes: conjuncts of conjuncts
            found.extend(child for child in self.rights(word) if child.dep_ == "conj")
        return tuple(word for word in found if word.i != token.i)
