"""French coded as French (issue 18): the bundled example end to end through the CLI, the
clause shapes the English rules do not see, and the French data files checked."""

import json

import pytest

from communique.config import Settings
from communique.french.check import french_problems
from communique.model import Document
from communique.pipeline import Pipeline
from communique.stages import canonical_stages
from tests.conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "cedeao-mali-sanctions-fr.txt"
MACRON_ON_TURKEY = 'Emmanuel Macron dénonce le "jeu dangereux" de la Turquie en Libye'


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(Settings(), stages=canonical_stages())


def coded(pipeline, text: str, date: str = "2022-01-11", title: str | None = None) -> set[tuple]:
    article = pipeline(Document(id="t", content=text, date=date, title=title))
    assert article.lang == "fr", article.warnings
    return {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in article.events
        if not e["negated"] and e["modality"] == "asserted"
    }


def test_the_french_example_end_to_end():
    run = run_cli("code", str(EXAMPLE), "--format", "jsonl", "--date", "2022-01-10")
    assert run.returncode == 0, run.stderr.decode()
    record = json.loads(run.stdout)
    assert record["lang"] == "fr"
    events = {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in record["events"]
    }
    assert ("IGO", "MLI", "163") in events  # la Cédéao a décidé de sanctionner le Mali
    assert ("FRA", "IGO", "051") in events  # la France a salué la fermeté de la Cédéao
    assert ("RUS", "MLI", "040") in events  # Lavrov s'est entretenu ... avec son homologue malien
    sanction = next(e for e in record["events"] if e["cameo"] == "163" and e["target"])
    assert sanction["date"] == "2022-01-09"  # "dimanche" in a Monday's paper
    assert "sanctionner le Mali" in sanction["evidence"]["sentence"]  # evidence stays French
    assert not record["text"].startswith("ACCRA")  # the French dateline is taken off


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le président russe Vladimir Poutine a reçu mardi son homologue malien.",
            ("RUS", "MLI", "043"),
        ),
        ("Le ministre français s'est rendu au Niger lundi.", ("FRA", "NER", "042")),
        ("La Russie et le Mali ont signé trois accords.", ("MLI", "RUS", "057")),
        ("Bamako a été sanctionné par la Cédéao.", ("IGO", "MLI", "163")),
        # a noun verbs.tsv writes in the plural has a singular lemma: "présenter ses excuses"
        ("Téhéran a présenté ses excuses à Kiev.", ("IRN", "UKR", "055")),
        # "auprès de": the parser makes "auprès" an adverb and hangs the party on it
        ("Le président iranien s'est excusé auprès de l'Ukraine.", ("IRN", "UKR", "055")),
        # denouncing an agreement is criticism of its party (a treaty denounced is renounced)
        ("Les Palestiniens ont dénoncé l'accord avec Israël.", ("PSE", "ISR", "111")),
        # a junta by its own name (its acronym, CNSP, was Mali's in 2020 and Niger's in 2023)
        (
            "Le Comité national pour le salut du peuple a reçu la délégation de la Cédéao.",
            ("MLI", "IGO", "043"),
        ),
        # the anger an act provokes is its doer's criticism
        (
            "La visite de Nancy Pelosi à Taïwan a provoqué la colère de Pékin.",
            ("CHN", "USA", "111"),
        ),
        # an opening participle the parser made the root: its subject is the main clause's
        (
            "Arrivé en Côte d'Ivoire en fin de journée vendredi pour une visite de 48 heures "
            "notamment marquée par la soirée de Noël partagée avec quelque mille soldats "
            "français vendredi au sein de la base française, Emmanuel Macron a annoncé samedi "
            "que Barkhane avait neutralisé 33 terroristes.",
            ("FRA", "CIV", "042"),
        ),
        # the French models end a sentence after a date when a name follows it
        (
            "Le président turc a averti samedi 12 septembre Emmanuel Macron de ne pas "
            "chercher querelle à la Turquie.",
            ("TUR", "FRA", "130"),
        ),
        # a noun of protest: who protests in its "de" complement, against the news's country
        (
            "Le coup d'Etat au Mali a suscité des protestations de l'ONU et de la France.",
            ("IGO", "MLI", "114"),
        ),
        ("Le Burkina Faso a expulsé l'ambassadeur de France.", ("BFA", "FRA", "166")),
        # a field hospital opened in a country is humanitarian aid to it
        ("L'Egypte a annoncé ouvrir un hôpital de campagne au Liban.", ("EGY", "LBN", "073")),
        ("L'Algérie a condamné les frappes de l'armée française.", ("DZA", "FRA", "111")),
        (
            "Paris a dénoncé la décision de la junte malienne, qui a expulsé l'ambassadeur français.",
            ("MLI", "FRA", "166"),
        ),
        # a title of its own country
        ("Le guide suprême a accusé les Emirats arabes unis de trahison.", ("IRN", "ARE", "112")),
        # a name in apposition to the object, which the parser hangs on the verb
        (
            "Téhéran a également accusé son ennemi, Israël, d'avoir mené des décennies de violence.",
            ("IRN", "ISR", "112"),
        ),
        # the doer of the act the object names, after "par"
        ("La Turquie a critiqué la levée par les États-Unis de l'embargo.", ("TUR", "USA", "111")),
        ("Les Etats-Unis se sont désengagés d'Irak.", ("USA", "IRQ", "0874")),
        ("Les Etats-Unis ont réduit leur présence militaire en Irak.", ("USA", "IRQ", "0874")),
        # a noun of relation with a demonym is that state
        (
            "Les autorités ukrainiennes ont accusé le voisin bélarusse d'exacerber la crise.",
            ("UKR", "BLR", "112"),
        ),
        # (a place after it is no person's name, as "David Nabarro" would be)
        (
            "L'Arabie saoudite s'inquiète du poids grandissant de son rival iranien au Liban.",
            ("SAU", "IRN", "012"),
        ),
        # support given to forces is military aid; thanks given to them is not
        ("La France appuie les forces maliennes.", ("FRA", "MLI", "072")),
        ("Le Niger a remercié les forces de défense burkinabè.", ("NER", "BFA", "051")),
        ("Ankara a renforcé son appui armé au Mali.", ("TUR", "MLI", "072")),
        # and so is support in an operation
        (
            "La ministre a salué le précieux soutien des Etats-Unis à la France dans la "
            "conduite de l'opération.",
            ("USA", "FRA", "072"),
        ),
        # the forces of a state's security are the state's
        (
            "Mike Pompeo a promis de soutenir les forces de sécurité irakiennes.",
            ("USA", "IRQ", "072"),
        ),
        # attacks made with words are criticism; on positions, force
        ("Pyongyang intensifie ses attaques verbales contre Washington.", ("PRK", "USA", "111")),
        (
            "Le président américain a attaqué de front son homologue français.",
            ("USA", "FRA", "111"),
        ),
        ("L'armée turque a attaqué les positions syriennes.", ("TUR", "SYR", "190")),
        # a bare name after a weekday, which the parser hangs on the day
        (
            "Les Etats-Unis et le Royaume-Uni ont accusé jeudi Pékin d'enfreindre ses "
            "obligations internationales, a déclaré le ministre.",
            ("USA", "CHN", "112"),
        ),
        # an object after an adverbial phrase the parser hangs it on
        ("La Turquie exhorte pour sa part l'UE à rester impartiale.", ("TUR", "IGO", "020")),
        # a phrase verb: its word is an oblique, its object the party
        ("Washington a aussitôt mis en garde Pékin contre une loi.", ("USA", "CHN", "130")),
        (
            "L'Arabie saoudite exclut une normalisation avec Israël sans règlement préalable.",
            ("SAU", "ISR", "120"),
        ),
        # a state's warships are the state's
        ("La Grèce a exigé le retrait des navires turcs.", ("GRC", "TUR", "1056")),
        (
            "La présidence ukrainienne a appelé les autorités bélarusses à cesser d'exacerber la crise.",
            ("UKR", "BLR", "020"),
        ),
        # a copula says who the noun is: the country that welcomes is Bahrain, and the
        # agreement "avec Israël" names whom the welcome is for
        ("Bahreïn a été le premier pays à saluer l'accord avec Israël.", ("BHR", "ISR", "051")),
        ("La France est le seul pays qui a condamné la Russie.", ("FRA", "RUS", "111")),
        # the parser hung "qui" on the friction; French puts it after what it stands for
        (
            "La durée de cette transition, deux sujets de friction avec la Communauté "
            "économique des Etats de l'Afrique de l'ouest (Cédéao) qui a imposé des "
            "sanctions aux nouveaux dirigeants militaires du Mali, n'est pas fixée.",
            ("IGO", "MLI", "163"),
        ),
        # "qui" after a name whose last word the parser tags as an adverb, in a relative
        # clause it hangs on the main verb, or makes a complement of it
        (
            "Mais le ministre turc s'en est également pris au président français Emmanuel"
            " Macron, qui quelques jours plus tôt avait exhorté la Turquie à cesser sa politique"
            ' de "confrontation" en Méditerranée, et agité le spectre de sanctions européennes.',
            ("FRA", "TUR", "020"),
        ),
        (
            "Lors de son déplacement, le ministre de la Défense turc a fustigé la militarisation"
            " de 18 îles par la Grèce. Mais le ministre s'en est également pris au président"
            " français Emmanuel Macron, qui quelques jours plus tôt avait exhorté la Turquie à"
            ' cesser sa politique de "confrontation" en Méditerranée.',
            ("FRA", "TUR", "020"),
        ),
        # a gerund the parser hung on a day has the subject of its clause's verb
        (
            "Mike Pompeo avait donné le ton dès mercredi en recevant son homologue irakien "
            "Fouad Hussein.",
            ("USA", "IRQ", "043"),
        ),
        # a foreign name after the title that the parser read as a noun and an adjective
        (
            "Le Premier ministre bélarusse Roman Golovtchenko s'est entretenu mercredi au "
            "téléphone avec son homologue russe Mikhaïl Michoustine.",
            ("BLR", "RUS", "040"),
        ),
    ],
)
def test_clause_shapes(pipeline, text, expected):
    assert expected in coded(pipeline, text)


def test_an_object_after_a_day_and_an_object_pronoun_of_a_joined_verb(pipeline):
    found = coded(
        pipeline,
        "Emmanuel Macron et ses six homologues du sud de l'UE ont exhorté jeudi la Turquie à "
        'cesser sa politique de "confrontation" et l\'ont menacée de sanctions européennes si '
        "Ankara continue à contester les droits d'exploration gazière de la Grèce et de Chypre.",
    )
    # the parser hangs "la Turquie" on "jeudi"; "l'" stands for the object of "exhorté"
    assert {("FRA", "TUR", "020"), ("FRA", "TUR", "130")} <= found
    assert ("FRA", "GRC", "130") not in found


def test_a_subject_the_parser_hangs_on_the_auxiliary(pipeline):
    found = coded(
        pipeline,
        "Le président palestinien Mahmoud Abbas a pris la parole mardi. Il a aussi vivement "
        "critiqué la France.",
    )
    assert ("PSE", "FRA", "111") in found  # "Il" hangs on "a", not on "critiqué"
    # a quoted clause's verb the parser takes for the auxiliary keeps its subject
    quoted = coded(
        pipeline,
        "\"Nous sommes à un moment d'indispensable clarification de la politique turque en "
        "Libye, qui est pour nous inacceptable\", a déclaré Emmanuel Macron lors d'une "
        "conférence de presse avec la chancelière allemande Angela Merkel.",
    )
    assert ("FRA", "TUR", "111") in quoted


def test_a_nearer_subject_of_another_gender_does_not_hide_the_antecedent(pipeline):
    found = coded(
        pipeline,
        "La Grèce a salué ce retour. Si la Turquie a confirmé dimanche que son navire de "
        "recherche est rentré au port, elle a toutefois accusé la Grèce de provocations.",
    )
    assert ("TUR", "GRC", "112") in found  # "elle" is la Turquie, not "son navire"


def test_a_pronoun_in_a_clause_set_before_the_subject_is_that_subject(pipeline):
    found = coded(
        pipeline,
        "Emmanuel Macron a parlé de la crise. A Nicosie, où il se trouvait dans le cadre du "
        "60e anniversaire de l'établissement des relations bilatérales entre la Russie et "
        "Chypre, Sergueï Lavrov a critiqué l'attitude américaine sur ce dossier.",
    )
    assert ("RUS", "CYP", "042") in found, found
    assert not any(source == "FRA" for source, _, _ in found), found


def test_an_object_pronoun_is_not_its_verbs_titled_subject(pipeline):
    # "M. Erdogan": the subject's head is the title, its name below it
    found = coded(
        pipeline,
        "Le président turc a averti Emmanuel Macron. M. Erdogan l'a aussi accusé de "
        "manquer de connaissances historiques.",
    )
    assert ("TUR", "FRA", "112") in found


def test_a_pronominal_verb_is_active(pipeline):
    found = coded(pipeline, "Donald Trump s'en est pris rudement à Emmanuel Macron ce mardi.")
    # the parser marks "Donald Trump" as a passive subject; "s'en est pris" is his act
    assert ("USA", "FRA", "111") in found


@pytest.mark.parametrize(
    "text, asked",
    [
        ("L'ONU a exhorté l'Éthiopie à retirer ses troupes.", "ETH"),
        ("Paris a demandé à Moscou de libérer les prisonniers.", "RUS"),
    ],
)
def test_whom_a_verb_asks_to_act_is_only_asked(pipeline, text, asked):
    article = pipeline(Document(id="t", content=text, date="2022-01-11"))
    infinitive = [e for e in article.events if e["cameo"][:2] not in ("02", "10")]
    assert infinitive and all(
        e["source"]["country"] == asked and e["modality"] == "hypothetical" for e in infinitive
    ), [(e["source"]["country"], e["cameo"], e["modality"]) for e in article.events]


def test_a_participle_joined_to_what_was_asked_is_the_askers_act(pipeline):
    article = pipeline(
        Document(
            id="t",
            content="Mais le ministre s'en est également pris au président français Emmanuel "
            "Macron, qui quelques jours plus tôt avait exhorté la Turquie à cesser sa politique de "
            "confrontation en Méditerranée, et agité le spectre de sanctions européennes.",
            date="2020-09-01",
        )
    )
    found = [
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in article.events
    ]
    assert ("FRA", "TUR", "1312") in found, found


def test_a_bare_head_of_state_is_the_office_holder_just_named(pipeline):
    found = coded(
        pipeline,
        "Emmanuel Macron est arrivé à Niamey. Le chef de l'Etat s'est entretenu avec son "
        "homologue nigérien Mahamadou Issoufou.",
    )
    # no country leads the story (France once, Niger once): Macron was just named
    assert ("FRA", "NER", "040") in found


def test_an_envoy_summoned_with_no_one_named_is_summoned_where_he_serves(pipeline):
    found = coded(pipeline, "L'ambassadeur de Russie au Royaume-Uni a d'ailleurs été convoqué.")
    assert ("GBR", "RUS", "114") in found
    # or by the state whose office he is summoned to
    found = coded(pipeline, "L'ambassadrice de France est convoquée lundi au ministère bulgare.")
    assert ("BGR", "FRA", "114") in found


def test_a_light_verb_carries_the_act_its_object_names(pipeline):
    found = coded(
        pipeline,
        "L'Union européenne a de son côté ordonné des sanctions contre des responsables "
        "bélarusses.",
    )
    assert ("IGO", "BLR", "163") in found and ("IGO", "BLR", "100") not in found


def test_a_country_word_is_no_antecedent_of_il_unless_it_is_a_subject(pipeline):
    found = coded(
        pipeline,
        "Les Etats-Unis ont salué l'annonce. Les Etats-Unis ont déjà déménagé leur ambassade. "
        "Benjamin Netanyahu a salué la décision serbe, relevant que ce serait le premier pays "
        "européen à suivre l'exemple américain. Il a remercié le président serbe pour sa décision.",
    )
    # "le premier pays" (the story's United States, by context) is not who thanks
    assert ("ISR", "SRB", "051") in found and ("USA", "SRB", "051") not in found


def test_symmetric_signing_goes_both_ways(pipeline):
    found = coded(pipeline, "La Russie et le Mali ont signé trois accords.")
    assert {("RUS", "MLI", "057"), ("MLI", "RUS", "057")} <= found


def test_a_part_of_the_world_named_after_a_country_is_not_that_country(pipeline):
    found = coded(pipeline, "Les pays d'Amérique latine ont critiqué Washington.")
    assert not [e for e in found if e[0] == "USA"], found


def test_each_object_a_conjunction_joins_is_a_target(pipeline):
    found = coded(
        pipeline,
        "La junte malienne a rencontré les représentants de la société civile, le commandant "
        "de la force française Barkhane et le chef de la mission de l'ONU.",
    )
    assert {("MLI", "FRA", "040"), ("MLI", "IGO", "040")} <= found, found
    # a list of commas alone is a misreading: the attack is no second thing struck
    found = coded(
        pipeline,
        "Le Premier ministre Manuel Valls a réagi. « En frappant la communauté gay, l'attaque "
        "effroyable d'Orlando nous atteint tous », a-t-il réagi sur Twitter.",
    )
    assert ("FRA", "USA", "190") not in found, found


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        (
            "La Grèce et la Turquie se sont rencontrées lundi.",
            {("GRC", "TUR", "040"), ("TUR", "GRC", "040")},
            set(),
        ),
        (
            "Le Maroc et l'Algérie se critiquent régulièrement.",
            {("MAR", "DZA", "111"), ("DZA", "MAR", "111")},
            set(),
        ),
        # a pronominal verb with a party of its own: not each other
        (
            "La France et le Mali s'attaquent aux jihadistes.",
            set(),
            {("FRA", "MLI", "190"), ("MLI", "FRA", "190")},
        ),
    ],
)
def test_se_with_a_conjoined_subject_is_each_other(pipeline, text, expected, not_expected):
    found = coded(pipeline, text)
    assert expected <= found and not (not_expected & found), found


def test_negated_and_conditional_acts_are_marked(pipeline):
    article = pipeline(
        Document(
            id="n",
            content=(
                "La France n'a pas condamné le Mali. Le Niger pourrait sanctionner le Mali. "
                "Selon Paris, la France reconnaîtrait l'État palestinien. Le président a dit "
                "qu'il organiserait une conférence d'aide au Liban."
            ),
            date="2022-01-11",
        )
    )
    marks = {
        (e["source"]["country"], e["cameo"]): (e["negated"], e["modality"]) for e in article.events
    }
    assert marks[("FRA", "111")] == (True, "asserted")
    assert marks[("NER", "163")][1] == "hypothetical"
    assert marks[("FRA", "054")][1] == "hypothetical"  # the ending, where the tagger misses it
    supposed = pipeline(
        Document(
            id="s", content="Ils ont menacé si Ankara continue à contester les droits de la Grèce."
        )
    )
    # the verb a conditional's verb governs is only supposed too
    assert [e["modality"] for e in supposed.events if e["cameo"] == "110"] == ["hypothetical"]
    aid = [e for e in article.events if e["cameo"].startswith("07")]
    assert all(e["modality"] == "hypothetical" for e in aid)  # the noun takes the verb's mood


def test_what_will_be_done_on_a_condition_is_a_threat_stated_now(pipeline):
    article = pipeline(
        Document(
            id="t",
            content=(
                "Le président turc a menacé la Grèce. « Si la Grèce continue, nous attaquerons "
                "ses navires », a affirmé Erdogan. La Grèce a envoyé des frégates vers Chypre."
            ),
            date="2020-08-26",
        )
    )
    marks = {(e["source"]["country"], e["cameo"]): e["modality"] for e in article.events}
    # the future the tagger reads as a present, under "si": a threat of force, made
    assert marks.get(("TUR", "138")) == "intended", marks
    assert ("TUR", "190") not in marks, marks
    # warships sent are a show of force, not aid
    assert ("GRC", "150") in marks and ("GRC", "070") not in marks, marks
    # a warning of what would be done, in a conditional the tagger reads as an imperfect
    found = coded(
        pipeline,
        "La junte malienne a pris le pouvoir au Mali. La Cédéao a averti que si la junte ne "
        "rendait pas le pouvoir, elle imposerait des sanctions au Mali.",
    )
    assert ("IGO", "MLI", "130") in found and ("IGO", "MLI", "112") not in found, found


def test_what_pouvoir_in_the_past_governs_was_done(pipeline):
    """ "a pu rendre visite" is "managed to visit": done, as "was able to" is in English;
    "aurait pu" still only supposes it."""
    done = coded(
        pipeline,
        "L'ONU a indiqué avoir pu rendre visite jeudi au président malien. "
        "Plusieurs envoyés de la Cédéao ont pu rencontrer le président malien.",
    )
    assert {("IGO", "MLI", "042"), ("IGO", "MLI", "040")} <= done
    supposed = coded(pipeline, "L'ONU aurait pu rendre visite au président malien.")
    assert ("IGO", "MLI", "042") not in supposed


def test_the_french_data_files_have_no_problem():
    assert french_problems() == []


def test_this_country_is_the_one_named_last_before_the_sentence(pipeline):
    """ "ce pays" is the state named last before its sentence, not one its own clause names
    ("le Niger a critiqué ce pays"), nor a place ("à 18H30 heure de Paris")."""
    found = coded(pipeline, "Le Mali a signé un accord. Le Niger a critiqué ce pays.")
    assert ("NER", "MLI", "111") in found, found
    found = coded(
        pipeline,
        "Un séisme a frappé l'Equateur. Le président Rafael Correa arrivera à Manta à 18H30 "
        "heure de Paris. L'Union européenne a envoyé une aide à ce pays sud-américain.",
    )
    assert ("IGO", "ECU", "070") in found, found


def test_a_bare_junta_is_never_the_organisation_the_story_names_most(pipeline):
    """The French gazetteer codes every organisation "IGO"; in a story on the Cédéao, "la
    junte" took "IGO" for the leading country. It is Mali's once Mali leads, else no one's."""
    text = (
        "La Cédéao a suspendu le Mali. La Cédéao a fermé ses frontières. La Cédéao a exigé "
        "des élections. La junte a reçu la délégation de la Cédéao samedi à Bamako."
    )
    assert not any(
        source == "IGO" and code.startswith("04") for source, _, code in coded(pipeline, text)
    )


def test_a_states_neighbours_are_not_the_state(pipeline):
    """ "Les voisins du Mali" act, but not as Mali (grammar.yaml's relational_nouns)."""
    for text in (
        "Les voisins du Mali ont réclamé des élections au Niger.",
        "Les pays voisins du Mali ont réclamé des élections au Niger.",
    ):
        found = coded(pipeline, text)
        assert not any(source == "MLI" for source, _, _ in found), found


def test_an_appeal_to_no_one_is_to_where_what_it_asks_for_should_happen(pipeline):
    """ "a appelé à la mise en place d'une transition civile au Mali": the appeal is to Mali
    (grammar.yaml's called_place_roots)."""
    text = "Emmanuel Macron a appelé à la mise en place sans délai d'une transition civile au Mali."
    assert ("FRA", "MLI", "020") in coded(pipeline, text)


def test_a_headline_country_is_the_state_of_a_bare_junta_not_of_a_bare_president(pipeline):
    """ "Mali: ..." makes "la junte" Mali's before the text names Mali; "le chef de l'État",
    who may be abroad, takes no country from the headline (grammar.yaml's
    travelling_titles)."""
    from communique.model import Document

    def sources(title, text):
        article = pipeline(Document(id="t", content=text, title=title, date="2020-08-22"))
        return {e["source"]["country"] for e in article.events}

    text = (
        "La mission de la Cédéao est arrivée à Bamako. La Cédéao a exigé le retour des civils."
        " La junte a reçu vendredi la délégation de la Cédéao."
    )
    assert "MLI" in sources("Mali: la junte reçoit la Cédéao", text)
    text = "Le chef de l'État a rencontré vendredi la délégation de la Cédéao à Paris."
    assert "LBN" not in sources("Liban: le chef de l'État reçoit la Cédéao", text)


def test_a_pronoun_takes_a_state_named_as_a_subject_before_it(pipeline):
    """ "Le Pakistan a annoncé qu'il expulsait l'ambassadeur indien": "il" is Pakistan, a
    subject of its gender before it."""
    text = "Le Pakistan a annoncé mercredi qu'il expulsait l'ambassadeur indien à Islamabad."
    assert ("PAK", "IND", "166") in coded(pipeline, text)
    assert ("CHN", "IND", "112") in coded(
        pipeline, "La Chine a protesté lundi. Elle accuse l'Inde d'être responsable de l'incident."
    )


def test_the_subject_of_an_inversion_with_a_euphonic_t_is_the_pronoun(pipeline):
    """ "a-t-il poursuivi": the parser takes "-t" for the subject; "il" is Macron, who
    calls on the junta in the gerund."""
    text = (
        'Emmanuel Macron a condamné le coup. "Ce n\'est pas acceptable", a-t-il poursuivi sur '
        "Twitter, en appelant la junte malienne à rendre le pouvoir."
    )
    assert ("FRA", "MLI", "020") in coded(pipeline, text)


def test_an_appeal_to_no_one_named_goes_where_the_story_is(pipeline):
    """ "a appelé au dialogue", in a story on Mali: an appeal whose addressee the sentence
    leaves unsaid is aimed at the country the story names most (grammar.yaml's
    ``story_target_roots``), as aid is."""
    text = (
        "Le Mali a été suspendu de l'Union africaine. La junte malienne a promis des "
        "élections. Le président français a appelé au dialogue."
    )
    assert ("FRA", "MLI", "020") in coded(pipeline, text)


def test_an_official_found_in_a_capital_visits_it(pipeline):
    """ "se trouvait à Manama": a visit by an office holder (grammar.yaml's
    ``office_visit_verbs``), not by anyone who happens to be somewhere."""
    official = "Le chef de la diplomatie américaine se trouvait mardi à Manama."
    assert ("USA", "BHR", "042") in coded(pipeline, official)
    tourists = "Deux Français se trouvaient à Cotonou."
    assert not {c for c in coded(pipeline, tourists) if c[2] == "042"}


def test_this_country_is_the_country_the_story_names_most(pipeline):
    """ "la Cédéao a suspendu ce pays": the country named most so far; "dont le pays" is
    whoever "dont" stands for."""
    text = (
        "Le Mali a été suspendu de l'Union africaine. Le Mali est dirigé par une junte. La "
        "Cédéao a également suspendu ce pays jeudi."
    )
    assert ("IGO", "MLI", "160") in coded(pipeline, text)


def test_a_phrase_between_auxiliary_and_participle_is_blanked_for_the_parser(pipeline):
    """ "L'UA a de son côté suspendu le Mali": read as "a suspendu" (french/incidentals.py),
    while the evidence quotes the sentence as written."""
    text = "L'Union africaine a de son côté suspendu le Mali jusqu'au retour de l'ordre."
    article = pipeline(Document(id="t", content=text, date="2020-08-20"))
    suspension = [e for e in article.events if e["cameo"] == "160"]
    assert suspension and suspension[0]["target"]["country"] == "MLI"
    assert suspension[0]["evidence"]["sentence"] == text


@pytest.mark.parametrize(
    "text, date, precision, historical",
    [
        ("Le Niger a condamné mardi la France.", "2020-06-02", "day", False),
        ("Le Niger a condamné la France le 23 mai.", "2020-05-23", "day", False),
        ("Le Niger a condamné la France en mai 2018.", "2018-05-01", "month", True),
        (
            "La France et le Mali ont signé un accord de défense en 2013.",
            "2013-01-01",
            "year",
            True,
        ),
    ],
)
def test_french_dates_and_history(pipeline, text, date, precision, historical):
    """A day, a month or a year the clause names; more than a year before the paper, the
    event is history, as in English (events/timing.py)."""
    article = pipeline(Document(id="t", content=text, date="2020-06-03"))
    event = article.events[0]
    assert (event["date"], event["date_precision"], event["historical"]) == (
        date,
        precision,
        historical,
    )


def test_an_organisation_named_before_is_its_first_word_after(pipeline):
    """ "le Conseil", once "le Conseil de sécurité" was named; "l'Union", once "l'Union
    européenne" was."""
    text = (
        "Le Conseil de sécurité de l'ONU s'est réuni lundi. La France a demandé mardi au "
        "Conseil d'adopter une résolution."
    )
    assert ("FRA", "IGO", "020") in coded(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "L'armée malienne et la force Barkhane ont tué une vingtaine de jihadistes lundi.",
        "Barkhane et l'armée nigérienne ont mené des frappes dans la zone des trois frontières.",
        "Les frappes de Barkhane et des forces maliennes ont visé des positions de l'EIGS.",
    ],
)
def test_allies_fighting_together_do_not_fight_each_other(pipeline, text):
    """Whoever is fought, named or not, is the other side; an act named by a noun is carried
    out together; and a source's conjunct is no target the model may pick."""
    assert {(s, t) for s, t, _ in coded(pipeline, text) if t} == set()


def test_parties_between_whom_fighting_breaks_out_fight_each_other(pipeline):
    text = "De violents affrontements entre le Mali et le Niger ont éclaté lundi."
    assert {("MLI", "NER", "190"), ("NER", "MLI", "190")} <= coded(pipeline, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "La France, l'Allemagne et le Royaume-Uni regrettent la décision américaine de "
            "sortir de l'accord nucléaire iranien.",
            set(),
        ),
        (
            "Le Royaume-Uni a entamé des discussions avec l'Australie sur des accords de "
            "libre-échange.",
            set(),
        ),
        (
            "Le Mali et la Cédéao sont parvenus à un accord sur la transition.",
            {("MLI", "IGO"), ("IGO", "MLI")},
        ),
    ],
)
def test_an_agreement_named_as_a_thing_is_no_agreement_of_the_clause(pipeline, text, expected):
    """Leaving or discussing an agreement makes none; reaching one does."""
    assert {(s, t) for s, t, code in coded(pipeline, text) if code == "057" and t} == expected


def test_states_that_praise_together_do_not_praise_each_other(pipeline):
    text = "La France et l'Allemagne ont salué lundi la décision de la Cour."
    assert {(s, t) for s, t, code in coded(pipeline, text) if t} == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("M. Juncker a appelé le Premier ministre britannique dans la matinée.", "040"),
        ("Paris a appelé l'Iran à préserver l'accord.", "020"),
        ("L'Ukraine a appelé les autorités bélarusses à cesser d'exacerber la crise.", "020"),
        # the parser hangs the second object on the verb, and what they are called to do on it
        ("La Russie appelle la Turquie et la Grèce à résoudre leurs conflits.", "020"),
    ],
)
def test_calling_someone_is_a_telephone_call_unless_called_to_do_something(
    pipeline, text, expected
):
    assert {code for s, t, code in coded(pipeline, text) if t} == {expected}


def test_each_object_called_on_is_a_target(pipeline):
    text = "La Russie appelle la Turquie et la Grèce à résoudre leurs conflits."
    assert {(s, t) for s, t, code in coded(pipeline, text) if code == "020"} == {
        ("RUS", "TUR"),
        ("RUS", "GRC"),
    }


@pytest.mark.parametrize(
    "text, dyads",
    [
        (
            "La junte malienne a dépêché un émissaire chez les voisins burkinabè et nigérien.",
            {("MLI", "BFA"), ("MLI", "NER")},
        ),
        (
            "Les présidents ivoirien et sénégalais ont rencontré le chef de la junte malienne.",
            {("CIV", "MLI"), ("SEN", "MLI")},
        ),
    ],
)
def test_one_noun_with_two_demonyms_is_both_states(pipeline, text, dyads):
    assert {(s, t) for s, t, code in coded(pipeline, text) if t} >= dyads


def test_a_conjunct_the_parser_chains_on_another_acts_too(pipeline):
    text = (
        "La République tchèque, la Grèce et Chypre, une île où les explosions ont été "
        "entendues, ont envoyé mercredi des dizaines de secouristes à Beyrouth."
    )
    dyads = {(s, t) for s, t, code in coded(pipeline, text) if t}
    assert {("CZE", "LBN"), ("GRC", "LBN"), ("CYP", "LBN")} <= dyads, dyads


@pytest.mark.parametrize(
    "text, found_dyad, not_found",
    [
        # "Ils" are the ministers named before, not the one president named since
        (
            "Les ministres français sont arrivés lundi au Sahel, où le président malien les "
            "attendait. Ils ont rencontré mardi le président nigérien.",
            ("FRA", "NER", "040"),
            ("MLI", "NER", "040"),
        ),
        # a plural pronoun takes a group of states wherever it stands
        (
            "Le président Ibrahim Boubacar Keïta a été renversé le 18 août par la junte, "
            "actuellement sous pression des voisins ouest-africains du Mali. Ils ont ordonné "
            "aux putschistes de nommer immédiatement un président.",
            ("IGO", "MLI", "100"),
            None,
        ),
        # the speaker of a quotation is no one it names
        (
            'Emmanuel Macron a reçu lundi le président malien. "La Turquie joue un jeu '
            'dangereux en Libye", a-t-il déclaré.',
            ("FRA", "TUR", "111"),
            None,
        ),
    ],
)
def test_what_a_pronoun_stands_for(pipeline, text, found_dyad, not_found):
    found = coded(pipeline, text)
    assert found_dyad in found and not_found not in found, found


def test_a_main_clause_subject_pronoun_goes_on_with_the_subject_before_it(pipeline):
    found = coded(
        pipeline,
        "Le président ivoirien a rencontré lundi Emmanuel Macron. Il lui a reproché son "
        "soutien aux rebelles.",
    )
    assert {source for source, _, code in found if code == "112"} == {"CIV"}


def test_a_subject_is_none_of_the_partners_its_noun_names(pipeline):
    found = coded(
        pipeline,
        "Le ministre japonais a rencontré mardi son homologue. L'alliance avec les Etats-Unis "
        "est considérée comme d'autant plus importante que la Chine s'affirme de plus en plus.",
    )
    assert not any("USA" in (source, target) for source, target, _ in found), found


def test_an_impersonal_il_stands_for_no_one(pipeline):
    found = coded(
        pipeline,
        "Le ministre turc est arrivé lundi à Paris. Il faut sanctionner la Russie, a estimé un "
        "diplomate. Pour la Russie, il s'agissait de révoltes fomentées par la Pologne.",
    )
    assert not {(s, t) for s, t, _ in found} & {("TUR", "RUS"), ("RUS", "POL")}, found


def test_an_object_the_parser_gave_to_the_incise_after_it_is_the_objects(pipeline):
    found = coded(
        pipeline,
        'Le Mali recevra "avec plaisir" samedi cette délégation de la Cédéao, a ensuite dit à '
        "l'AFP un responsable malien. Le ministre iranien des Affaires étrangères, Ali Chamkhani, a "
        "averti les Etats-Unis.",
    )
    assert ("MLI", "IGO", "043") in found, found
    assert not any(source == "IGO" for source, _, _ in found), found  # the delegation spoke not
    assert ("IRN", "USA", "130") in found, found  # a subject in apposition is still one


def test_a_person_the_tables_lack_is_known_by_the_title_the_text_gives_them(pipeline):
    """Named once with the office, then "M. Dramé", "Anastasiades": the title's state."""
    found = coded(
        pipeline,
        "Le ministre malien des Affaires étrangères, Tiébilé Dramé, est arrivé mardi à "
        "Paris. M. Dramé a rencontré son homologue français. Le président chypriote Nicos "
        "Anastasiades a reçu le chef de la diplomatie russe. Anastasiades a dénoncé la Turquie.",
        date="2020-09-08",
    )
    assert ("MLI", "FRA", "040") in found, found
    assert ("CYP", "RUS", "043") in found, found
    assert ("CYP", "TUR", "111") in found, found


def test_people_of_the_tables_as_french_writes_them_and_by_their_surname(pipeline):
    """name_spellings.tsv: "Poutine", "Loukachenko"; a person named in full is carried by
    the surname after ("M. Abe"), which the tables do not list alone."""
    found = coded(
        pipeline,
        "Vladimir Poutine a reçu Alexandre Loukachenko lundi à Sotchi. Shinzo Abe est arrivé "
        "mardi à Pékin. M. Abe a critiqué la Corée du Nord.",
        date="2019-09-08",
    )
    assert ("RUS", "BLR", "043") in found, found
    assert ("JPN", "PRK", "111") in found, found


def test_spokesmen_envoys_and_ministers_of_2014_2021_are_known(pipeline):
    """Officials the French corpus quotes most, added to leaders.tsv from the public
    record: a spokesman, a UN envoy, a junta's spokesman."""
    found = coded(
        pipeline,
        "Abbas Moussavi a dénoncé mardi les Etats-Unis. Ghassan Salamé a rencontré Fayez "
        "al-Sarraj à Tripoli. Ismaël Wagué a critiqué la France.",
        date="2020-01-14",
    )
    assert ("IRN", "USA", "111") in found, found
    assert ("IGO", "LBY", "040") in found, found
    assert ("MLI", "FRA", "111") in found, found
    found = coded(pipeline, "Ramtane Lamamra a critiqué le Maroc mardi.", date="2021-08-24")
    assert ("DZA", "MAR", "111") in found, found
    found = coded(
        pipeline,
        "Leo Varadkar a dénoncé la Grande-Bretagne. Priti Patel a rencontré Gérald Darmanin. "
        "Kianouche Jahanpour a dénoncé les Etats-Unis.",
        date="2019-11-20",
    )
    assert ("IRL", "GBR", "111") in found, found
    assert ("GBR", "FRA", "040") in found, found
    assert ("IRN", "USA", "111") in found, found
    # an Arab-Israeli party leader, not the Jordanian minister of the same name (2007-10)
    found = coded(pipeline, "Ayman Odeh a dénoncé le Hamas.", date="2020-06-21")
    assert ("ISR", "PSE", "111") in found, found


def test_a_surname_after_a_civility_is_the_office_holder_of_a_country_the_story_names(pipeline):
    """ "M. Abe" alone, in a story on Japan, is the prime minister in office; the one
    holder of a surname in a country the story does not name (the Dutch foreign minister,
    in a story on Lebanon and Syria) is no one."""
    found = coded(
        pipeline,
        "Le Japon prolonge l'état d'urgence. M. Abe a critiqué la Corée du Nord mardi.",
        date="2020-05-04",
    )
    assert ("JPN", "PRK", "111") in found, found
    found = coded(
        pipeline,
        "Le Liban attend un gouvernement. M. Blok a critiqué la Syrie mardi.",
        date="2019-05-10",
    )
    assert not found, found


def test_a_name_after_a_month_is_not_the_offices(pipeline):
    """ "au ministère de l'Intérieur en juin, Matteo Salvini": a date stands between."""
    article = pipeline(
        Document(
            id="t",
            content="Le ministre maltais est arrivé au ministère de l'Intérieur en juin, "
            "Matteo Salvini a tenu sa promesse.",
            date="2019-01-10",
        )
    )
    named = [m for m in article.mentions if m.rule in ("fr:named", "fr:carried")]
    assert not named, named


@pytest.mark.parametrize(
    "text, expected",
    [
        # a travel ban of the pandemic years; the parser hangs the passive's agent on "rouge"
        ("Paris est désormais classée en zone rouge par la Belgique.", ("BEL", "FRA", "160")),
        ("L'Allemagne a classé Paris en zone rouge.", ("DEU", "FRA", "160")),
        # support "militairement" is military aid
        ("Le GNA est ainsi soutenu militairement par la Turquie.", ("TUR", "LBY", "072")),
        # a name with no preposition after the verb is its object, which the parser calls a
        # locative
        (
            "Le porte-parole du ministère russe a dénoncé les sanctions. Moscou a critiqué Paris.",
            ("RUS", "FRA", "111"),
        ),
    ],
)
def test_red_zones_misplaced_agents_and_military_support(pipeline, text, expected):
    assert expected in coded(pipeline, text, date="2020-09-08")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Bahreïn est devenu le deuxième pays du Golfe à normaliser ses relations avec "
            "l'Etat hébreu.",
            ("BHR", "ISR", "054"),
        ),
        ("Le royaume chérifien a dénoncé l'Algérie.", ("MAR", "DZA", "111")),
    ],
)
def test_a_country_named_by_its_periphrasis(pipeline, text, expected):
    assert expected in coded(pipeline, text, date="2020-09-08")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le Kosovo a accepté d'instaurer des relations diplomatiques avec l'Etat hébreu.",
            ("XKX", "ISR", "054"),
        ),
        ("Le Maroc a noué des relations avec l'Etat hébreu.", ("MAR", "ISR", "054")),
    ],
)
def test_ties_established_by_any_verb_for_it(pipeline, text, expected):
    assert expected in coded(pipeline, text, date="2020-09-08")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parser hangs the partner on the day: "avec M. Diab" under "mercredi"
        (
            "Le Premier ministre libanais Hassan Diab a lancé un appel. Mike Pompeo a fait "
            "savoir qu'il avait offert l'aide de son pays lors d'un entretien téléphonique "
            "mercredi avec M. Diab.",
            ("USA", "LBN", "040"),
        ),
        (
            "Le sommet a été évoqué lors d'un échange téléphonique mercredi entre Donald Trump "
            "et son homologue français Emmanuel Macron.",
            ("USA", "FRA", "040"),
        ),
    ],
)
def test_the_partner_of_a_call_hung_on_its_day(pipeline, text, expected):
    assert expected in coded(pipeline, text, date="2020-08-05")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb of judging in an incise after a quotation: the subject follows the verb, and
        # the quotation names whom it judges
        ('"La Turquie joue un jeu dangereux", a déploré le président français.', ("FRA", "TUR")),
        (
            '"La France taxe beaucoup le vin et nous taxons peu le vin français", a dénoncé le '
            "président américain.",
            ("USA", "FRA"),
        ),
        # a participle after a comma is the sentence subject's, not an incise
        (
            "Le porte-parole du ministère chinois a répondu, dénonçant les hommes politiques "
            "américains.",
            ("CHN", "USA"),
        ),
    ],
)
def test_a_judgement_in_an_incise_is_the_speaker_s_after_the_verb(pipeline, text, expected):
    assert (*expected, "111") in coded(pipeline, text, date="2020-09-05")


def test_what_is_said_before_a_foreign_leader_is_said_to_him(pipeline):
    found = coded(
        pipeline,
        "Devant le président de la République du Mali, Emmanuel Macron a évoqué les pertes "
        "de l'armée malienne.",
        date="2020-01-14",
    )
    assert ("FRA", "MLI", "010") in found, found
    # a trial before a court is no audience
    found = coded(
        pipeline,
        "Deux anciens membres des services de renseignement syriens sont jugés devant le "
        "tribunal de Coblence.",
        date="2020-04-23",
    )
    assert not {(s, t) for s, t, _ in found} & {("SYR", "DEU")}, found


def test_a_withdrawal_of_troops_named_by_its_noun_is_a_retreat(pipeline):
    found = coded(pipeline, "Washington a annoncé le retrait de ses troupes d'Irak.")
    assert ("USA", "IRQ", "0874") in found, found
    # a withdrawal demanded is the demand's, not one done
    found = coded(pipeline, "La Grèce exige le retrait des troupes turques de Chypre.")
    assert ("GRC", "TUR", "1056") in found and not any(c == "0874" for *_, c in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "La Cédéao a imposé des sanctions au Mali. "
            "Les dirigeants ouest-africains lèveront ces sanctions progressivement.",
            ("IGO", "MLI", "085"),
        ),
        (
            "Israël et les Emirats arabes unis ont signé un accord. "
            "Les Palestiniens dénoncent l'accord.",
            ("PSE", "ISR", "111"),
        ),
        (
            "Les Etats-Unis ont imposé un embargo à Cuba. "
            "La Russie a demandé la levée de l'embargo.",
            ("RUS", "CUB", "0254"),
        ),
    ],
)
def test_an_act_on_a_thing_named_again_is_aimed_at_its_party(pipeline, text, expected):
    assert expected in coded(pipeline, text, date="2020-08-20")


@pytest.mark.parametrize(
    "text",
    [
        "L'Iran a relâché l'universitaire Xiyue Wang en échange du scientifique iranien.",
        "Donald Trump promet un accord de libre-échange avec Londres.",
        "Donald Trump et Emmanuel Macron ont donné le coup d'envoi des célébrations en Russie.",
    ],
)
def test_an_event_noun_in_a_set_phrase_names_no_act(pipeline, text):
    """ "en échange de", "libre-échange", "le coup d'envoi" (grammar.yaml's idiom_nouns)."""
    found = coded(pipeline, text)
    assert not any(code in ("040", "070") for _, _, code in found), found


def test_the_regional_body_by_a_common_noun_and_its_phrase_as_written(pipeline):
    """ "le bloc ouest-africain" is the Cédéao, as "la délégation ouest-africaine" is; an
    actor's text is its noun phrase, without the preposition or the relative clause the
    parser hangs on it."""
    assert ("IGO", "MLI", "163") in coded(
        pipeline, "Le bloc ouest-africain a fermé ses frontières avec le Mali."
    )
    article = pipeline(
        Document(
            id="t",
            content=(
                "Des manifestants brandissaient vendredi à Bamako des pancartes hostiles à "
                "l'organisation ouest-africaine, qui a réclamé jeudi la libération du président "
                "malien Ibrahim Boubacar Keïta."
            ),
            date="2020-08-21",
        )
    )
    texts = {e["source"]["text"] for e in article.events if e["source"]["country"] == "IGO"}
    assert texts == {"l'organisation ouest-africaine"}, article.events


@pytest.mark.parametrize(
    "text, expected",
    [
        # "pointer du doigt": the accused hangs on the phrase's noun
        (
            "Berlin et les autres pays occidentaux pointent du doigt les autorités russes.",
            ("DEU", "RUS", "112"),
        ),
        (
            "Le régime syrien a accusé l'opposition, pointant au passage du doigt les "
            "États-Unis et la France.",
            ("SYR", "FRA", "112"),
        ),
        # a flight to a country is a visit; investigators act for their state's justice
        (
            "Une équipe de onze enquêteurs français s'est envolée mardi pour le Niger.",
            ("FRA", "NER", "042"),
        ),
        # the partner of a meeting noun after "au cours de", hung on the verb
        (
            "Le président français a déclaré au cours d'une conférence de presse avec son "
            "homologue djiboutien que l'Algérie entrait dans une nouvelle page.",
            ("FRA", "DJI", "040"),
        ),
        # the spellings AFP copy gives the Cédéao
        ("Le Mali a demandé la levée des sanctions de la Cédao.", ("MLI", "IGO", "0254")),
        # a meeting the journey is for is the traveller's own act
        (
            "Emmanuel Macron s'envolera juste après pour l'Allemagne, vers le château de "
            "Meseberg, pour une rencontre bilatérale avec la chancelière Angela Merkel.",
            ("FRA", "DEU", "040"),
        ),
    ],
)
def test_set_phrases_flights_and_meetings_on_the_way(pipeline, text, expected):
    assert expected in coded(pipeline, text)


def test_a_visit_the_arrival_is_for_is_the_arrival_itself(pipeline):
    """ "Arrivé en Côte d'Ivoire ... pour une visite": one visit, to where the traveller
    arrived, not a second one to a country named later in the sentence."""
    found = coded(
        pipeline,
        "Arrivé en Côte d'Ivoire en fin de journée vendredi pour une visite de 48 heures "
        "notamment marquée par la soirée de Noël partagée avec quelque mille soldats français "
        "vendredi au sein de la base française, Emmanuel Macron a annoncé samedi que la force "
        "française Barkhane avait neutralisé 33 terroristes samedi matin dans la région de "
        "Mopti, au centre du Mali.",
    )
    assert ("FRA", "CIV", "042") in found
    assert ("FRA", "MLI", "042") not in found


def test_what_an_act_is_done_in_spite_of_names_no_party(pipeline):
    found = coded(pipeline, "L'UE a approuvé le plan malgré l'opposition de la Pologne.")
    assert not any(target == "POL" for _, target, _ in found), found


def test_a_clause_the_parser_hangs_on_a_noun_keeps_its_subject(pipeline):
    """The parser may hang the verb of a "quand" clause on the main clause's noun, as it
    hangs a participle ("les otages enlevés"); with its own subject and auxiliary, it is a
    clause, and its subject acts."""
    found = coded(
        pipeline,
        "Les tensions entre Washington et Téhéran sont montées d'un cran en janvier 2020 quand "
        "l'armée américaine a éliminé à Bagdad le puissant général iranien Qassem Soleimani et "
        "l'Irakien Abou Mehdi al-Mouhandis.",
    )
    assert ("USA", "IRN", "190") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # whoever meets a refusal is whom the refusal is aimed at
        ("Mike Pompeo s'est heurté mardi à un refus du Soudan.", ("SDN", "USA", "120")),
        ("Le président turc a essuyé les critiques de Paris.", ("FRA", "TUR", "111")),
        # a vote carries the act it votes, as "décider" does
        (
            "Les députés irakiens avaient voté l'expulsion des soldats étrangers du pays, y "
            "compris américains.",
            ("IRQ", "USA", "166"),
        ),
    ],
)
def test_refusals_met_and_expulsions_voted(pipeline, text, expected):
    found = coded(pipeline, text)
    assert expected in found, found


def test_an_object_pronoun_stands_for_a_state_named_as_an_object(pipeline):
    """ "La Turquie a critiqué la Grèce. Le gouvernement turc l'a accusée": "l'" is Greece,
    named as what was criticised; a subject pronoun still goes on with a subject."""
    found = coded(
        pipeline,
        "La Turquie a critiqué la Grèce mardi. Le gouvernement turc l'a accusée de violer le "
        "droit international.",
    )
    assert ("TUR", "GRC", "112") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Le ministère bulgare a décidé de remettre une note de protestation au ministère "
            "français des Affaires étrangères.",
            ("BGR", "FRA", "114"),
        ),
        (
            "Le président malien a adressé un message de félicitations au président français.",
            ("MLI", "FRA", "051"),
        ),
    ],
)
def test_a_message_carrying_an_act_goes_to_its_target(pipeline, text, expected):
    """The act a note or a letter carries is aimed at whom it is sent to, on the verb."""
    found = coded(pipeline, text)
    assert expected in found, found


def test_each_party_after_an_event_noun_acts(pipeline):
    """ "des protestations de l'ONU, de l'Union européenne et de la France": all three
    protest, not only the first named."""
    found = coded(
        pipeline,
        "La décision de la junte malienne a suscité des protestations de l'ONU, de l'Union "
        "européenne et de la France.",
    )
    assert ("FRA", "MLI", "114") in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La Russie est prête à fournir une aide à la Grèce.", ("RUS", "GRC", "033")),
        ("L'Union européenne va allouer une aide à l'Italie.", ("IGO", "ITA", "033")),
    ],
)
def test_an_act_intended_is_coded_as_the_intent(pipeline, text, expected):
    """As CAMEO and the English coder code them: aid one is ready to give is 033."""
    article = pipeline(Document(id="t", content=text, date="2022-01-11"))
    found = {
        (e["source"]["country"], (e["target"] or {}).get("country"), e["cameo"])
        for e in article.events
        if e["modality"] == "intended"
    }
    assert expected in found, article.events


def test_a_participle_set_off_after_a_circumstance_is_the_subjects_act(pipeline):
    """The parser hangs "dénonçant" on the press conference; it is the speaker's act."""
    found = coded(
        pipeline,
        '"Nous cherchons à exploiter le gaz en Méditerranée orientale", a déclaré M. Mitsotakis '
        'lors d\'une conférence de presse, dénonçant du même souffle "le comportement agressif" '
        "de la Turquie dans cette région.",
    )
    assert ("GRC", "TUR", "111") in found


def test_the_subject_of_an_incise_after_a_date_is_the_speaker(pipeline):
    """The parser hangs "le chef de la diplomatie turque" on "14 août"."""
    found = coded(
        pipeline,
        "Ils n'obtiendront rien en se comportant comme des caïds\", a déclaré vendredi 14 août "
        "le chef de la diplomatie turque Mevlüt Cavusoglu lors d'une conférence de presse avec "
        "son homologue suisse à Genève.",
    )
    assert ("TUR", "CHE", "040") in found


def test_an_opening_mark_after_a_full_stop_starts_a_sentence(pipeline):
    article = pipeline(
        Document(
            id="t",
            content='"Cette force européenne, tout comme notre déploiement Lynx dans les pays '
            "baltes, viendra renforcer le lien transatlantique et l'OTAN, preuve supplémentaire "
            "que défense européenne et OTAN sont les deux piliers d'un même édifice\", a-t-il "
            'souligné. "Au Proche et Moyen-Orient, malgré les mutations de la région, nos forces '
            "engagées dans l'opération Chammal poursuivent les opérations de lutte contre "
            'Daech", a-t-il insisté.',
            date="2020-01-16",
        )
    )
    sentences = [s.text for s in article.doc.sents]
    assert len(sentences) == 2, sentences
    assert sentences[1].startswith('"Au Proche et Moyen-Orient')


def test_a_first_pronoun_with_no_one_named_before_is_the_person_of_the_headline(pipeline):
    found = coded(
        pipeline,
        '"Je considère aujourd\'hui que la Turquie joue en Libye un jeu dangereux", a-t-il '
        "lancé à l'issue d'un entretien avec son homologue tunisien Kais Saied à l'Élysée.",
        date="2020-06-22",
        title=MACRON_ON_TURKEY,
    )
    assert {("FRA", "TUR", "111"), ("FRA", "TUN", "040")} <= found, found


def test_an_organisation_in_brackets_after_a_phrase_is_what_it_names(pipeline):
    found = coded(
        pipeline,
        "La Turquie y soutient militairement le Gouvernement d'union (GNA) de Fayez al-Sarraj, "
        "reconnu par l'ONU, face au pouvoir rival du maréchal Khalifa Haftar.",
        date="2020-07-23",
    )
    assert ("TUR", "LBY", "072") in found, found
    # a country in brackets after a place is where, not who
    found = coded(
        pipeline,
        "Au sommet de Pau (France) en janvier, le président français et ses homologues du G5 "
        "Sahel avaient décidé d'intensifier la lutte antijihadiste.",
        date="2020-06-30",
    )
    assert ("FRA", "IGO", "040") in found, found


def test_an_object_pronoun_is_no_one_of_its_subjects_country(pipeline):
    found = coded(
        pipeline,
        "\"M. Macron, vous n'avez pas fini d'avoir des ennuis avec moi\", a lancé le président "
        "turc, en s'en prenant pour la première fois directement et nommément à son homologue. "
        'M. Erdogan l\'a aussi accusé de "manquer de connaissances historiques".',
        date="2020-09-13",
    )
    assert ("TUR", "FRA", "112") in found, found


def test_the_french_ministry_of_europe_and_foreign_affairs_is_frances():
    pipeline = Pipeline(Settings(), stages=canonical_stages(last="actors"))
    article = pipeline(
        Document(
            id="t",
            content="Franck Riester, le ministre délégué auprès du ministre de l'Europe et des "
            "Affaires étrangères, a souligné dimanche que la France laissait l'agressivité à la "
            "Turquie.",
            date="2020-10-25",
        )
    )
    countries = {a.country for m in article.mentions for a in m.actors}
    assert "IGO" not in countries and "FRA" in countries, countries


def test_a_bare_head_of_state_is_the_headlines_office_holder(pipeline):
    found = coded(
        pipeline,
        "Il s'est entretenu avec son homologue tunisien Kais Saied à l'Élysée. Le chef de "
        "l'État a précisé avoir tenu \"le même discours\" lors d'un entretien téléphonique "
        "lundi après-midi avec le président américain Donald Trump.",
        date="2020-06-22",
        title=MACRON_ON_TURKEY,
    )
    assert ("FRA", "USA", "040") in found and ("TUN", "USA", "040") not in found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La France se tient aux côtés du Liban.", {("FRA", "LBN", "051")}),
        ("La France restera toujours aux côtés du Mali.", {("FRA", "MLI", "051")}),
        # beside is no support
        ("La chancelière allemande se tenait debout à côté de son homologue finlandais.", set()),
    ],
)
def test_standing_by_a_state_is_support(pipeline, text, expected):
    found = {f for f in coded(pipeline, text, date="2020-08-05") if f[2] == "051"}
    assert found == expected, found


def test_the_doer_of_a_participle_the_parser_hangs_on_the_objects_complement(pipeline):
    """Orange Actu, June 2020: "lancée" agrees with "la trêve" and the parser hangs it there;
    the appeal Turkey rejects is still Egypt's."""
    found = coded(
        pipeline,
        "Jeudi, la Turquie s'est déclarée favorable à un cessez-le-feu parrainé par les Nations "
        "unies, rejetant un appel à la trêve lancée par l'Egypte, alliée de M. Haftar.",
        date="2020-06-11",
    )
    assert ("TUR", "EGY", "120") in found, found
