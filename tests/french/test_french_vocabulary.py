"""The French patterns cover every CAMEO root (issue 18), and rows of each kind code real
sentences through the real French model: a verb with the object it needs, a reflexive verb,
an event noun hung under "lors de", a verb of saying whose other patterns need an object, and
a subject the parser hangs on the adjective set off between it and its verb."""

import pytest

from communique.events.cameo import lookup
from communique.french.patterns import noun_patterns, verb_patterns
from tests.french.conftest import coded


def test_every_cameo_root_has_french_patterns():
    # root 01 is also coded from the verbs of saying (french/grammar.yaml statement_verbs)
    codes = [p.code for patterns in verb_patterns().values() for p in patterns]
    codes += [p.code for patterns in noun_patterns().values() for p in patterns]
    assert all(lookup(code) is not None for code in codes)
    assert {code[:2] for code in codes} >= {f"{root:02d}" for root in range(1, 21)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le ministère russe des Affaires étrangères a convoqué l'ambassadeur allemand.",
            ("RUS", "DEU", "114"),
        ),
        (
            "L'Union européenne a réclamé la libération des dirigeants maliens.",
            ("IGO", "MLI", "1053"),
        ),
        ("La Chine s'oppose aux pressions des Etats-Unis.", ("CHN", "USA", "120")),
        # a deadline given is an ultimatum; aid given for a purpose stays aid
        (
            "La Cédéao a donné à la junte malienne jusqu'à mardi pour désigner un président.",
            ("IGO", "MLI", "139"),
        ),
        ("La France a donné une aide au Mali pour reconstruire Gao.", ("FRA", "MLI", "070")),
        ("La France pousse la junte malienne à organiser des élections.", ("FRA", "MLI", "020")),
        ("Le Niger s'est félicité de la décision du Mali.", ("NER", "MLI", "051")),
        ("La Cédéao a isolé le Mali.", ("IGO", "MLI", "160")),
        (
            "La junte malienne a multiplié les prises de contact avec l'ambassadeur de France.",
            ("MLI", "FRA", "040"),
        ),
        ("L'Arabie saoudite a imposé un blocus au Qatar.", ("SAU", "QAT", "191")),
        (
            "Le président a présenté les excuses de la France à l'Algérie.",
            ("FRA", "DZA", "055"),
        ),
        ("Le ministre turc a prévenu la Grèce qu'elle paierait le prix.", ("TUR", "GRC", "130")),
        (
            "Le ministre jordanien a plaidé pour la paix lors d'un entretien téléphonique avec"
            " son homologue égyptien.",
            ("JOR", "EGY", "040"),
        ),
        (
            "Le président malien a rappelé que la Russie était un partenaire fiable.",
            ("MLI", "RUS", "010"),
        ),
        (  # a passive's subject is the object a pattern asks for
            "L'ambassadeur de France au Mali a été convoqué par les autorités maliennes.",
            ("MLI", "FRA", "114"),
        ),
        (
            "La chancelière allemande a reçu le Premier ministre britannique.",
            ("DEU", "GBR", "043"),
        ),
        (  # the parser hangs the subject on the adjective set off before the verb
            "L'Iran, très influent au Liban, a offert une aide médicale au peuple libanais.",
            ("IRN", "LBN", "070"),
        ),
        (  # an event noun with the "de" complement its pattern needs: what is closed
            "La Cédéao a décidé la fermeture des frontières avec le Mali.",
            ("IGO", "MLI", "163"),
        ),
        (  # a quoted adverb no longer cuts the clause; "a" makes it active
            'Washington a aussi "fermement" condamné la junte malienne.',
            ("USA", "MLI", "111"),
        ),
        (  # the object a pattern needs, under a noun of kind
            "La Cédéao dénie catégoriquement toute forme de légitimité aux putschistes maliens.",
            ("IGO", "MLI", "120"),
        ),
        (  # a verb that restates carries the act its object names
            "L'Algérie réitère son ferme rejet du coup d'Etat au Mali.",
            ("DZA", "MLI", "120"),
        ),
        (  # support given to troops is military aid, not praise
            "L'armée française apportait son appui aux troupes nigériennes.",
            ("FRA", "NER", "072"),
        ),
        ("La Russie a apporté un soutien militaire au Mali.", ("RUS", "MLI", "072")),
        ("La France a apporté son soutien au Mali.", ("FRA", "MLI", "051")),
        (  # a group of states named by its region is the region's body
            "Les pays de l'Afrique de l'Ouest ont imposé des sanctions au Mali.",
            ("IGO", "MLI", "163"),
        ),
        (  # "les Européens" are the EU's states; a verb the parser joined to an object
            # is the act of the subject of that object's verb
            "Les Palestiniens ont annoncé avoir soumis une contre-proposition au plan "
            "américain pour le Proche-Orient et appelé les Européens à faire pression.",
            ("PSE", "IGO", "020"),
        ),
        (  # "se" read as an indirect object is still reflexive
            "L'Inde et la Chine, qui se sont livré une guerre frontalière, ont signé un accord.",
            ("IND", "CHN", "190"),
        ),
    ],
)
def test_new_rows_code_news_sentences(pipeline, text, expected):
    assert expected in coded(pipeline, text)


def test_a_soldier_killed_during_an_operation_takes_no_part_in_it(pipeline):
    # "lors de" gives the clause's subject to the noun only when its other party is named
    assert coded(pipeline, "Un militaire français a été tué lors d'une opération au Mali.") == set()


def test_a_noun_of_time_is_no_act_of_the_clauses_subject(pipeline):
    # grammar.yaml's time_prepositions: "après l'attaque" says when, not who attacked
    text = "Après l'attaque, le ministère français a placé le Niger en zone rouge."
    assert not any(code.startswith("19") for _, _, code in coded(pipeline, text))
    # unless the other party is named, or the subjects are the parties
    assert ("NGA", "FRA", "040") in coded(
        pipeline, "Après sa rencontre avec Emmanuel Macron, le président nigérian a quitté Paris."
    )
    assert ("FRA", "DEU", "040") in coded(
        pipeline,
        "Après un sommet à Berlin en avril, Emmanuel Macron et la chancelière allemande Angela"
        " Merkel ont renoncé à en organiser un autre à Paris.",
    )


def test_an_event_noun_is_done_by_whom_par_names_and_its_object_is_no_act(pipeline):
    text = (
        "Téhéran a commencé à intensifier ses activités nucléaires, à la suite du"
        " rétablissement des sanctions par les Etats-Unis."
    )
    assert ("USA", "IRN", "163") in coded(pipeline, text)
    # the embargo lifted is the lifting's, not an embargo Lavrov imposes
    text = "M. Lavrov a parlé de la levée par Washington d'un embargo sur les armes à Chypre."
    assert {code for _, _, code in coded(pipeline, text)} == {"085"}
    # ... and the lifting is aimed at whom the embargo is on, named after it, wherever the
    # parser hangs that phrase
    text = (
        "M. Lavrov intervient dans le sillage de la levée partielle par Washington d'un"
        " embargo vieux de 30 ans sur la vente d'armes à Chypre."
    )
    assert ("USA", "CYP", "085") in coded(pipeline, text)
    # nor are the sanctions whose spectre is raised (grammar.yaml's kind_nouns)
    text = "La France a agité le spectre de sanctions européennes contre la Turquie."
    assert {code for _, _, code in coded(pipeline, text)} == {"1312"}


@pytest.mark.parametrize(
    "text",
    [
        "Le président du Belarus doit partir, affirme le président français Emmanuel Macron,"
        " dans un entretien avec le Journal du dimanche.",
        "Sofia a protesté contre les propos que le président Emmanuel Macron a tenus cette"
        " semaine dans un entretien accordé à l'hebdomadaire français.",
    ],
)
def test_an_interview_given_to_the_press_is_no_meeting(pipeline, text):
    # grammar.yaml's interview_nouns and media_nouns
    assert not any(code.startswith("04") for _, _, code in coded(pipeline, text))


def test_an_embargo_on_trade_with_a_country_is_aimed_at_it(pipeline):
    # nouns.tsv: an embargo "sur" what it stops, and that thing's "avec" names the party
    text = "La Cédéao a instauré un embargo sur les flux commerciaux et financiers avec le Mali."
    assert ("IGO", "MLI", "163") in coded(pipeline, text)


def test_an_operation_in_a_country_is_not_one_with_it(pipeline):
    # grammar.yaml's partner_named_noun_roots: the partner of a joint operation is named
    assert coded(pipeline, "Les soldats français mènent une vaste opération au Mali.") == {
        ("FRA", None, "062")
    }
    assert ("FRA", "MLI", "062") in coded(
        pipeline, "L'armée française a mené une opération conjointe avec l'armée malienne."
    )


def test_a_group_of_states_is_a_body_only_when_its_region_has_one(pipeline):
    assert ("IGO", "MLI", "100") in coded(
        pipeline, "Les voisins ouest-africains du Mali ont exigé le retour des civils au Mali."
    )
    # European countries are no body (measured: seldom an act of the EU)
    assert coded(pipeline, "Des pays européens ont condamné la Russie.") == set()


# a story that names the Cédéao most
CEDEAO_STORY = "La Cédéao a suspendu le Mali. La Cédéao a réclamé le retour des civils. "


def test_a_states_neighbours_together_are_the_body_the_story_names_most(pipeline):
    story = CEDEAO_STORY + "Les voisins du Mali ont fermé leurs frontières avec le Mali."
    assert ("IGO", "MLI", "163") in coded(pipeline, story)
    # or the body their phrase makes them members of, named in it
    members = (
        "Les voisins du Mali membres de la Communauté des Etats ouest-africains (Cédéao) ont"
        " donné aux nouveaux maîtres de Bamako jusqu'à mardi pour désigner un président."
    )
    assert ("IGO", "MLI", "139") in coded(pipeline, members)
    # with no body named, the neighbours are no one the tables know
    alone = "Le Mali est isolé. Les voisins du Mali ont fermé leurs frontières avec le Mali."
    assert not any(source == "IGO" for source, _, _ in coded(pipeline, alone))


@pytest.mark.parametrize(
    "text",
    [
        "La junte malienne recevra samedi la délégation ouest-africaine.",
        "La junte malienne recevra samedi cette délégation de l'Afrique de l'Ouest.",
    ],
)
def test_a_regions_delegation_is_its_bodys(pipeline, text):
    assert ("MLI", "IGO", "043") in coded(pipeline, text)


def test_what_a_states_neighbours_ask_with_no_one_named_is_aimed_at_it(pipeline):
    story = CEDEAO_STORY + "Les voisins du Mali réclament un retour des civils au bout de 12 mois."
    assert ("IGO", "MLI", "100") in coded(pipeline, story)
    # a subject only described as an ally is not aimed at whom it is allied with
    allied = "L'Arabie saoudite, un proche allié de Washington, a condamné un crime abominable."
    assert not any(target == "USA" for _, target, _ in coded(pipeline, allied))


def test_a_title_after_a_contracted_article_takes_the_storys_country(pipeline):
    story = (
        "Les militaires maliens ont pris le pouvoir au Mali. Le Mali est isolé."
        " La Cédéao dénie toute légitimité aux putschistes."
    )
    assert ("IGO", "MLI", "120") in coded(pipeline, story)


def test_an_event_noun_in_a_passive_clause_is_done_by_the_agent_to_the_subject(pipeline):
    text = (
        "Le Mali a été placé sous embargo par ses voisins ouest-africains après le putsch"
        " du 18 août, selon les autorités."
    )
    assert coded(pipeline, text) == {("IGO", "MLI", "163")}
