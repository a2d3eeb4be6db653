"""French statements: a verb of saying or judging, coded by whom what was said is about.

"Emmanuel Macron a jugé que la Russie jouait sur l'ambivalence", "« ... », a déclaré le
ministre", "La France exprime l'espoir que ...": the source is the speaker; the target is
the person addressed ("a déclaré à son homologue"), else the subject of what was said when
it is a foreign actor ("que la Turquie joue ..."), else the one foreign actor the words
name. Several foreign actors, or only the speaker's own side, give no target, and no event:
a statement aimed at no one is not an event between states.

The code is a comment (010), criticism (111) when the words disapprove (grammar.yaml's
``disapproval_words``: "inacceptable", "dangereux", "ingérence") and praise (051) when they
approve (``approval_words``), and a demand (100) when they put their foreign subject under an
obligation ("que la Turquie doit retirer ses navires": ``obligation_verbs``), as the English
coder reads statements (events/statements.py).
"""

from __future__ import annotations

import logging

from ..nlp.paragraphs import QUOTES
from .incises import in_incise
from .patterns import grammar, verb_lemma
from .tenses import is_conditional, is_future

logger = logging.getLogger(__name__)

# What was said: a clause ("a déclaré que ..."); an object only for verbs that judge or
# express (grammar.yaml's ``judging_verbs``: "a jugé inacceptable l'interventionnisme
# turc"), since "assurent des missions de patrouille" says nothing about anyone.
CLAUSE_DEPS = ("ccomp", "xcomp", "parataxis")
PLACE_PREPOSITIONS = frozenset({"en", "à", "dans", "vers", "sur"})
PLACES = frozenset({"place", "country"})  # "assurent à Gao des missions": where, not whom


def statement_parties(coder, token, words: dict, judged: str | None = None):
    """(sources, targets, code, said) of the statement ``token`` makes, or None; ``said``
    holds the indices of the words said. ``judged``: the code of a verb of judging, which
    the words said do not change."""
    subjects = coder.subjects(token)[0]
    sources = coder.actors_of(subjects)
    if not sources:
        return None
    own = {a.country for a in sources}
    # the speaker's phrase: not a second "subject" the parser found in what was said
    speaker = {t.i for s in subjects if coder.actors_of([s]) for t in s.subtree}
    said = _said(token, speaker, words["judging_verbs"])
    addressed = [a for a in coder.actors_of(_addressees(coder, token)) if a.kind not in PLACES]
    targets = _foreign(addressed, own)
    obliged = False  # "a déclaré que la Turquie doit retirer ses navires": a demand on it
    if not targets:
        clause_subjects = [
            token.doc[i]
            for i in sorted(said)
            if token.doc[i].dep_ in ("nsubj", "nsubj:pass")
            # a clause whose verb the parser missed is headed by its subject: "qu'Ankara viole"
            or (token.doc[i].dep_ == "ccomp" and token.doc[i].pos_ in ("PROPN", "NOUN"))
        ]
        for subject in clause_subjects:
            targets = _foreign(coder.actors_of(coder.with_conjuncts(subject)), own)
            if targets:
                obliged = _obliged(subject)
                break
    lemmas = {token.doc[i].lemma_.lower() for i in said}
    # a verb in the present that the tagger takes for a noun keeps its form as its lemma
    # ("qu'Ankara viole sa souveraineté"): its infinitive is what the word lists know
    lemmas |= {lemma + "r" for lemma in lemmas if lemma.endswith("e")}
    if judged is not None:
        code = judged
    elif verb_lemma(token) in words["warning_verbs"] and _what_would_be(token.doc, said):
        code = "130"  # "a prévenu que toute avancée pourrait entraîner une intervention"
    elif lemmas & words["disapproval_words"] or _negated_approval(token.doc, said, words):
        code = "111"
    elif lemmas & words["approval_words"]:
        code = "051"
    elif lemmas & words["cooperation_words"]:
        code = "060"  # "que la coopération entre Barkhane et les forces maliennes se poursuit"
    elif obliged:
        code = "100"
    else:
        code = "010"
    if not targets and code != "010":
        # a judgement names whom it judges anywhere in what was said ("la politique turque
        # en Libye est inacceptable"); a plain comment that merely names a country is not
        # about it (measured on the French dev set: such comments were 1 right in 8)
        named = _foreign(_named_in(coder, said), own)
        if len({a.country if a.country != "IGO" else a.code for a in named}) == 1:
            targets = named[:1]
    if not targets:
        # whom the statement is about, if the learned model is all but sure of one
        # (events/attach.py; its threshold_statements: lower ones cost precision on dev)
        attached = coder.attacher.attach(token, code, sources, "statements", coder.modality(token))
        targets = [attached] if attached is not None else []
    if not targets or len({a.country for a in targets}) > 1:
        return None
    return sources, targets, code, said


def _negated_approval(doc, said, words) -> bool:
    """Whether what was said denies something is acceptable: "Ce n'est pas acceptable"."""
    return any(
        doc[i].lemma_.lower() in words["negated_disapproval_words"]
        and any(c.dep_ == "advmod" and c.lower_ in grammar()["negators"] for c in doc[i].children)
        for i in said
    )


def _obliged(subject) -> bool:
    """Whether what was said puts its subject under an obligation: "que la Turquie doit
    retirer ses navires" (grammar.yaml's ``obligation_verbs``, with an active infinitive)."""
    verb = subject.head
    return (
        subject.dep_ == "nsubj"
        and verb_lemma(verb) in grammar()["obligation_verbs"]
        # "M. Kazimi devrait se rendre à Paris": the conditional foresees as often as it asks
        and "Cnd" not in verb.morph.get("Mood")
        # "les Grecs ne doivent pas être utilisés": what is to be done to them asks nothing
        and any(
            c.dep_ == "xcomp" and not any(a.dep_ == "aux:pass" for a in c.children)
            for c in verb.children
        )
    )


def _said(token, speaker: set[int], judging_verbs: frozenset) -> set[int]:
    """The words said, as token indices: the verb's complement, object or quotation, the
    speaker's own phrase left out. A quotation before the verb ('« ... », a déclaré X')
    hangs under it in any relation, or governs it (parataxis)."""
    said: set[int] = set()
    judging = verb_lemma(token) in judging_verbs
    for child in token.children:
        # "a qualifié de mensonges les propos de responsables américains": the judgement too
        relation = child.dep_ in CLAUSE_DEPS or (child.dep_ in ("obj", "obl:arg") and judging)
        if relation or (child.i < token.i and _quoted(child)):
            said.update(t.i for t in child.subtree)
    if (
        (token.dep_ in ("parataxis", "ccomp") and token.head.i != token.i)
        or _conjoined_incise(token)
        or _subordinate_incise(token)
    ):
        said.update(t.i for t in token.head.subtree)
        said.difference_update(t.i for t in token.subtree)
    if not said:
        said.update(t.i for t in _quotation_before(token))
    if not said:
        said.update(_after_que(token))
    return said - speaker - {token.i}


def _conjoined_incise(token) -> bool:
    """'... c'est le soutien que nous apportons au Mali, a déclaré Emmanuel Macron', where
    the models join the incise to what was said as a conjunct: its subject after it tells."""
    return (
        token.dep_ == "conj"
        and token.head.i < token.i
        and in_incise(token)
        and any(c.dep_ == "nsubj" and c.i > token.i for c in token.children)
    )


def _subordinate_incise(token) -> bool:
    """'"Je pense que ..." et "nous ferons tout ...", a-t-il ajouté', where the model makes
    the incise a subordinate of what was said: it opens with the comma after a closing
    quotation mark."""
    first = token.left_edge.i
    return (
        token.dep_ == "advcl"
        and token.head.i < token.i
        and first > 0
        and token.doc[first].text == ","
        and token.doc[first - 1].text in QUOTES
    )


def _after_que(token) -> list[int]:
    """ "a estimé que la ministre française était ignorante": when the parser hangs the clause
    elsewhere, what follows "que" right after the verb is still what was said."""
    following = [t for t in token.doc[token.i + 1 : token.sent.end] if t.pos_ != "ADV"]
    if following and following[0].lower_ in ("que", "qu'", "qu’") and following[0].pos_ == "SCONJ":
        return [t.i for t in following[1:]]
    return []


def _quotation_before(token) -> list:
    """'« ... inacceptable », a déclaré Emmanuel Macron': the French models often end the
    sentence at the closing mark, leaving the verb of saying a sentence of its own that
    opens with the comma. Then the quotation is the sentence before."""
    sentence = token.sent
    if sentence.start == 0 or sentence[0].text not in (",", *QUOTES):
        return []
    if any(t.pos_ in ("VERB", "AUX") and t.i < token.i for t in sentence if t.dep_ != "aux:tense"):
        return []  # the comma opens a clause of its own, not the verb of saying
    before = token.doc[sentence.start - 1]
    if before.text not in QUOTES and before.text not in (".", "!", "?"):
        return []
    return list(before.sent) if any(t.text in QUOTES for t in before.sent) else []


def reporting_speaker(coder, token, words: dict) -> list:
    """The actors of whoever reports ``token`` in its sentence: the speaker of a verb of
    saying whose words hold it. "je" in '« Je salue la décision du président Bouteflika »,
    a déclaré le président français' is the French president; an act without a doer in what
    a state announces is the state's: "Emmanuel Macron a dit qu'un détachement serait
    envoyé au Liban"."""
    sentence = token.sent
    following = (
        token.doc[sentence.end].sent if sentence.end < len(token.doc) else sentence
    )  # "« ... », a déclaré X" cut after the quotation (_quotation_before)
    for verb in [*sentence, *(following if following.start != sentence.start else [])]:
        if verb.i == token.i or verb_lemma(verb) not in words["verbs"]:
            continue
        subjects = coder.subjects(verb)[0]
        if any(s.lower_ in words["first_person"] for s in subjects):
            continue
        speaker = {t.i for s in subjects for t in s.subtree}
        if token.i in _said(verb, speaker, words["judging_verbs"]):
            return coder.actors_of(subjects)
    return []


def _quoted(head) -> bool:
    """Whether a phrase before the verb of saying is a quotation: it holds a quote mark."""
    if head.dep_ in ("nsubj", "nsubj:pass"):
        return quotation_subject(head, head.head)
    return any(t.text in QUOTES for t in head.subtree)


def quotation_subject(subject, verb) -> bool:
    """Whether a subject before a verb of saying is a whole quotation, its marks included:
    '"Les dirigeants de Bahreïn seront complices", a déclaré le ministère', where the models
    make the words said the verb's subject."""
    doc = subject.doc
    first, last = subject.left_edge.i, subject.right_edge.i
    return (
        subject.i < verb.i
        and last > first
        and doc[first].text in QUOTES
        and doc[last].text in QUOTES
    )


def _what_would_be(doc, said: set[int]) -> bool:
    """Whether what was said is what will or would be done: a verb in the future or the
    conditional, or under "pouvoir". A warning of that is a threat (130), as in English
    (events/statements.py); one of how things are is a comment."""
    for i in said:
        verb = doc[i]
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if is_future(verb) or is_conditional(verb):
            return True
        if verb.lemma_.lower() == "pouvoir":
            return True
    return False


def _addressees(coder, token) -> list:
    """ "a déclaré à son homologue", "lui a assuré", "a évoqué devant le président malien":
    the one spoken to; not a noun of when or on what occasion ("a-t-il lancé à l'issue d'un
    entretien avec son homologue tunisien", grammar.yaml's ``occasion_nouns``)."""
    occasions = grammar()["occasion_nouns"]
    found = [t for t in coder.obliques(token, "à") if t.lemma_.lower() not in occasions]
    if not coder.subjects(token)[1]:
        # "a évoqué devant le président malien": an audience; not "sont jugés devant le
        # tribunal", a trial
        found += coder.obliques(token, "devant")
    found += [c for c in token.children if c.dep_ == "iobj"]
    return found


def _named_in(coder, said: set[int]) -> list:
    """The actors the words name, leaving out those named only as where things happen
    ("joue en Libye un jeu dangereux")."""
    actors = []
    for i in sorted(said):
        mention = coder.by_head.get(i)
        if mention is None:
            continue
        if coder.preposition(coder.doc[i]) in PLACE_PREPOSITIONS:
            continue
        actors.extend(mention.actors)
    return list(dict.fromkeys(actors))


def _foreign(actors, own: set) -> list:
    return [a for a in actors if a.country and a.country not in own]
