import gzip
import io
import json
import os

import pytest

from communique.config import Settings
from communique.ingest.readers import iter_documents
from communique.model import HTML, TEXT

ARTICLE = "Talks resume in Geneva\n\nThe talks resumed on Monday, diplomats said.\n"
PAGE = (
    "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
    "<p>The talks resumed on Monday in Geneva, diplomats said, after a pause of three weeks.</p>"
    "</article></body></html>"
)


def write(path, data: bytes, compress=False):
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def make_warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=str(path).endswith(".gz"))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                )
            )
    return path


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize(
    "suffix,content,media_type",
    [
        (".txt", ARTICLE, TEXT),
        (".html", PAGE, HTML),
        (".htm", PAGE, HTML),
    ],
)
def test_plain_files(tmp_path, suffix, content, media_type, compress):
    name = "story" + suffix + (".gz" if compress else "")
    path = write(tmp_path / name, content.encode(), compress)
    [doc] = iter_documents([str(path)])
    assert doc.error is None
    assert doc.id == "story"
    assert doc.media_type == media_type
    assert doc.content == content.encode()


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_lines_are_documents_with_metadata(tmp_path, compress):
    lines = [
        {
            "id": "a1",
            "text": ARTICLE,
            "title": "Talks resume",
            "date": "2025-06-24",
            "url": "https://x.test/a",
            "source": "Wire",
        },
        {"html": PAGE, "date": "24 June 2025"},
    ]
    data = "\n".join(json.dumps(line) for line in lines).encode()
    path = write(tmp_path / ("batch.jsonl" + (".gz" if compress else "")), data, compress)
    first, second = iter_documents([str(path)])
    assert (first.id, first.title, first.date, first.url, first.source, first.media_type) == (
        "a1",
        "Talks resume",
        "2025-06-24",
        "https://x.test/a",
        "Wire",
        TEXT,
    )
    assert (second.id, second.media_type, second.date) == ("batch:2", HTML, "2025-06-24")


def test_a_jsonl_dateline_field_is_the_story_s_dateline(tmp_path):
    """Reuters-21578 gives each story's dateline as a field of its own, apart from the
    text: the clean stage reads its place as it reads one cut from the text."""
    from communique.ingest.clean import Cleaner

    lines = [
        {"id": "r1", "text": ARTICLE, "dateline": "SAN MATEO, Calif., March 2 -"},
        {"id": "r2", "text": ARTICLE, "dateline": "LONDON, April 3 -"},
        {
            "id": "r3",
            "text": "NAIROBI, Oct 20 (Reuters) - The talks resumed on Monday, diplomats said.",
            "dateline": "LONDON -",
        },
        {"id": "r4", "text": ARTICLE, "dateline": 12},
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    documents = list(iter_documents([str(path)]))
    assert [d.dateline for d in documents] == [
        "SAN MATEO, Calif., March 2 -",
        "LONDON, April 3 -",
        "LONDON -",
        None,
    ]
    assert 'the "dateline" field is not a string' in documents[3].warnings[0]
    clean = Cleaner(Settings(language="en"))
    # the text's own dateline wins over the field's
    assert [clean(d).dateline for d in documents] == [
        "SAN MATEO, Calif.",
        "LONDON",
        "NAIROBI",
        None,
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_responses(tmp_path, name):
    path = make_warc(tmp_path / name, [("https://x.test/1", PAGE), ("https://x.test/2", PAGE)])
    docs = list(iter_documents([str(path)]))
    assert [d.url for d in docs] == ["https://x.test/1", "https://x.test/2"]
    assert all(d.media_type == HTML and d.error is None for d in docs)
    assert [d.id for d in docs] == ["crawl:1", "crawl:2"]


def test_directories_are_read_recursively_in_sorted_order(tmp_path):
    for rel in ["b/2.txt", "a/10.txt", "a/9.txt", "c.html", ".hidden.txt", "notes.pdf"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(ARTICLE if rel.endswith(".txt") else PAGE)
    ids = [d.id for d in iter_documents([str(tmp_path)])]
    assert ids == [f"{tmp_path.name}/{rel}" for rel in ["a/10", "a/9", "b/2", "c"]]


def test_symlink_loop_is_reported_once_and_the_rest_is_read(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_text(ARTICLE)
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    os.symlink("self", tmp_path / "self")  # a link to itself: ELOOP
    docs = list(iter_documents([str(tmp_path)]))
    good = [d for d in docs if d.error is None]
    errors = [d.error.code for d in docs if d.error is not None]
    assert [d.id for d in good] == [f"{tmp_path.name}/a/story"]
    assert errors and set(errors) <= {"E107"}


def test_missing_path_is_an_error_record(tmp_path):
    [doc] = iter_documents([str(tmp_path / "nope.txt")])
    assert doc.error.code == "E108"


def test_oversized_document_is_refused_without_reading_it_all(tmp_path):
    path = write(tmp_path / "big.txt", b"word " * 1000)
    [doc] = iter_documents([str(path)], Settings(max_document_bytes=100))
    assert doc.error.code == "E104"


def test_gzip_bomb_is_bounded(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb") as fh:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):
            fh.write(chunk)
    [doc] = iter_documents([str(path)], Settings(max_document_bytes=8 << 20))
    assert doc.error.code == "E104"


def test_jsonl_gzip_bomb_line_is_bounded(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(json.dumps({"text": ARTICLE}).encode() + b"\n")
        for _ in range(64):
            fh.write(b" " * (1 << 20))
    docs = list(iter_documents([str(path)], Settings(max_document_bytes=1 << 20)))
    assert docs[0].error is None
    assert docs[-1].error.code == "E104"
