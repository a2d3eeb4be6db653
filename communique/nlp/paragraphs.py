"""A sentence never runs across a paragraph break: French models, unlike the English one,
join "...au calme.\\n\\nLa France a salué..." into one sentence, and the coder would then
tie one report's actors to the other's verb. Set before the parser, which keeps the
boundaries it is given."""

from __future__ import annotations

from spacy.language import Language


@Language.component("communique_paragraph_breaks")
def paragraph_breaks(doc):
    after_break = False
    for token in doc:
        if token.is_space and "\n" in token.text:
            after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc
