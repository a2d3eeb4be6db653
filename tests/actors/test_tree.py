"""The Tree answers as spaCy's own Token.lefts, .rights, .children, .subtree and .conjuncts."""

import pytest

from communique.actors.tree import Tree

TEXTS = [
    (
        "Russian President Vladimir Putin met Mali's transitional leader, Colonel Assimi Goita, "
        "in Moscow on Monday, where they signed agreements on trade, energy and security."
    ),
    (
        "The conference was attended by John Smith, Mary Jones, Ahmed Ali, Olga Petrova and "
        "Pierre Dubois, a spokesman for the French Foreign Ministry said."
    ),
    (
        "A deal that Israel and Hamas, which governs Gaza, had rejected twice was signed, "
        "officials said; it was not clear when."
    ),
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_tree_agrees_with_spacy(resolve_text, text):
    doc = resolve_text(text).doc
    tree = Tree(doc)
    for token in doc:
        assert [t.i for t in tree.lefts(token)] == [t.i for t in token.lefts]
        assert [t.i for t in tree.rights(token)] == [t.i for t in token.rights]
        assert [t.i for t in tree.children(token)] == [t.i for t in token.children]
        assert tree.subtree_indices(token) == [t.i for t in token.subtree]
        assert [t.i for t in tree.conjuncts(token)] == [t.i for t in token.conjuncts]
