"""Sentences that a scraper ran together without a space ("...après-midi.Paris a confirmé"):
the parser reads them as one, so the coder would see two reports as one sentence."""

from __future__ import annotations

import re

from .rules import paragraph_openers

# A sentence end after a word of at least two lower-case letters, an acronym ("l'AFP.Les
# pays"), a digit or a closing quote or bracket, straight before a capitalised word or an
# elided article or pronoun ("assurées".L'Algérie). "M.Macron" (one capital before the
# stop) and "orange.fr" (lower case after it) are left alone. A courtesy title ("son
# état.M. Floyd a été déclaré mort") and a capital "A" standing for "À" ("mercredi.A Miami")
# start a sentence too.
RUN_TOGETHER = re.compile(
    r"(?:(?<=[^\W\d_A-Z][^\W\d_A-Z])|(?<=[A-Z]{3})|(?<=[^\w.][A-Z]{2})|(?<=[0-9\"»”’)]))"
    r"([.!?…]+)(?=[A-ZÀ-ÖØ-Þ](?:[^\W\d_A-Z]|['’]\w)|(?:M|MM|Mme|Mgr)\.? |[AÀ] )"
)

# An intertitle set inline between dashes after a sentence end, as OrangeSum's AFP copy has
# them: '...contre les terroristes".- "Un peu décourageant" -Fin août, le chef...', or with
# a space after the end ('à Beyrouth. - "Soutien" -Israël a appelé').
INLINE_SUBHEAD = re.compile(r"(?<=[.!?…\"»]) ?- ([^\n-]{2,80}?) -(?=[^\W\d_]|[\"«])")


# A closing quotation mark straight before a capitalised word or another quotation: two
# paragraphs the scraper joined ('non à Trump"Autour du bâtiment', '...des victoires""Ce
# succès'). Whether a straight quote closes is told by counting those before it.
QUOTE_JOIN = re.compile(r'(?<=[^\s"])"(?="?[A-ZÀ-ÖØ-Þ][^\W\d_A-Z])')


# A closing bracket straight before a capitalised word: a caption or a list item the scraper
# joined to the next paragraph ("par euronews (en français)Ce séisme survient", "ancien
# président de la République (2012-2017)L'ancien chef de l'Etat").
BRACKET_JOIN = re.compile(r"(?<=\))(?=[A-ZÀ-ÖØ-Þ](?:[^\W\d_A-Z]|['’]\w))")

# A lower-case word straight before a capitalised one, with no stop between them: a lede or
# a paragraph the scraper joined to the next ("pans de la Cisjordanie occupéeLe conflit
# israélo-palestinien"). Split only before a word of ``paragraph_openers.tsv`` or an elided
# article or pronoun, so that "TikTok" and "LinkedIn" stay whole.
WORD_JOIN = re.compile(
    r"(?<=[^\W\d_A-Z]{3})(?:([A-ZÀ-ÖØ-Þ][^\W\d_A-Z]*)(?![\w'’])|(?:[LDCJS]|Qu)['’](?=\w))"
)

# A list bullet inside a paragraph: the items of a list the scraper ran into one line ("les
# réactions se multiplient :• Florence Parly. La ministre ...• François Hollande, ...").
INLINE_BULLET = re.compile(r"[ \t]*•[ \t]*")


def split_run_together(text: str) -> str:
    """``text`` with a space put back after each run-together sentence end, and each inline
    intertitle or joined paragraph set apart as a paragraph of its own, so that no sentence
    runs across it."""
    text = INLINE_SUBHEAD.sub("\n\n\\1\n\n", text)
    text = INLINE_BULLET.sub("\n\n", BRACKET_JOIN.sub("\n\n", text))
    text = "\n".join(_split_quote_joins(line) for line in text.split("\n"))
    text = WORD_JOIN.sub(_split_word_join, text)
    return RUN_TOGETHER.sub(r"\1 ", text)


def _split_quote_joins(paragraph: str) -> str:
    pieces, start = [], 0
    for match in QUOTE_JOIN.finditer(paragraph):
        if paragraph.count('"', 0, match.start()) % 2 == 1:  # it closes a quotation
            pieces.append(paragraph[start : match.end()])
            start = match.end()
    return "\n\n".join(pieces + [paragraph[start:]])


def _split_word_join(match: re.Match) -> str:
    opener = match.group(1)
    if opener is None or opener in paragraph_openers():
        return "\n\n" + match.group(0)
    return match.group(0)
