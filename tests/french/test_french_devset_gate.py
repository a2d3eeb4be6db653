"""Floor on the French dev set (tests/resources/devset/fr_events.json, issue 18).

60 OrangeSum articles: 22 of sahel.jsonl at even lines, 18 of monde.jsonl at even lines that
name a Sahel or North African state, and 20 more of sahel.jsonl among those no set had used;
64 required items. Annotated by independent annotators from the text before any coder ran
on them, and never read for error analysis (tests/resources/analysis/fr_events.json,
fr_more_events.json and fr_third_events.json are the sets for that): only its scores are looked at, also those of a rule turned off to measure it. Scored with the rules of ../shared/tools/score_events.py.

Measured with `communique eval tests/resources/devset/fr_events.json --corpus
../shared/data/corpora`: before the French pipeline, every French article went through the
English one (recall 0 on the held-out French set). On this 60-article set, the first French
coder (commit aebedfd) had recall 0.062 (4/64), precision 0.385 (10/26); with statements,
quotations kept with their verb, bare titles from context, object pronouns, compound
demonyms, joint military action and the patterns added on 2026-12-03, recall 0.141 (9/64),
precision 0.500 (20/40); with the learned target model (events/attach.py, trained on 2,403
annotated events of monde.jsonl articles that are not in this set), recall 0.156 (10/64),
precision 0.464 (26/56); with verb and noun patterns for every CAMEO root (about 640 verb
and 70 noun rows more) and event nouns under "lors de", recall 0.203 (13/64), precision 0.468
(29/62); with joint military action only with a named partner (grammar.yaml's
``partner_named_noun_roots``), recall 0.203 (13/64), precision 0.491 (28/57); with 34 more
organisations (OMS, HCR, GNA, Hezbollah ...) and plain comments that report an act coded in
their sentence left out (or read as accusations when the act is hostile), recall 0.250
(16/64), precision 0.492 (32/65); with feminine titles and passives, 0.250 (16/64) and 0.485
(32/66); with the target model retrained on 1,710 more labelled events (among them those of
the new patterns; cross-validated precision at 0.7 from 0.684 to 0.696 with 599 right
attachments rather than 366), 0.250 (16/64) and 0.462 (30/65). On 2026-12-03 (sixth
session), with inline intertitles set apart, pronouns that take a state or organisation,
"-t-il" inversions, "ce pays", headline countries for a junta, discourse phrases blanked
between auxiliary and participle for the parser, appeals aimed where what they ask for is
to happen, "les pays voisins du Mali" not Mali and short names of organisations named
before ("le Conseil"), 0.266 (17/64) and 0.485 (32/66). On 2026-12-03 (seventh session),
with event nouns that need their complement ("la fermeture des frontières"), West African
groups and a state's neighbours as the Cédéao, quoted adverbs blanked for the parser, the
passive only with "être", objects under nouns of kind ("toute forme de légitimité"), verbs
that restate an act and military support as military aid, 0.297 (19/64) and 0.515 (34/66);
with what neighbours do aimed at their state, context titles after "aux"/"du" and event
nouns in passive clauses, 0.312 (20/64) and 0.537 (36/67). On 2026-12-03 (eighth
session), with the support a state gives to forces or operations as military aid (072) by
verb as by noun, 0.312 (20/64) and 0.552 (37/67); the session's other rules (objects after a
day or an adverbial phrase, pronominal verbs active, attacks made with words, phrase verbs
such as "mettre en garde", envoys' postings, light verbs that carry a noun's act) left the
dev set where it was and gained on the third analysis set. On 2026-12-04, with allies that
fight together not fighting each other, 0.312 (20/64) and 0.607 (37/61); with the target
model's threshold at 0.55 (from 0.7, chosen on the analysis sets), 0.375 (24/64) and 0.614
(43/70); with praise and support no longer coded each way between parties named together,
0.375 (24/64) and 0.694 (43/62). On 2026-12-04 (tenth session), with pronouns of a
person's number only, plural pronouns for groups of states named anywhere, a main clause's
subject pronoun going on with the subject before it and quotation speakers not named in
the quotation, 0.391 (25/64) and 0.710 (44/62); at the eleventh, with an object pronoun
none of its verb's subject's words and statements about cooperation coded as cooperation,
0.391 (25/64) and 0.730 (46/63). At the twelfth (2026-12-04), with a noun a copula says of
its subject as that subject, impersonal "il" standing for no one, an object the parser gave to
the incise after it, a region's delegation as its body and verbs and nouns such as
"pousser", "inciter", "se féliciter de", "contact" and "excuses", 0.391 (25/64) and 0.743
(52/70). At the thirteenth (2026-12-04), with people the tables lack known by the state
title that introduces them and carried by their surname ("M. Dramé"), 0.406 (26/64) and
0.746 (53/71); with red zones ("classer Paris en zone rouge"), passive agents the parser
hangs on the complement and support "militairement" as military aid, 0.406 (26/64) and
0.740 (54/73): one required item more for a precision 0.003 lower, so the precision floor
moved from 0.74 to 0.73 (the held-out bar is 0.7). At the fourteenth (2026-12-04), with
the people of the tables as French copy spells them ("Vladimir Poutine", french/data/
name_spellings.tsv), carried by their surname after the full name ("Shinzo Abe ... M. Abe"),
officials of 2014-2021 added to the leader table, and a surname after a civility read as
the one office holder of a country the story names, 0.484 (31/64) and 0.779 (67/86); the
floors moved to 0.48 and 0.77. On 2026-12-05, with a verb of judging in an incise after a
quotation ("« ... », a déploré le président français") read as the speaker's, 0.484 (31/64)
and 0.782 (68/87), and the precision floor to 0.78; with a withdrawal of troops named by its
noun ("a annoncé le retrait de ses troupes d'Irak"), 0.500 (32/64) and 0.784 (69/88), and the
recall floor to 0.49. At the fifteenth (2026-12-05), with sentences no longer cut before a
word in lower case, quotations the model makes the subject of their verb of saying read as
what was said, and acts an accusation alleges not coded as done, 0.500 (32/64) and 0.791
(72/91). At the sixteenth (2026-12-05), with "a pu" read as done, reciprocal "se", nouns of
occasion that name no addressee, incises the model makes subordinate, field hospitals as aid
and "ce pays" as the state named last, unchanged. On 2026-12-06, with participles that name
their doer ("soutenus par la France") read as that doer's act, intents held, and "doit" said
of a country read as a demand, 0.500 (32/64) and 0.785 (73/93). In the twenty-second
session, with "pointer du doigt", flights as visits and the partners of meetings on the way,
unchanged (the analysis sets gained 2 required events). In the twenty-third (2026-12-06),
with factions hyphened to a person or a national body read as of its country ("les forces
pro-GNA" are Libya's), 0.516 (33/64) and 0.787 (74/94); the recall floor to 0.51. In the
twenty-fifth (2026-12-06), with a participle the parser hangs on a noun read as the verb of
its own clause when it has a subject and an auxiliary ("quand l'armée américaine a éliminé
le général iranien"), 0.516 (33/64) and 0.779 (74/95): one wrong event more here, one
required event more on fr_third_events.json, and on the OrangeSum pool two right events for
one wrong; the precision floor to 0.77. On 2026-12-07, with set-off participles, incise
subjects hung on a date, the headline's person and office holder, bracketed organisations
and object pronouns no longer of their subject's country, unchanged (the analysis sets
gained 6 required events); a reading of "les deux pays" as the pair named together, which
lost a required event here for 3 on the analysis sets, was left out. In the second session
of 2026-12-07, with judgements of what was said ("a qualifié de mensonges les propos"),
sentences to prison, honours awarded and places beside the party, unchanged (the analysis
sets gained 3 required events); headlines coded as in English, which added one wrong event
here and 4 on the analysis sets for no required one, were left out. In the third session
of 2026-12-07, with each object a conjunction joins a target ("a rencontré la France et
l'ONU"), 0.516 (33/64) and 0.781 (75/96): one right event more; parts of the world that are
no state's, threats on a condition and tenses read off the verb's form left it unchanged.
So did the fourth session of 2026-12-07: objects verbs.tsv writes in the plural ("présenter
ses excuses") and "auprès de" hung on an adverb. So did the fifth, which changed the English
coder only. So did the sixth: a name the parser hangs on a weekday after the verb ("ont
accusé jeudi Pékin") and a subject it hangs on the auxiliary ("Il a aussi vivement
critiqué"). So did the seventh, whose French change (a comment kept beside an act) moved no
French set; "les deux pays" read as the two countries named together before gained 3 items
on the analysis sets but lost one here (32/64) and was left out. So did the eighth, which
changed the English coder and the shared tables only (0.516, 0.781; the French analysis sets
unchanged too). The floors sit just under.
"""

import pytest

from communique.evaluate import evaluate_gold
from tests.conftest import ROOT, shared_path

RECALL_FLOOR = 0.51
PRECISION_FLOOR = 0.77
DEVSET = ROOT / "tests" / "resources" / "devset" / "fr_events.json"


@pytest.mark.shared
def test_french_devset_recall_and_precision():
    scores = evaluate_gold(DEVSET, corpus=shared_path("data", "corpora"))
    assert scores.counts.required == 64 and len(scores.articles) == 60
    assert scores.counts.duplicates == 0
    # the figures alone: a failure must not print the set's events, which nobody reads
    recall, precision = scores.recall, scores.precision
    assert recall >= RECALL_FLOOR, recall
    assert precision >= PRECISION_FLOOR, precision
