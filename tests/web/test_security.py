"""The server's defences: security headers with a strict CSP, no path traversal, bounded
pages and bodies, and fuzzing of the API (schemathesis, from /openapi.json) and the pages
(hypothesis) with no response in the 5xx range."""

import collections
import http.client
import string
from urllib.parse import urlsplit

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from communique.web.app import SECURITY_HEADERS, create_app
from tests.conftest import example_db, served
from tests.web.running import LOCAL, local_client

TOKEN = "fuzz-token"
SENT: collections.Counter = collections.Counter()  # responses by status class, all fuzz tests


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return example_db(tmp_path_factory.mktemp("security") / "seed.db")


@pytest.fixture(scope="module")
def client(db):
    with local_client(create_app(db, token=TOKEN)) as client:  # the lifespan stops the worker
        yield client


@pytest.fixture(scope="module")
def article_id(client):
    return client.get("/api/articles").json()[0]["id"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/events",
        "/dyad/RUS/MLI",
        "/network",
        "/api/events",
        "/openapi.json",
        "/static/communique-1.css",
        "/nope",
        "/api/articles/nope",
    ],
)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    csp = response.headers["Content-Security-Policy"]
    assert "script-src" not in csp and "'unsafe-inline'" not in csp and "default-src 'none'" in csp


def test_pages_need_nothing_the_policy_forbids(client, article_id):
    for path in ("/", "/events", "/dyad/RUS/MLI", "/network", f"/article/{article_id}"):
        html = client.get(path).text.lower()
        assert "<script" not in html and " style=" not in html and " on" + "click=" not in html


TRAVERSALS = [
    "/static/../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/....//....//etc/passwd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/..\\..\\..\\etc\\passwd",
    "/static//etc/passwd",
    "/static/%00../../etc/passwd",
    "/article/..%2f..%2f..%2fetc%2fpasswd",
    "/article/../../../../etc/passwd",
    "/api/articles/..%2f..%2fpyproject.toml",
    "/dyad/../../etc/passwd",
    "/../../../../etc/passwd",
    "/static/../../pyproject.toml",
    "/static/../app.py",
]


def test_no_path_traversal_on_a_real_server(db):
    """Raw requests (no client normalises the path) against `communique serve`."""
    with served(db) as url:
        host = urlsplit(url)
        for path in TRAVERSALS:
            connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            connection.close()
            assert response.status in (400, 404, 422), (path, response.status)
            assert (
                b"root:" not in body and b"[project]" not in body and b"def create_app" not in body
            )


def test_page_sizes_and_bodies_are_bounded(client):
    assert client.get("/api/events", params={"limit": 1001}).status_code == 422
    assert client.get("/api/articles", params={"limit": 10**9}).status_code == 422
    big = b"x" * 2_000_001
    response = client.post("/api/ingest", content=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


def test_tokens_are_compared_in_constant_time():
    import inspect

    from communique.web import app

    assert "hmac.compare_digest" in inspect.getsource(app.create_app)


# -- fuzzing --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api_operations(client):
    schema = schemathesis.openapi.from_asgi(
        "/openapi.json", client.app, headers={"Host": urlsplit(LOCAL).netloc}
    )
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_never_answers_5xx(api_operations, mode):
    """Requests generated from /openapi.json for every operation: valid ones, then invalid
    ones (wrong types, values out of range, missing parts)."""
    assert {op.path for op in api_operations} >= {"/api/events", "/api/ingest", "/api/network"}
    for operation in api_operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            if case.path == "/api/ingest" and SENT["ingest"] % 2 == 0:  # half with the token
                case.headers = {**(case.headers or {}), "authorization": f"Bearer {TOKEN}"}
            SENT["ingest"] += case.path == "/api/ingest"
            response = case.call(base_url=LOCAL)
            SENT[f"{response.status_code // 100}xx"] += 1
            assert response.status_code < 500, (
                case.method,
                case.formatted_path,
                case.query,
                response.text[:500],
            )

        try:
            check()
        except Unsatisfiable:
            # Every value of its parameters is valid (a free-text path segment): nothing
            # invalid to send, in negative mode only.
            assert mode is GenerationMode.NEGATIVE, operation.path


PATH_TEXT = st.text(alphabet=string.printable + "éü…\u202e\x00", max_size=40)


@given(
    page=st.sampled_from(["dyad", "article", "events"]),
    a=PATH_TEXT,
    b=PATH_TEXT,
    params=st.dictionaries(
        st.sampled_from(["source", "target", "cameo", "since", "until", "q", "interval"]),
        PATH_TEXT,
        max_size=4,
    ),
)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_pages_never_answer_5xx(client, page, a, b, params):
    from urllib.parse import quote

    path = {
        "dyad": f"/dyad/{quote(a, safe='')}/{quote(b, safe='')}",
        "article": f"/article/{quote(a, safe='')}",
        "events": "/events",
    }[page]
    response = client.get(path or "/", params=params)
    SENT[f"{response.status_code // 100}xx"] += 1
    assert response.status_code < 500, (path, params, response.text[:500])


def test_fuzzing_sent_many_requests_and_got_no_5xx():
    sent = sum(count for key, count in SENT.items() if key.endswith("xx"))
    print(f"fuzz: {sent} requests, by status class {dict(sorted(SENT.items()))}")
    if not sent:
        pytest.skip("run with the fuzz tests above (they fill the counts)")
    assert sent > 500 and SENT["5xx"] == 0


def test_the_server_listens_on_this_machine_only_by_default(db):
    """`communique serve` without --host: the listening socket is on 127.0.0.1, not 0.0.0.0."""
    with served(db) as url:
        port = urlsplit(url).port
        listening = []
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                with open(table) as fh:
                    lines = fh.read().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                local, state = line.split()[1], line.split()[3]
                address, hex_port = local.rsplit(":", 1)
                if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    listening.append(address)
    if not listening:
        pytest.skip("no /proc/net/tcp to read the listening sockets from")
    assert listening == ["0100007F"]  # 127.0.0.1, in the kernel's byte order
