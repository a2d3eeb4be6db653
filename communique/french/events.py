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

import dataclasses

from ..actors.context import AGENT_SECTORS as OFFICE_SECTORS
from ..events.antecedents import ThingMemory
from ..events.attach import TargetAttacher
from ..events.event_record import coded_event
from ..events.modality import intent_code
from ..events.timing import is_historical
from ..events.pairs import event_pairs, is_symmetric
from ..events.statements import HOSTILE_ROOTS
from ..model import Article
from ..records.event import Location
from .context import story_country
from .french_dates import event_date
from .incises import after_quotation
from .patterns import (
    VerbPattern,
    grammar,
    noun_patterns,
    objects_of,
    statement_words,
    verb_lemma,
)
from .clause_shapes import told_to_act
from .roles import FrenchRoles
from .statements import statement_parties
from .tenses import is_conditional, is_future
from .things import french_words


class FrenchCoder(FrenchRoles):
    def __init__(self, article: Article, attacher: TargetAttacher | None = None):
        super().__init__(article)
        self.attacher = (
            attacher
            if attacher is not None
            else TargetAttacher(
                article,
                saying=statement_words()["verbs"],
                concessive=grammar()["concessive_prepositions"],
            )
        )
        self.events: list[dict] = []
        self.trigger_of: dict[str, int] = {}  # event id -> the trigger's token index
        self.seen: set[tuple] = set()
        # acts on sanctions and agreements, for their nouns named again
        self.things = ThingMemory(
            french_words(),
            lambda tokens: any(t.i in self.by_head or self._covering(t) for t in tokens),
        )

    def run(self) -> list[dict]:
        for sentence in self.doc.sents:
            statements = []
            for token in sentence:
                lemma = verb_lemma(token)
                pattern = self.pattern_of(token) if token.pos_ in ("VERB", "AUX") else None
                if pattern is not None and _says_what_not_whom(token, lemma):
                    # "a prévenu que toute avancée vers Syrte entraînerait une intervention
                    # contre la Libye": a warning to no one, aimed at whom what it says is
                    statements.append((token, None))
                elif pattern is not None and _judges_a_quotation(token, lemma):
                    # '« La Turquie joue un jeu dangereux », a déploré le président français':
                    # criticism of whom the quotation names, by the speaker after the verb
                    statements.append((token, pattern))
                elif pattern is not None:
                    self.code(token, pattern, sentence)
                elif token.pos_ in ("VERB", "AUX") and lemma in statement_words()["verbs"]:
                    # also a verb whose patterns need another object: "a rappelé que ..."
                    statements.append((token, None))
                elif token.pos_ == "NOUN" and lemma in noun_patterns():
                    noun_pattern = self.noun_pattern_of(token)
                    if noun_pattern is not None and not (
                        self._undone(token) or _an_interview(token)
                    ):
                        self.code(token, noun_pattern, sentence)
            for token, judged in statements:
                self.code_statement(token, sentence, judged)
        return self.events

    def _undone(self, noun) -> bool:
        """ "la levée de l'embargo", "a agité le spectre de sanctions": an act that is what
        another event noun's pattern, or a verb's through a noun of kind, acts on (its
        object, after "de") is that act's, not one of its own."""
        governor = noun.head
        if noun.dep_ != "nmod" or governor.pos_ != "NOUN" or self.preposition(noun) != "de":
            return False
        if governor.lemma_.lower() in grammar()["kind_nouns"] and governor.head.pos_ == "VERB":
            governing = self.pattern_of(governor.head)
        else:
            governing = self.noun_pattern_of(governor)
        return governing is not None and governing.object == noun.lemma_.lower()

    def code_statement(self, token, sentence, judged: VerbPattern | None = None) -> None:
        """A statement, unless the sentence already has an act between the same two
        countries: "« Je salue la décision du président Bouteflika », a déclaré le
        président français" is the praise, not also a comment. Nor is a plain comment whose
        target is the doer of an act the sentence codes: "Ces responsables turcs se sont
        entretenus avec le chef du gouvernement, a indiqué le GNA" reports the meeting; one
        that reports a hostile act of its target accuses it (112), as in English
        (events/statements.py)."""
        parties = statement_parties(
            self, token, statement_words(), judged.code if judged is not None else None
        )
        if parties is None:
            if judged is not None:  # what was judged names no one alone: the verb's own reading
                self.code(token, judged, sentence)
            return
        sources, targets, code, said = parties
        acts = [e for e in self.events if e["evidence"]["start"] == sentence.start_char]
        # what was said judged ("Ce n'est pas acceptable", a-t-il poursuivi, en appelant à
        # ...) is an act of its own beside the appeal; a plain comment is not
        coded = {
            (e["source"].get("country"), (e["target"] or {}).get("country"))
            for e in acts
            if code == "010" or e["cameo_root"] == code[:2]
        }
        if any((s.country, t.country) in coded for s in sources for t in targets):
            return
        done = {  # the acts that what was said reports, by their doer
            e["source"].get("country"): e["cameo_root"]
            for e in acts
            if e["cameo_root"] != "01" and self.trigger_of[e["id"]] in said
        }
        reported = [done[t.country] for t in targets if t.country in done]
        if code == "010" and reported:
            if not any(root in HOSTILE_ROOTS for root in reported):
                return
            code = "112"  # "a dit que les autorités chinoises attaquaient": an accusation
        pattern = VerbPattern(
            verb_lemma(token), False, None, code, (), "french/grammar.yaml:statement_verbs"
        )
        self.code(token, pattern, sentence, (sources, targets))

    # -- one trigger -----------------------------------------------------------------------
    def code(self, token, pattern: VerbPattern, sentence, parties=None) -> None:
        sources, targets = parties or self.parties(token, pattern)
        between = self.obliques(token, "entre")
        if not between and token.pos_ == "NOUN" and token.head.pos_ in ("VERB", "AUX"):
            # "a confirmé une coopération entre Kiev et Paris": hung on the verb
            between = [t for t in self.obliques(token.head, "entre") if t.i > token.i]
        if not sources and not targets and is_symmetric(pattern.code):
            # "une coopération complète entre Kiev et Paris": the parties, each way
            targets = self.actors_of(between)
        if not sources and len({t.country for t in targets}) < 2:
            return
        verb = f"se {pattern.verb}" if pattern.reflexive else pattern.verb
        if verb in grammar()["office_visit_verbs"] and not any(
            s.country == "IGO" or set(s.sectors) & OFFICE_SECTORS for s in sources
        ):
            return  # "les deux touristes se trouvaient au Bénin": no visit of state
        if not targets and pattern.code[:2] in grammar()["story_target_roots"]:
            # "La France a acheminé de l'aide par trois avions", in a story on Lebanon
            targets = story_country(self.article.mentions, token.idx, sources)
        modality, negated = self.modality(token)
        if modality == "intended":
            # "la Russie est prête à fournir une aide": an intent to give aid (033), as CAMEO
            # and the English coder code it, not the aid
            pattern = dataclasses.replace(pattern, code=intent_code(pattern.code))
        own = {s.country for s in sources}
        if sources and not any(t.country and t.country not in own for t in targets):
            targets = self.things.targets(token, sources) or targets  # "ces sanctions"
        if (
            sources
            and token.i not in self.unknown_party
            and not (pattern.noun and pattern.code[:2] in grammar()["partner_named_noun_roots"])
            and not any(t.country and t.country not in own for t in targets)
        ):
            # the grammar found no one on the other side: the model may (events/attach.py)
            attached = self.attacher.attach(token, pattern.code, sources, mood=(modality, negated))
            if attached is not None:
                targets = [attached]
        mutual = bool(between)
        date, precision = event_date(token, self.article.date)
        added: set[tuple] = set()  # by this trigger: its own reverse pairs stay
        pairs = (
            [(source, None) for source in sources]
            if not targets and token.i in self.unknown_party
            else event_pairs(sources, targets, pattern.code, mutual, named_act=pattern.noun)
        )
        for source, target in pairs:
            if target is not None and target.country == source.country:
                target = None  # "a appelé les Maliens au calme": a state and its own people
            key = (source.code, target.code if target else None, pattern.code, sentence.start)
            reverse = (key[1], key[0], key[2], key[3])
            symmetric = is_symmetric(pattern.code)
            if key in self.seen or (symmetric and reverse in self.seen and reverse not in added):
                continue
            self.seen.add(key)
            added.add(key)
            event = self.record(
                token, pattern, sentence, source, target, modality, negated, date, precision
            )
            self.trigger_of[event["id"]] = token.i
            self.events.append(event)
            self.things.remember(token, source, target)

    def modality(self, token) -> tuple[str, bool]:
        words = grammar()
        if token.pos_ == "NOUN":  # "prévoit une visite": the verb's mood is the noun's
            verb = token.head
            for _ in range(3):  # "organiserait une conférence d'aide": up through nouns
                if verb.pos_ != "NOUN" or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX") or verb.i == token.i:
                return "asserted", False
            lemma = verb.lemma_.lower()
            if lemma in words["hypothetical_verbs"]:
                return "hypothetical", False
            if lemma in words["intent_verbs"]:
                return "intended", False
            return self.modality(verb)
        negated = any(c.dep_ == "advmod" and c.lower_ in words["negators"] for c in token.children)
        if token.dep_ == "acl" and token.head.lemma_.lower() in words["intent_nouns"]:
            return "intended", negated  # "sa volonté de retirer les troupes"
        governing = token.head if token.dep_ == "xcomp" else None
        auxiliaries = [c for c in token.children if c.dep_.startswith("aux")]
        conditional = any(is_conditional(c) for c in [token, *auxiliaries])
        if governing is not None:
            negated = negated or any(
                c.dep_ == "advmod" and c.lower_ in words["negators"] for c in governing.children
            )
            lemma = governing.lemma_.lower()
            if (
                (lemma in words["hypothetical_verbs"] and not _managed(governing))
                or told_to_act(token)  # "a exhorté l'Éthiopie à retirer ses troupes"
                or "Cnd" in governing.morph.get("Mood")
                or any(  # "si Ankara continue à contester": only supposed
                    c.dep_ == "mark" and c.lower_ in words["conditional_markers"]
                    for c in governing.children
                )
            ):
                return "hypothetical", negated
            if lemma in words["intent_verbs"]:
                return "intended", negated
        if any(
            c.dep_ == "mark" and c.lower_ in words["conditional_markers"] for c in token.children
        ):
            return "hypothetical", negated
        if (
            conditional
            and token.dep_ == "ccomp"
            and verb_lemma(token.head) in words["speech_verbs"]
        ):
            # "a annoncé que des vivres seraient envoyés": the future of a past report
            return "intended", negated
        if (is_future(token) or is_conditional(token)) and any(
            c.dep_ == "advcl"
            and any(
                m.dep_ == "mark" and m.lower_ in words["conditional_markers"] for m in c.children
            )
            for c in token.children
        ):
            # "si cela continue, nous répliquerons", "si la junte ne cédait pas, elle
            # imposerait des sanctions": what will or would be done on a condition is stated
            # now, a threat (or a promise) as in English (modality.yaml)
            return "intended", negated
        if conditional:
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
            historical=is_historical(date, precision, self.article.date),
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


def _says_what_not_whom(verb, lemma: str) -> bool:
    """A verb of saying with a pattern ("avertir", "prévenir" someone) that has a clause and
    no object: what it says is read as a statement's."""
    return (
        lemma in statement_words()["verbs"]
        and any(c.dep_ == "ccomp" for c in verb.children)
        and not objects_of(verb)
    )


def _judges_a_quotation(verb, lemma: str) -> bool:
    """A verb of judging (grammar.yaml's ``incise_judging_verbs``) in an incise right after
    a quotation: '« ... », a déploré le président'."""
    return lemma in grammar()["incise_judging_verbs"] and after_quotation(verb)


def _managed(verb) -> bool:
    """ "L'ONU a pu rendre visite au président", "avoir pu rencontrer": "pouvoir" in the past
    (grammar.yaml's ``managed_forms``) says the act was done, as "was able to" does; "aurait
    pu" or "aura pu" still only supposes it."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return verb.lower_ in grammar()["managed_forms"] and not any(
        is_conditional(a) or "Fut" in a.morph.get("Tense") for a in auxiliaries
    )


def _an_interview(noun) -> bool:
    """ "dans un entretien accordé à l'hebdomadaire", "dans un entretien au Journal du
    dimanche": talks given to the press (grammar.yaml's ``interview_nouns`` and
    ``media_nouns``) are an interview, not a meeting."""
    words = grammar()
    if noun.lemma_.lower() not in words["interview_nouns"]:
        return False
    if any(c.dep_ == "acl" and c.lemma_.lower() == "accorder" for c in noun.children):
        return True
    return any(c.dep_ == "nmod" and c.lemma_.lower() in words["media_nouns"] for c in noun.children)
