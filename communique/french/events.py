"""The French event coder: verbs of french/data/verbs.tsv in the UD parse of spaCy's French
models, their subjects and objects resolved to the actors of french/actors.py, and the
events recorded as English ones are (records/event.py).

Sources are the verb's subject, or the subject it shares: of the verb it is the
complement of ("a décidé de sanctionner"), the first of two coordinated verbs, the noun a
relative clause qualifies ("la Cédéao, qui a sanctionné le Mali") and the clause a
participle opens ("Arrivé à Bamako, le ministre a..."). A passive's agent ("par") is
the source and its subject the target. Targets are where the pattern says: the object, or
the noun after a preposition ("s'entretenir avec", "se rendre au Mali").
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass

from ..dictionary_files import read_table
from ..events.event_record import coded_event
from ..events.pairs import event_pairs, is_symmetric
from ..model import Actor, Article, Mention
from ..records.event import Location
from ..yaml_data import read_yaml
from .french_dates import event_date
from .gazetteer import DATA

SUBJECTS = ("nsubj", "nsubj:pass", "expl:subj")
OBJECTS = ("obj",)
OBLIQUES = ("obl", "obl:arg", "obl:mod", "nmod", "iobj")
SHARES_SUBJECT = ("xcomp", "conj", "advcl", "acl")
CONJOINED = ("conj", "appos")


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # the lemma: a verb's, or an event noun's (``noun``)
    reflexive: bool
    object: str | None
    code: str
    targets: tuple[str, ...]
    origin: str
    noun: bool = False


@functools.cache
def noun_patterns() -> dict[str, VerbPattern]:
    return {
        row["noun"]: VerbPattern(
            row["noun"],
            False,
            None,
            row["code"],
            tuple(t for t in row["target"].split("|") if t),
            f"french/nouns.tsv:{line_number}",
            noun=True,
        )
        for line_number, row in read_table(DATA / "nouns.tsv").rows
    }


@functools.cache
def verb_patterns() -> dict[str, list[VerbPattern]]:
    table: dict[str, list[VerbPattern]] = {}
    for line_number, row in read_table(DATA / "verbs.tsv").rows:
        verb = row["verb"]
        reflexive = verb.startswith(("se ", "s'"))
        lemma = verb[3:] if verb.startswith("se ") else verb[2:] if verb.startswith("s'") else verb
        pattern = VerbPattern(
            lemma,
            reflexive,
            row["object"] or None,
            row["code"],
            tuple(t for t in row["target"].split("|") if t and t != "-"),
            f"french/verbs.tsv:{line_number}",
        )
        table.setdefault(lemma, []).append(pattern)
    return table


@functools.cache
def grammar() -> dict:
    return read_yaml(DATA.joinpath("grammar.yaml"))


class FrenchCoder:
    def __init__(self, article: Article):
        self.article = article
        self.doc = article.doc
        self.by_head: dict[int, Mention] = {m.head: m for m in article.mentions}
        self.events: list[dict] = []
        self.seen: set[tuple] = set()
        self._sentence_starts: list[int] | None = None  # for pronouns, made on first need

    def run(self) -> list[dict]:
        for sentence in self.doc.sents:
            for token in sentence:
                lemma = token.lemma_.lower()
                if token.pos_ in ("VERB", "AUX") and lemma in verb_patterns():
                    pattern = self._pattern(token)
                    if pattern is not None:
                        self.code(token, pattern, sentence)
                elif token.pos_ == "NOUN" and lemma in noun_patterns():
                    self.code(token, noun_patterns()[lemma], sentence)
        return self.events

    def _pattern(self, token) -> VerbPattern | None:
        reflexive = any(
            c.lower_ in grammar()["reflexive_pronouns"] and c.dep_.startswith(("expl", "obj"))
            for c in token.children
        )
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in OBJECTS}
        candidates = [p for p in verb_patterns()[token.lemma_.lower()] if p.reflexive == reflexive]
        with_object = [p for p in candidates if p.object and p.object in objects]
        plain = [p for p in candidates if not p.object]
        return (with_object or plain or [None])[0]

    # -- roles -----------------------------------------------------------------------------
    def subjects(self, token, depth: int = 0) -> tuple[list, bool]:
        """The subject tokens of ``token``'s clause, and whether it is passive."""
        own = [c for c in token.children if c.dep_ in SUBJECTS]
        if not own and token.lemma_.lower() in grammar()["speech_verbs"]:
            # ", a déclaré le président français": the subject after the verb, read as object
            own = [c for c in token.children if c.dep_ == "obj" and c.i > token.i]
        passive = any(c.dep_ == "nsubj:pass" or c.dep_ == "aux:pass" for c in token.children)
        if own:
            subject = own[0]
            if subject.lower_ in grammar()["relative_pronouns"] and token.dep_.startswith("acl"):
                subject = token.head  # "la Cédéao, qui a sanctionné le Mali"
            return self._with_conjuncts(subject), passive
        if depth < 3 and token.dep_ in SHARES_SUBJECT and token.head.i != token.i:
            if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
                return self._with_conjuncts(token.head), passive  # "le ministre, arrivé à"
            return self.subjects(token.head, depth + 1)[0], passive
        return [], passive

    def _with_conjuncts(self, token, relations=CONJOINED) -> list:
        return [token] + [c for c in token.children if c.dep_ in relations]

    def obliques(self, token, preposition: str) -> list:
        found = []
        for child in token.children:
            if child.dep_ in OBLIQUES and self._preposition(child) == preposition:
                found.extend(self._with_conjuncts(child))
        if not found and token.pos_ in ("VERB", "AUX"):
            # "s'est entretenu par téléphone avec son homologue": the parser hangs the
            # partner on the means
            for child in token.children:
                if child.dep_.startswith("obl") and self._preposition(child) == "par":
                    found.extend(self.obliques(child, preposition))
        return found

    def _preposition(self, noun) -> str | None:
        forms = grammar()["preposition_forms"]
        cases = [c for c in noun.children if c.dep_ == "case"]
        if not cases:
            return None
        first = cases[0].lower_
        if first == "auprès":
            return "auprès"
        return forms.get(first, first)

    def actors_of(self, tokens) -> list[Actor]:
        actors = []
        for token in tokens:
            if token.pos_ == "PRON" and token.lower_.lstrip("-") in grammar()["personal_pronouns"]:
                mentions = [m for m in [self._antecedent(token)] if m is not None]
            else:
                own = self.by_head.get(token.i)
                mentions = [own] if own is not None else self._mentions_below(token)
            for mention in mentions:
                actors.extend(mention.actors)
        return list(dict.fromkeys(actors))

    def _mentions_below(self, token, depth: int = 0) -> list[Mention]:
        """Names inside the phrase: "le chef de la junte malienne", "la coopération des
        autorités du Bénin et du Burkina Faso"."""
        for child in token.children:
            if child.dep_ not in ("nmod", "amod", "appos", "flat:name"):
                continue
            if child.dep_ == "nmod" and self._preposition(child) not in (None, "de"):
                continue  # "l'opération au Mali": a place, not who acts
            found = [
                self.by_head[t.i]
                for t in self._with_conjuncts(child, ("conj",))
                if t.i in self.by_head
            ]
            if not found and depth < 1:
                found = self._mentions_below(child, depth + 1)
            if found:
                return found
        return []

    def _antecedent(self, pronoun) -> Mention | None:
        """The last person or office named before a subject pronoun, in its sentence or
        the two before it: "Emmanuel Macron ... Il a rencontré"."""
        if self._sentence_starts is None:
            self._sentence_starts = [sentence.start_char for sentence in self.doc.sents]
        index = bisect.bisect_right(self._sentence_starts, pronoun.idx) - 1
        earliest = self._sentence_starts[max(0, index - 2)]
        for mention in reversed(self.article.mentions):  # in text order (FrenchResolver)
            if mention.start >= pronoun.idx:
                continue
            if mention.start < earliest:
                return None
            if mention.actors[0].kind in ("person", "agent"):
                return mention
        return None

    def noun_parties(self, noun, pattern: VerbPattern) -> tuple[list[Actor], list[Actor]]:
        """An event noun's agent ("la visite d'Emmanuel Macron"), else the subject of the
        clause it sits in; its target after one of the pattern's prepositions."""
        agents = [c for c in noun.children if c.dep_ == "nmod" and self._preposition(c) == "de"]
        sources = self.actors_of(agents)
        governor = noun.head
        taken_by_verb = (
            noun.dep_ == "obj" and governor.lemma_.lower() not in grammar()["light_verbs"]
        )  # "a dénoncé des sanctions": whose sanctions, the clause does not say
        if not sources and not taken_by_verb:
            clause = noun.head
            while clause.pos_ in ("NOUN", "PROPN") and clause.head.i != clause.i:
                clause = clause.head  # "à l'issue d'un sommet avec": up to the verb
            if clause.pos_ in ("VERB", "AUX"):
                sources = self.actors_of(self.subjects(clause)[0])
        targets: list[Actor] = []
        for where in pattern.targets:
            targets = self.actors_of(self.obliques(noun, where))
            if targets:
                break
        return sources, targets

    def parties(self, token, pattern: VerbPattern) -> tuple[list[Actor], list[Actor]]:
        if pattern.noun:
            return self.noun_parties(token, pattern)
        subjects, passive = self.subjects(token)
        if passive:
            agents = self.obliques(token, "par")
            return self.actors_of(agents), self.actors_of(subjects)
        sources = self.actors_of(subjects)
        targets: list[Actor] = []
        for where in pattern.targets:
            tokens = (
                [c for c in token.children if c.dep_ in OBJECTS]
                if where == "obj"
                else self.obliques(token, where)
            )
            if pattern.object and where == "obj":
                continue  # the object is the act itself: "rappeler son ambassadeur"
            targets = self.actors_of(tokens)
            if targets:
                break
        return sources, targets

    # -- one trigger -----------------------------------------------------------------------
    def code(self, token, pattern: VerbPattern, sentence) -> None:
        sources, targets = self.parties(token, pattern)
        if not sources:
            return
        modality, negated = self.modality(token)
        mutual = bool(self.obliques(token, "entre"))
        date, precision = event_date(token, self.article.date)
        added: set[tuple] = set()  # by this trigger: its own reverse pairs stay
        for source, target in event_pairs(sources, targets, pattern.code, mutual):
            if target is not None and target.country == source.country:
                target = None  # "a appelé les Maliens au calme": a state and its own people
            key = (source.code, target.code if target else None, pattern.code, sentence.start)
            reverse = (key[1], key[0], key[2], key[3])
            symmetric = is_symmetric(pattern.code)
            if key in self.seen or (symmetric and reverse in self.seen and reverse not in added):
                continue
            self.seen.add(key)
            added.add(key)
            self.events.append(
                self.record(
                    token, pattern, sentence, source, target, modality, negated, date, precision
                )
            )

    def modality(self, token) -> tuple[str, bool]:
        words = grammar()
        if token.pos_ == "NOUN":  # "prévoit une visite": the verb's mood is the noun's
            verb = token.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i == token.i:
                return "asserted", False
            lemma = verb.lemma_.lower()
            if lemma in words["hypothetical_verbs"]:
                return "hypothetical", False
            if lemma in words["intent_verbs"]:
                return "intended", False
            return self.modality(verb)
        negated = any(c.dep_ == "advmod" and c.lower_ in words["negators"] for c in token.children)
        governing = token.head if token.dep_ == "xcomp" else None
        auxiliaries = [c for c in token.children if c.dep_.startswith("aux")]
        conditional = any("Cnd" in c.morph.get("Mood") for c in [token, *auxiliaries])
        if governing is not None:
            negated = negated or any(
                c.dep_ == "advmod" and c.lower_ in words["negators"] for c in governing.children
            )
            lemma = governing.lemma_.lower()
            if lemma in words["hypothetical_verbs"] or "Cnd" in governing.morph.get("Mood"):
                return "hypothetical", negated
            if lemma in words["intent_verbs"]:
                return "intended", negated
        if conditional or any(
            c.dep_ == "mark" and c.lower_ in words["conditional_markers"] for c in token.children
        ):
            return "hypothetical", negated
        return "asserted", negated

    def record(
        self, token, pattern, sentence, source, target, modality, negated, date, precision
    ) -> dict:
        return coded_event(
            self.article.id,
            sentence,
            token.i,
            token.text,
            pattern.code,
            source,
            target,
            specific=pattern.object is not None,
            modality=modality,
            negated=negated,
            historical=False,
            date=date,
            precision=precision,
            location=self._location(token),
            origin=pattern.origin,
        )

    def _location(self, token) -> Location | None:
        for child in token.children:
            mention = self.by_head.get(child.i)
            if child.dep_ == "obl:mod" and mention and mention.actors[0].kind == "place":
                actor = mention.actors[0]
                return Location(actor.text, actor.country)
        return None
