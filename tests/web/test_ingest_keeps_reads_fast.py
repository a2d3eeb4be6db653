"""POST /api/ingest codes off the event loop, one document at a time: against a real
`communique serve`, reads answer in well under 2 s while a 2 MB document is coded (they
waited for the whole ingest, 385 s for 1.9 MB, when the coding ran on the event loop)."""

import os
import threading
import time
import urllib.error
import urllib.request

from communique.web.app import INGEST_RETRY_AFTER, INGEST_WAIT_SECONDS, MAX_BODY_BYTES
from tests.conftest import EXAMPLE, example_db
from tests.web.running import serving

TOKEN = "ingest-test-token"
READ_SECONDS = 2.0


def big_html(size: int, text_chars: int) -> bytes:
    """About ``size`` bytes of HTML whose clean text (real news sentences, each paragraph
    made unique) is about ``text_chars`` long: the rest is markup, so the document is far
    under the limit on clean text yet takes seconds to code."""
    lines = [line for line in EXAMPLE.read_text(encoding="utf-8").splitlines()[1:7] if line.strip()]
    paragraphs, text = [], 0
    while text < text_chars:
        line = f"Report {len(paragraphs)}: {lines[len(paragraphs) % len(lines)]}"
        paragraphs.append(line)
        text += len(line)
    head = (
        "<html><head><title>Russia and Mali</title></head><body><article><h1>Russia and Mali</h1>\n"
    )
    tail = "</article></body></html>"
    bare = sum(len(p) + len('<p data-pad="">\n</p>') for p in paragraphs) + len(head) + len(tail)
    pad = "x" * max(0, (size - bare) // len(paragraphs))
    body = head + "".join(f'<p data-pad="{pad}">{p}</p>\n' for p in paragraphs) + tail
    return body.encode()


def post(url: str, body: bytes, content_type: str = "text/html") -> tuple:
    request = urllib.request.Request(
        url + "/api/ingest",
        data=body,
        method="POST",
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": content_type},
    )
    try:
        with urllib.request.urlopen(request, timeout=900) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def in_background(call, *args) -> tuple[threading.Thread, dict]:
    """Run ``call`` on a thread; the dict gets its result and the times it started and ended."""
    outcome: dict = {}

    def run():
        outcome["start"] = time.monotonic()
        outcome["result"] = call(*args)
        outcome["end"] = time.monotonic()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def test_reads_stay_fast_while_a_2_mb_document_is_coded(tmp_path):
    body = big_html(MAX_BODY_BYTES - 50_000, 80_000)
    assert 1_900_000 < len(body) <= MAX_BODY_BYTES
    db = example_db(tmp_path / "db.sqlite")
    with serving(db, env={**os.environ, "COMMUNIQUE_TOKEN": TOKEN}) as (url, _):
        # A first small document waits for the worker to load the model, so that what is
        # timed below is the coding of the big one.
        status, _, answer = post(
            url, b"Egypt condemned Israel on Monday over the raid.", "text/plain"
        )
        assert status == 201, answer
        big, coding = in_background(post, url, body)
        time.sleep(0.5)
        # A second document meanwhile waits for its turn, then is turned away.
        other, turned_away = in_background(
            post, url, b"Jordan praised Egypt on Tuesday.", "text/plain"
        )
        reads = []  # (sent, seconds, status), all while the big document is being coded
        while big.is_alive():
            sent = time.monotonic()
            with urllib.request.urlopen(url + "/api/events?limit=1", timeout=120) as response:
                response.read()
                reads.append((sent, time.monotonic() - sent, response.status))
            time.sleep(0.2)
        big.join()
        other.join()
    status, _, answer = coding["result"]
    if status == 201:
        assert b'"articles":1' in answer and b'"events":0' not in answer
    else:  # a slow machine: stopped by the time budget, after coding for all that time
        assert status == 422 and b'"E400"' in answer, answer
    during = [r for r in reads if coding["start"] < r[0] < coding["end"]]  # sent meanwhile
    seconds = coding["end"] - coding["start"]
    slowest = max((r[1] for r in during), default=0.0)
    print(
        f"coding {len(body)} bytes took {seconds:.1f} s; {len(during)} reads sent meanwhile, "
        f"slowest {slowest:.3f} s"
    )
    assert all(code == 200 for _, _, code in during)
    assert slowest < READ_SECONDS, f"a read took {slowest:.1f} s while the document was coded"
    # The reads did overlap a long coding: several of them began and ended within it.
    assert seconds > 2 and sum(r[0] + r[1] < coding["end"] for r in during) >= 5
    # One document at a time: the second one never ran beside the big one.
    status, headers, answer = turned_away["result"]
    if status == 503:
        assert headers["Retry-After"] == str(INGEST_RETRY_AFTER)
        assert turned_away["end"] - turned_away["start"] >= INGEST_WAIT_SECONDS - 0.5
        assert turned_away["end"] < coding["end"]
    else:  # the big one ended within the wait: the second was coded after it
        assert status == 201, answer
        assert turned_away["end"] > coding["end"]
