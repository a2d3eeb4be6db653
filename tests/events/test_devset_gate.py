"""Floor on the project's dev set of international events (tests/resources/devset/events.json).

36 real articles (BBC politics 387-417 and business 450-510, Reuters-21578 stories 20600 and
later), annotated by hand from their text before the coder ran on them; 225 items, 86
required. Scored with the rules of ../shared/tools/score_events.py.

Measured on 2026-12-02 (`communique eval tests/resources/devset/events.json --corpus
../shared/data/corpora`): before issue 14's work recall 0.233 (20/86), precision 0.667
(30/45); after, recall 0.337 (29/86), precision 0.597 (46/77); the next session, recall
0.360 (31/86), precision 0.616 (53/86); the third session of 2026-12-02, recall 0.360
(31/86), precision 0.634 (52/82); the fifth, recall 0.372 (32/86), precision 0.649
(48/74); the sixth, recall 0.407 (35/86), precision 0.718 (51/71); the seventh, recall
0.419 (36/86), precision 0.722 (52/72); on 2026-12-03, recall 0.430 (37/86), precision
0.724 (55/76); with the learned target model (events/attach.py), recall 0.465 (40/86),
precision 0.724 (63/87); on 2026-12-03 (sixth session), with the heads of
intergovernmental bodies as their bodies (one right event more, one wrong), recall 0.465
(40/86), precision 0.719 (64/89). On 2026-12-04, with PETRARCH2's defaults for "take",
"plan", "intend", "aim", "decide", "determine", "fail" and "prevent" no longer coding
seizures, intents and rejections, recall 0.465 (40/86), precision 0.716 (63/88). On
2026-12-04 (eleventh session), with "told X that Y attacked" reporting what Y did, recall
0.477 (41/86), precision 0.711 (64/90). On 2026-12-04 (twelfth session), with the 1987
finance, trade and foreign ministers the Phoenix tables lack and their names without middle
initials, recall 0.488 (42/86), precision 0.710 (66/93: two right events more, one wrong).
On 2026-12-04 (fourteenth session), with officials of 2014-2021 and 1987 added to the leader
table, recall 0.488 (42/86), precision 0.717 (66/92: one wrong event fewer), and the precision
floor from 0.70 to 0.71. On 2026-12-05, with news of another party's act no longer a
statement aimed at it ("Baker said Japan announced a cut") and other wrong statements gone,
recall 0.488 (42/86), precision 0.733 (66/90), and the precision floor to 0.73. In the
next session, with sanctions and agreements named again ("lifting the ban") and "destroy" in
war read as force (a choice the first set's wrong roots pointed to, so this set reads it
high), recall 0.523 (45/86), precision 0.769 (70/91), and the floors to 0.52 and 0.76. On
2026-12-05 (second session), with a surname repeated alone carried even where the recogniser
sees no person, recall 0.523 (45/86), precision 0.758 (69/91): one right event became a wrong
one (a third German mention left "heads of government" in a story about the EU without the
EU), and the precision floor to 0.75. Later that session, with "X said Y should Z" in a
stated position, words of outrage and the target model's threshold at 0.6, recall 0.535
(46/86), precision 0.774 (72/93; an "it" under a plural subject no longer a state), and the
floors to 0.53 and 0.76. On 2026-12-05 (seventeenth session), with no English sentence across
a paragraph break and common nouns after "U.S." lowercased for the parser ("U.S. Complaints
about Japan"), recall 0.535 (46/86), precision 0.787 (74/94), and the precision floor to
0.78. On 2026-12-06 (eighteenth session), with the home state of a story's offices and
officials read from its first sentence, recall 0.535 (46/86), precision 0.781 (75/96): one
more produced event, not right (on the analysis sets the same change added 6 required events
for 6 produced). In the nineteenth session, with a demand made only of whom its must-clause
names, recall 0.535 (46/86), precision 0.789 (75/95): one wrong event fewer. In the
twenty-second session, with the speaker's own act in a complement no longer a statement
aimed at the other party ("said it had received an assurance from Greece"), recall 0.535
(46/86), precision 0.798 (75/94), and the precision floor to 0.79. In the twenty-third
(2026-12-06), with an agent of a government named again by its head noun taken as the party
of the mention it repeats ("EC foreign ministers ... Ministers also warned"), recall 0.535
(46/86), precision 0.792 (76/96): one right event more and one wrong (on the analysis sets,
one required event more). In the twenty-fourth (2026-12-06), with an event noun in a phrase
of a passive clause held by the clause's subject ("During a visit to the U.S., Kondo was
asked by Volcker" is Japan's visit), recall 0.547 (47/86), precision 0.794 (77/97), and the
recall floor to 0.54. In the twenty-fifth (2026-12-06), Reuters datelines read, "Mali's
neighbours" not Mali and statements beside acts that did not happen left it unchanged;
with an honorific and a surname read as the one office holder of a country the article
names ("Mr Blair" in a story that names Britain), recall 0.558 (48/86), precision 0.798
(79/99), and the recall floor to 0.55. The twenty-sixth and twenty-seventh (2026-12-06)
and the first session of 2026-12-07 left it unchanged. In the second of 2026-12-07, with a
name the parser joins to a thing no longer a target ("excluded from the real discussions,
the Netherlands, Belgium and Switzerland"), recall 0.558 (48/86), precision 0.806 (79/98):
one wrong event fewer, and the precision floor to 0.80. In the third of 2026-12-07, with a
feeling of approval or its lack aimed at the one foreign actor its clause names, recall 0.558
(48/86), precision 0.814 (79/97): one wrong event fewer; descriptions of several countries,
documents that speak for their issuer, parts of the world that are no state's, threats by
condition and orders of an act left it unchanged. So did the fourth of 2026-12-07: a closing
mark that ends its own sentence, the "he" of what an unplaced person says, delegates and
representatives, legislators' and lesser titles found by surname, "the Commission" after the
Community, "indicate" as a verb of saying, defence in words, pattern words matched as
written, "lead to" as causing and blame for trouble. So did the fifth of 2026-12-07: the subject of a
clause joined to a complement, a negated judgement that presupposes its clause, a passive
done by a thing, and a title the parser splits at its "and". So did the sixth of 2026-12-07:
opposition "from" a state as rejection, conjuncts the parser joins to an apposition or to the
verb, "U.S. Hopes" and the like lowercased for the parser, and a name compounded with a visit
as its destination. The seventh of 2026-12-07 (the European commissioners, "in contact
with", promises "extracted", a possessive written with a double quote, a comment kept beside
the act it comes with) left recall unchanged and one right event more (80/98). The eighth of
2026-12-07 (the commodity bodies of 1980s trade news, a sentence-opening "he" continuing the
subject before, adjectives of attitude, acts on another's act with no doer named, two titled
names joined by "and" split apart, talks "with" a state held by the story's country) left
recall unchanged, precision 0.825 (80/97): one wrong event fewer, and the precision floor to
0.82. The floors sit just under.
"""

import pytest

from communique.evaluate import evaluate_gold
from tests.conftest import ROOT, shared_path

RECALL_FLOOR = 0.55
PRECISION_FLOOR = 0.82
DEVSET = ROOT / "tests" / "resources" / "devset" / "events.json"
# A second dev set, annotated on 2026-12-03 by an independent annotator and never read for
# error analysis (20 articles, 99 items, 34 required): at the start of that day's session the
# coder reached recall 0.324 (11/34), precision 0.644 (29/45); at its end 0.324 (11/34),
# 0.652 (30/46). Much as on the held-out articles (0.31): the first dev set, which decisions
# were measured on, now reads about 0.1 high. With the learned target model, recall 0.353
# (12/34), precision 0.633 (31/49): one more required item for two more wrong events. On
# 2026-12-04, 0.353 (12/34) and 0.660 (31/47); at that day's eleventh session, with trade
# figures, asked-about participles and the like no longer events, 0.353 and 0.689 (31/45).
# On 2026-12-05, with reports of another party's act no longer statements aimed at it, 0.353
# and 0.698 (30/43): one right event fewer, two wrong ones fewer; the precision floor to 0.69.
# In the seventeenth session, with "U.S. Complaints" and the like lowercased for the parser,
# 0.353 and 0.705 (31/44); the precision floor to 0.70. In the nineteenth session, with the
# Groups of Five and Six and "the major industrial nations" as bodies, 0.382 (13/34) and 0.711
# (32/45); with a judged act no longer aimed at whom it hit, 0.382 and 0.727 (32/44); the
# floors to 0.38 and 0.72. In the twenty-fourth session, with nothing done "despite" someone
# aimed at them, 0.382 and 0.744 (32/43); the precision floor to 0.74. On 2026-12-07 (eighth
# session), with a "he" that opens its sentence continuing the subject before, 0.382 and
# 0.762 (32/42); the precision floor to 0.75.
FRESH_DEVSET = ROOT / "tests" / "resources" / "devset" / "fresh_events.json"
FRESH_RECALL_FLOOR = 0.38
FRESH_PRECISION_FLOOR = 0.75


@pytest.mark.shared
def test_devset_recall_and_precision():
    scores = evaluate_gold(DEVSET, corpus=shared_path("data", "corpora"))
    assert scores.counts.required == 86 and len(scores.articles) == 36
    assert scores.counts.duplicates == 0
    unmatched = [(a.label, a.unmatched) for a in scores.articles if a.unmatched]
    missed = [(a.label, a.missed) for a in scores.articles if a.missed]
    assert scores.recall >= RECALL_FLOOR, missed
    assert scores.precision >= PRECISION_FLOOR, unmatched


@pytest.mark.shared
def test_fresh_devset_recall_and_precision():
    scores = evaluate_gold(FRESH_DEVSET, corpus=shared_path("data", "corpora"))
    assert scores.counts.required == 34 and len(scores.articles) == 20
    assert scores.counts.duplicates == 0
    # the figures alone: a failure must not print the set's events, which nobody reads
    recall, precision = scores.recall, scores.precision
    assert recall >= FRESH_RECALL_FLOOR, recall
    assert precision >= FRESH_PRECISION_FLOOR, precision
