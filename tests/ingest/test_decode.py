import pytest

from communique.errors import BinaryDocument, EmptyDocument
from communique.ingest.decode import decode

FRENCH = (
    "Le ministre a déclaré que la réunion à Genève était terminée, après trois semaines de pause."
)
RUSSIAN = (
    "Министр иностранных дел заявил, что переговоры в Женеве завершились после трёх недель паузы."
)
JAPANESE = (
    "外務大臣は、ジュネーブでの協議が三週間の中断の後に終了したと述べた。両国は合意に達した。"
)


@pytest.mark.parametrize(
    "text,encoding",
    [
        (FRENCH, "utf-8"),
        (FRENCH, "latin-1"),
        (FRENCH, "cp1252"),
        (FRENCH, "utf-16"),
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "cp1251"),
        (JAPANESE, "shift_jis"),
        ("The club paid \u00a315.8m for the striker, the chairman said on Monday. " * 3, "latin-1"),
    ],
)
def test_decodes_text_in_its_encoding(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "raw,error",
    [
        (b"", EmptyDocument),
        (b"  \n\t ", EmptyDocument),
        (bytes(range(256)) * 8, BinaryDocument),
        (b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 100, BinaryDocument),
    ],
)
def test_refuses_what_is_not_text(raw, error):
    with pytest.raises(error):
        decode(raw)
