"""What French news says and whom it is about (issue 18): statements coded by the one
foreign actor they are about, quotations kept with their verb of saying, "je" in a
quotation as its speaker, bare titles read from the article, object pronouns, force and
visits aimed at where they happen. Texts written for the tests."""

import functools

import pytest

from communique.model import Document
from tests.french.conftest import coded as coded_events

coded = functools.partial(coded_events, scored_only=True)  # as the scorer counts


@pytest.mark.parametrize(
    "text, expected",
    [
        # a judgement of what a foreign state does is criticism
        (
            "Emmanuel Macron a jugé que la Turquie jouait un jeu dangereux en Libye.",
            ("FRA", "TUR", "111"),
        ),
        # denying that something is acceptable or normal is criticism too
        (
            '"Ce n\'est pas normal que la France reste au Mali", a déclaré le Premier ministre '
            "malien.",
            ("MLI", "FRA", "111"),
        ),
        # a warning of what would be done is a threat
        (
            "Le président égyptien a prévenu que toute avancée vers Syrte pourrait entraîner "
            "une intervention de l'armée contre la Libye.",
            ("EGY", "LBY", "130"),
        ),
        # the quotation before its verb of saying stays in the sentence; a demonym on
        # what a state does names the state
        (
            "Le sommet s'est achevé jeudi. \"La politique turque en Libye est pour nous "
            'inacceptable", a déclaré Emmanuel Macron devant la presse.',
            ("FRA", "TUR", "111"),
        ),
        # "je" in a quotation is its speaker
        (
            '"Je salue la décision du Niger", a déclaré le président français.',
            ("FRA", "NER", "051"),
        ),
        # a bare title is the country the article is about
        (
            "Le Mali a rompu avec la France. Le Mali accuse la France de l'avoir trahi. Le "
            "Mali est enclavé. Le chef de l'État a appelé l'Algérie au dialogue.",
            ("MLI", "DZA", "020"),
        ),
        # an object pronoun is whoever was named before, not the subject
        (
            "Le Premier ministre malien est arrivé à Paris. Emmanuel Macron l'a reçu mardi.",
            ("FRA", "MLI", "043"),
        ),
        # "aux côtés de", and "Royaume-Uni" kept whole so that the subject keeps its verb
        (
            "Le Royaume-Uni et le Danemark participent à l'opération aux côtés de la France.",
            ("GBR", "FRA", "062"),
        ),
        # an act with no doer in what a state announces is the state's, and the conditional
        # of a past report is its future, not a hypothesis: an intent to give aid (033)
        (
            "Le président français a annoncé que des vivres seraient envoyés au Liban.",
            ("FRA", "LBN", "033"),
        ),
        # aid whose receiver the sentence leaves unsaid goes where the story is
        (
            "Le Liban a été frappé par une double explosion. Le Liban compte ses morts. "
            "La France a acheminé mercredi de l'aide par trois avions.",
            ("FRA", "LBN", "070"),
        ),
        # the partner hung on the means: "au téléphone avec"
        (
            "Emmanuel Macron s'est entretenu au téléphone avec son homologue nigérien.",
            ("FRA", "NER", "040"),
        ),
        # a demonym on the object names the party acted on
        (
            "Le ministère français des Armées appuie les recherches nigériennes.",
            ("FRA", "NER", "051"),
        ),
        # the doer of what is acted on: "un appel lancé par l'Egypte"
        ("La Turquie a rejeté un appel lancé par l'Egypte.", ("TUR", "EGY", "120")),
        # an honour awarded is praise of whom it is awarded to
        (
            "Le président français a traversé la Manche en avion et a décerné la légion "
            "d'honneur à la capitale britannique.",
            ("FRA", "GBR", "051"),
        ),
        # a sentence is no criticism; a capitalised demonym acted on is a national
        (
            "Un tribunal de Moscou a condamné l'Américain Paul Whelan à 16 ans de prison pour "
            "espionnage.",
            ("RUS", "USA", "172"),
        ),
        # a judgement before its object, with a day the parser takes for the object
        (
            "Le ministre syrien des Affaires étrangères a qualifié mardi de mensonges les "
            "propos des Etats-Unis.",
            ("SYR", "USA", "111"),
        ),
        # every member of a list of subjects acts
        (
            "Le Royaume-Uni, l'Estonie et le Danemark participent à l'opération aux côtés de "
            "la France.",
            ("EST", "FRA", "062"),
        ),
        # a noun of a mutual act between two parties
        (
            "Les deux ministères ont confirmé une coopération complète entre Kiev et Paris.",
            ("UKR", "FRA", "060"),
        ),
        # the ambassador "en France" is the one recalled from France
        (
            "L'Algérie a décidé de rappeler pour consultations son ambassadeur en France.",
            ("DZA", "FRA", "161"),
        ),
        # a compound demonym names both states
        ("Les Etats-Unis ont rejeté le texte franco-tunisien.", ("USA", "TUN", "120")),
        ("La coopération franco-malienne se poursuit.", ("MLI", "FRA", "060")),
        # a faction for a national body is of its country, one for a state is not the state
        ("La Turquie soutient militairement les forces pro-GNA.", ("TUR", "LBY", "072")),
        # joint military action
        (
            "L'armée française a mené une patrouille conjointe avec l'armée malienne.",
            ("FRA", "MLI", "062"),
        ),
        ("L'Estonie et le Danemark participent à l'opération Barkhane.", ("EST", "FRA", "062")),
        # present tenses the lemmatizer leaves as nouns ("demande", "participe", "signe")
        ("Le Mali demande à la France de retirer ses troupes.", ("MLI", "FRA", "020")),
        ("L'Estonie participe à l'opération Barkhane.", ("EST", "FRA", "062")),
        # more patterns: criticism, condolences, suspending cooperation with someone,
        # and cooperation carried by a verb that only strengthens it
        ("Le ministre italien a égratigné la France.", ("ITA", "FRA", "111")),
        (
            "Le président malien a présenté ses condoléances à la France.",
            ("MLI", "FRA", "018"),
        ),
        (
            "La France a suspendu sa coopération militaire avec le Mali.",
            ("FRA", "MLI", "160"),
        ),
        ("La France et le Mali ont renforcé leur coopération.", ("MLI", "FRA", "060")),
        # a visit is to where the visitor arrives
        ("Le ministre français est arrivé lundi à Bamako.", ("FRA", "MLI", "042")),
    ],
)
def test_statement_and_context_shapes(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # about the speaker's own side only
        "Le président français a déclaré que la France restera engagée.",
        # two foreign actors: no way to tell whom it is about
        "Le ministre français a estimé que la Russie et la Chine avaient tort.",
        # hostages taken by no one named: "enlevés" says what was done to them
        "L'armée française a libéré les deux Français enlevés au Bénin.",
        # a place where something is done is not whom it is said to
        "Des militaires estoniens assurent à Gao des missions de patrouille.",
        # a party the gazetteer does not know is not the sources acting on each other
        "L'Egypte, les Emirats arabes unis et la Russie soutiennent le maréchal Zorvan Keldrake.",
        # taking part in an operation is not acting on each other
        "Le Royaume-Uni et l'Estonie participent à une opération au Sahel.",
        # a country in a firm's name
        "Les patrons de Ben's Chili Bowl ont reçu une aide de la France.",
        # force against an armed group is not against the state where it is used
        "L'armée française a tué vingt jihadistes au Mali.",
    ],
)
def test_no_event_without_one_party_each(pipeline, text):
    events = coded(pipeline, text)
    assert not {e for e in events if e[1] is not None and e[0] != e[1]}, events


def test_a_place_after_the_party_is_where_not_a_second_party(pipeline):
    """Orange Actu, December 2019: Trump attacked Macron, in London."""
    found = coded(
        pipeline,
        "Donald Trump s'en est pris rudement à Emmanuel Macron ce mardi 3 décembre à Londres, "
        "renforçant les tensions entre les deux pays.",
    )
    assert ("USA", "FRA", "111") in found and not any(t == "GBR" for _, t, _ in found), found


def test_a_faction_for_a_state_is_not_of_that_state(pipeline):
    """ "les milices pro-iraniennes" are not Iran's."""
    events = coded(pipeline, "Les milices pro-iraniennes ont attaqué les forces turques.")
    assert not any(source == "IRN" for source, _, _ in events), events


def test_what_follows_que_is_what_was_said_when_the_parser_hangs_it_elsewhere(pipeline):
    from communique.french.statements import _after_que

    article = pipeline(
        Document(id="t", content="Le ministre a estimé que la Turquie jouait un jeu dangereux.")
    )
    verb = next(t for t in article.doc if t.lemma_ == "estimer")
    said = [article.doc[i].text for i in _after_que(verb)]
    assert said[:2] == ["la", "Turquie"] and "que" not in said


def test_what_was_said_when_the_tagger_takes_its_verb_for_a_noun(pipeline):
    """ "qu'Ankara viole sa souveraineté": fr_core_news_md tags "viole" a noun, heads the
    clause with "Ankara" and leaves "viole" as its lemma. "Ankara" is still what was said's
    subject, and "viole" still "violer", a word of disapproval."""
    found = coded(pipeline, "Athènes estime qu'Ankara viole sa souveraineté dans la région.")
    assert ("GRC", "TUR", "111") in found, found


def test_a_statement_made_after_talks_is_not_addressed_to_the_partner(pipeline):
    found = coded(
        pipeline,
        'Emmanuel Macron a reçu Kais Saied. "Je considère que la Turquie joue en Libye un jeu '
        "dangereux\", a-t-il lancé à l'issue d'un entretien avec son homologue tunisien Kais "
        "Saied à l'Élysée.",
    )
    assert ("FRA", "TUR", "111") in found and ("FRA", "TUN", "111") not in found, found


def test_an_incise_the_model_makes_a_subordinate_still_reports_the_quotations(pipeline):
    found = coded(
        pipeline,
        "Le président français Emmanuel Macron a salué la décision. \"Je pense que c'est un "
        'signe de maturité" et "nous ferons tout pour accompagner l\'Algérie dans cette '
        'transition", a-t-il ajouté.',
    )
    assert ("FRA", "DZA", "050") in found, found


def test_a_comment_reporting_an_act_is_the_act_or_an_accusation(pipeline):
    # the meeting is the event, not also the office's comment on who met
    meeting = (
        "Les responsables turcs se sont entretenus avec le Premier ministre libyen, a indiqué "
        "le gouvernement libyen dans un communiqué."
    )
    assert ("LBY", "TUR", "010") not in coded(pipeline, meeting)
    # a hostile act reported of another state accuses it
    assert ("USA", "CHN", "112") in coded(
        pipeline,
        "Mike Pompeo a dit que les autorités chinoises attaquaient la souveraineté économique "
        "des Européens.",
    )


def test_a_name_is_not_the_doer_of_the_participle_set_off_after_it(pipeline):
    events = coded(
        pipeline,
        "Le GNA, reconnu par l'ONU, a accusé l'Egypte d'ingérence dans le conflit libyen.",
    )
    assert ("LBY", "EGY", "112") in events and not any(s == "IGO" for s, *_ in events)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "La Grèce et Chypre, soutenus notamment par la France, accusent la Turquie.",
            {("FRA", "GRC", "051"), ("FRA", "CYP", "051"), ("GRC", "TUR", "112")},
        ),
        # the participle agrees with the whole list it was hung on the last of
        (
            "L'Italie et l'Espagne, soutenues par la France, réclament une mutualisation.",
            {("FRA", "ITA", "051"), ("FRA", "ESP", "051")},
        ),
    ],
)
def test_a_participle_that_names_its_doer_is_that_doers_act(pipeline, text, expected):
    assert expected <= set(coded(pipeline, text))


def test_a_participle_set_off_after_the_verb_qualifies_the_noun_it_agrees_with(pipeline):
    # "appuyé" (masculine singular) is the GNA's, not the forces' (feminine plural), nor
    # the Egyptian support's
    events = coded(
        pipeline,
        "L'Egypte soutient les forces du maréchal Khalifa Haftar, rivales du GNA, appuyé lui "
        "par la Turquie et basé dans la capitale Tripoli.",
    )
    assert ("TUR", "LBY", "051") in events
    assert not any(s == "EGY" and code == "051" for s, _, code in events)


@pytest.mark.parametrize(
    "text",
    [
        # who goes along is no act on the noun (grammar.yaml's describing_participles)
        "Le président malien, accompagné par le ministre saoudien, est arrivé à Gao.",
        # a plural participle does not qualify a singular name the parser hung it on
        "La coalition menée par Riyad frappe à côté de l'Arabie saoudite, soutenus par l'Iran.",
    ],
)
def test_a_participle_that_only_describes_is_no_event(pipeline, text):
    assert not any(s in ("SAU", "IRN") and t for s, t, _ in coded(pipeline, text))


def test_an_intent_is_the_act_of_whoever_holds_it_and_only_intended(pipeline):
    # grammar.yaml's intent_nouns; "d'Irak" hung on the object's adjective is the place left
    article = pipeline(
        Document(
            id="t",
            content="Donald Trump a réaffirmé le 21 août sa volonté de retirer les troupes "
            "américaines d'Irak.",
            date="2020-09-01",
        )
    )
    found = {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"], e["modality"])
        for e in article.events
    }
    # intended, it takes its intent code (modality.yaml intent_codes), as in English
    assert ("USA", "IRQ", "035", "intended") in found


def test_what_a_country_must_do_is_a_demand_on_it(pipeline):
    # grammar.yaml's obligation_verbs, as "X said Y must Z" in English
    assert ("FRA", "TUR", "100") in coded(
        pipeline, "Le président français a déclaré que la Turquie doit retirer ses navires."
    )
    # the conditional foresees ("is expected to"), a passive asks nothing of its subject
    for text in (
        "M. Kazimi devrait se rendre à Paris dans un mois, a indiqué Emmanuel Macron.",
        "Les Grecs ne doivent pas être utilisés par lui, a déclaré le président turc.",
    ):
        assert not any(code == "100" for _, _, code in coded(pipeline, text)), text


def test_a_statement_about_cooperation_is_cooperation_not_praise(pipeline):
    # grammar.yaml's cooperation_words
    found = coded(
        pipeline,
        "L'armée française affirme que la coopération avec les forces maliennes se poursuit "
        "normalement.",
    )
    assert ("FRA", "MLI", "060") in found and ("FRA", "MLI", "051") not in found


def test_a_sentence_goes_on_past_a_cut_the_model_makes_before_a_lower_case_word(pipeline):
    # fr_core_news_md ends the sentence after "arrêté"; no end mark stands there
    article = pipeline(
        Document(
            id="t",
            content="Ankara a arrêté quatre de ses ressortissants soupçonnés d'espionnage pour "
            "le compte de la France.",
        )
    )
    assert len(list(article.doc.sents)) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        # the model makes the quotation the subject of the verb of saying
        (
            '"Les dirigeants de Bahreïn seront désormais complices des crimes du régime '
            'sioniste, comme une menace constante pour la sécurité de la région", a déclaré '
            "le ministère iranien des Affaires étrangères dans un communiqué.",
            ("IRN", "BHR", "111"),
        ),
        # and the incise a conjunct of what was said, in a quotation left open
        (
            "\"Ce succès considérable, c'est l'engagement de nos forces, c'est le soutien "
            "que nous apportons au Mali, à la région et à notre propre sécurité, a déclaré "
            "Emmanuel Macron au cours de son intervention.",
            ("FRA", "MLI", "051"),
        ),
    ],
)
def test_what_was_said_is_not_taken_for_who_said_it(pipeline, text, expected):
    assert expected in coded(pipeline, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Kosovo is outside ISO 3166-1, and so was outside the French gazetteer
        ("Les autorités kosovares ont dénoncé la Serbie.", ("XKX", "SRB", "111")),
        # an embassy opened in a capital is opened to that capital's state
        ("Le Kosovo ouvrira une ambassade à Jérusalem.", ("XKX", "ISR", "054")),
    ],
)
def test_kosovo_and_the_embassies_states_open(pipeline, text, expected):
    assert expected in coded(pipeline, text)


def test_an_act_a_reproach_alleges_is_not_also_coded_as_done(pipeline):
    found = coded(
        pipeline, "Washington reproche à l'OMS de s'être alignée sur les positions chinoises."
    )
    assert ("USA", "IGO", "112") in found
    assert not {e for e in found if e[1] == "CHN"}, found
