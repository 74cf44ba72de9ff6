"""The app as a government team would run it: nothing leaves the machine, a login keeps the API shut,
no file is served beyond what Gradio made, and 50 questions at once are all answered.

Each test starts the real `python app.py` on a free loopback port against a copy of an index of the
real publication, with tests/netguard armed in every subprocess (and `no_network` in this process):
a connect, send or name lookup for anything but this machine is refused and logged.
"""

from __future__ import annotations

import json
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from clusterqa.errors import ClusterQAError
from clusterqa.evals import percentile
from clusterqa.procs import free_port, stop, wait_for_http
from conftest import REPO, guarded_env, netguard

ARTIFACTS = REPO / "test-artifacts"
LIVERPOOL = "How much government funding seeded the Liverpool City Region Investment Zone?"
START_TIMEOUT_S = 120.0
LOAD_QUESTIONS = 50
LOAD_TIMEOUT_S = 180.0


@dataclass
class RunningApp:
    url: str
    root: Path
    guard_log: Path
    index_dir: Path
    process: subprocess.Popen[bytes]


def start_app(root: Path, index_dir: Path | None, **settings: str) -> RunningApp:
    """`python app.py` with the guard armed, on a free loopback port, serving a copy of index_dir
    (or, with None, whatever the settings point at: a Chroma server)."""
    root.mkdir(parents=True, exist_ok=True)
    own_index = root / "index"
    if index_dir is not None:
        shutil.copytree(index_dir, own_index)
    port = free_port()
    guard_log = root / "netguard.log"
    env = guarded_env(
        guard_log,
        CLUSTERQA_PORT=str(port),
        CLUSTERQA_INDEX_DIR=str(own_index),
        CLUSTERQA_CORPUS_DIR=str(root / "corpus"),
        CLUSTERQA_FEEDBACK_FILE=str(root / "feedback.jsonl"),
        **settings,
    )
    log = (root / "app.log").open("wb")
    process = subprocess.Popen([sys.executable, "app.py"], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for_http(url, process, START_TIMEOUT_S)
    except ClusterQAError as exc:
        stop(process)
        pytest.fail(f"{exc}\n{(root / 'app.log').read_text(errors='replace')}")
    return RunningApp(url, root, guard_log, own_index, process)


def guard_lines(log: Path) -> tuple[list[str], list[str]]:
    """(armed processes, blocked attempts) from a guard log."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [ln for ln in lines if ln.startswith("armed ")], [ln for ln in lines if ln.startswith("blocked ")]


@pytest.fixture(scope="module")
def guarded_app(built_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app = start_app(tmp_path_factory.mktemp("guarded"), built_index)
    yield app
    stop(app.process)


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30.0) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


# --- the guard itself -----------------------------------------------------------------


def test_guard_refuses_before_anything_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The guard decides before the real call: stand-ins record what would have gone out."""
    reached: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: reached.append(address))
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: reached.append(host) or [])
    attempts: list[str] = []
    netguard.install(attempts.append)
    with socket.socket() as sock:
        with pytest.raises(netguard.NetworkBlocked):
            sock.connect(("192.0.2.10", 443))
        sock.connect(("127.0.0.1", 9))
    with pytest.raises(netguard.NetworkBlocked):
        socket.getaddrinfo("huggingface.co", 443)
    socket.getaddrinfo("localhost", 80)
    assert reached == [("127.0.0.1", 9), "localhost"]
    assert attempts == ["connect ('192.0.2.10', 443)", "lookup 'huggingface.co'"]


# --- data stays here ------------------------------------------------------------------------


def test_ingest_ask_and_app_make_no_outbound_connection(
    guarded_app: RunningApp, tmp_path: Path, no_network: list[str]
) -> None:
    from gradio_client import Client

    note = tmp_path / "kettle.md"
    note.write_text("# Kettle\n\nThe kettle boils water in ninety seconds.\n", encoding="utf-8")
    log = tmp_path / "netguard.log"
    env = guarded_env(log, CLUSTERQA_INDEX_DIR=str(tmp_path / "index"))
    cli = [sys.executable, "-m", "clusterqa.cli"]
    ingested = subprocess.run(cli + ["ingest", "--quiet", str(note)], env=env, cwd=REPO, capture_output=True, text=True,
                              timeout=300)
    assert ingested.returncode == 0, ingested.stderr
    asked = subprocess.run(cli + ["ask", "--json", "How fast does the kettle boil?"], env=env, cwd=REPO,
                           capture_output=True, text=True, timeout=300)
    assert asked.returncode == 0, asked.stderr
    assert "ninety seconds" in json.loads(asked.stdout)["answer"]

    client = Client(guarded_app.url, verbose=False)
    result = client.predict(LIVERPOOL, api_name="/ask")
    assert "£160 million" in result["answer"] and result["citations"][0]["page"] == 7
    assert http(guarded_app.url)[0] == 200  # the page itself, with its scripts and styles
    assert http(guarded_app.url + "gradio_api/info")[0] == 200

    armed, blocked = guard_lines(log)
    assert len(armed) == 2 and blocked == []  # ingest and ask ran guarded and tried nothing
    armed, blocked = guard_lines(guarded_app.guard_log)
    assert any("app.py" in line for line in armed)
    assert blocked == [], blocked  # no telemetry, model download or version check from the app
    assert no_network == []


def test_app_serves_no_other_files(guarded_app: RunningApp, no_network: list[str]) -> None:
    targets = [
        guarded_app.index_dir / "chroma.sqlite3",
        REPO / "corpus" / "np11-innovation-clusters-north-of-england.pdf",
        REPO / "app.py",
        Path("/etc/passwd"),
    ]
    for target in targets:
        status, body = http(f"{guarded_app.url}gradio_api/file={target}")
        assert status in (403, 404), (target, status)
        assert target.read_bytes()[:64] not in body


def test_non_loopback_bind_without_login_refuses_to_start(tmp_path: Path, no_network: list[str]) -> None:
    port = free_port()
    env = guarded_env(tmp_path / "netguard.log", CLUSTERQA_HOST="0.0.0.0", CLUSTERQA_PORT=str(port),
                      CLUSTERQA_INDEX_DIR=str(tmp_path / "index"))
    done = subprocess.run([sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert done.stderr == (
        "Error: Refusing to bind 0.0.0.0 without a login: anyone on the network could use the app. "
        "Set CLUSTERQA_AUTH='user:password' (or a file of such pairs), or use CLUSTERQA_HOST=127.0.0.1.\n"
    )
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing ever listened
    assert not (tmp_path / "index").exists()  # refused before opening anything


def test_wrong_password_cannot_reach_the_api(
    built_index: Path, tmp_path: Path, no_network: list[str]
) -> None:
    from gradio_client import Client

    app = start_app(tmp_path / "locked", built_index, CLUSTERQA_AUTH="alice:correct horse battery")
    try:
        for path in ["gradio_api/info", "config", "gradio_api/call/ask"]:
            data = b'{"data": ["' + LIVERPOOL.encode() + b'"]}' if path.endswith("ask") else None
            status, body = http(app.url + path, data, {"Content-Type": "application/json"})
            assert status in (401, 403), (path, status)
            assert b"160 million" not in body and b"named_endpoints" not in body
        status, _ = http(app.url + "login", b"username=alice&password=wrong",
                         {"Content-Type": "application/x-www-form-urlencoded"})
        assert status in (400, 401, 403)
        with pytest.raises(Exception, match="(?i)login|auth|credentials|401"):
            Client(app.url, auth=("alice", "wrong"), verbose=False)
        client = Client(app.url, auth=("alice", "correct horse battery"), verbose=False)
        assert "£160 million" in client.predict(LIVERPOOL, api_name="/ask")["answer"]
        assert guard_lines(app.guard_log)[1] == []
    finally:
        stop(app.process)


# --- load -------------------------------------------------------------------------------


def load_cases() -> list[dict[str, Any]]:
    lines = (REPO / "evals" / "public.jsonl").read_text(encoding="utf-8").splitlines()
    return [case for case in map(json.loads, lines) if case.get("answerable") and case.get("answers")]


def ask_over_http(url: str, question: str) -> dict[str, Any]:
    """One question through Gradio's plain HTTP API (all six /ask inputs: question, cluster, document,
    k, history, answerer), as a script would send it: its own request and its own event stream, so no
    two askers share a client. (gradio_client's one shared stream per client can cancel a job whose
    stream closed under it when fifty are in flight: CI failed once on exactly that.)"""
    status, body = http(f"{url}gradio_api/call/ask", json.dumps({"data": [question, "", "", 0, [], ""]}).encode(),
                        {"Content-Type": "application/json"}, timeout=LOAD_TIMEOUT_S)
    assert status == 200, body[:300]
    event_id = json.loads(body)["event_id"]
    status, body = http(f"{url}gradio_api/call/ask/{event_id}", timeout=LOAD_TIMEOUT_S)
    assert status == 200, body[:300]
    event = ""
    for line in body.decode("utf-8").splitlines():
        if line.startswith("event:"):
            event = line.removeprefix("event:").strip()
        elif line.startswith("data:") and event == "complete":
            return dict(json.loads(line.removeprefix("data:"))[0])
    raise AssertionError(f"no answer for {question!r}: {body[:300]!r}")


def test_plain_http_api_answers_with_the_ask_json(guarded_app: RunningApp, no_network: list[str]) -> None:
    result = ask_over_http(guarded_app.url, LIVERPOOL)
    assert result["question"] == LIVERPOOL and "£160 million" in result["answer"]
    assert result["citations"][0]["page"] == 7


def test_fifty_concurrent_questions_are_all_answered(guarded_app: RunningApp, no_network: list[str]) -> None:
    picked: list[tuple[str, str, list[str]]] = []  # (question, answer alone, expected)
    alone_ms = []
    for case in load_cases():  # questions the app answers right with nobody else about
        started = time.perf_counter()
        answer = ask_over_http(guarded_app.url, case["question"])["answer"]
        alone_ms.append((time.perf_counter() - started) * 1000)
        if any(expected.lower() in answer.lower() for expected in case["answers"]):
            picked.append((case["question"], answer, case["answers"]))
        if len(picked) == LOAD_QUESTIONS:
            break
    assert len(picked) == LOAD_QUESTIONS

    def timed(question: str) -> tuple[dict[str, Any], float]:
        result = ask_over_http(guarded_app.url, question)
        return result, time.perf_counter()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=LOAD_QUESTIONS) as pool:
        done = list(pool.map(timed, [q for q, _, _ in picked]))
    wall = time.perf_counter() - started
    results = [result for result, _ in done]
    latencies_ms = [(finished - started) * 1000 for _, finished in done]

    assert len(results) == LOAD_QUESTIONS and all("error" not in r for r in results)
    for (question, alone, expected), result in zip(picked, results, strict=True):
        assert result["question"] == question
        assert result["answer"] == alone  # the same answer as with nobody else asking
        assert any(e.lower() in result["answer"].lower() for e in expected)
    p50, p95 = statistics.median(latencies_ms), percentile(latencies_ms, 0.95)
    line = (
        f"{LOAD_QUESTIONS} concurrent /ask: {LOAD_QUESTIONS}/{LOAD_QUESTIONS} answered correctly in {wall:.2f} s; "
        f"latency p50 {p50:.0f} ms, p95 {p95:.0f} ms (one at a time: p50 {statistics.median(alone_ms):.0f} ms)"
    )
    print(line)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.txt").write_text(line + "\n", encoding="utf-8")
    assert guard_lines(guarded_app.guard_log)[1] == []


# --- the Chroma server goes away and comes back ---------------------------------------------


@pytest.mark.server
def test_app_stays_up_while_its_chroma_server_is_down_and_recovers(tmp_path: Path, no_network: list[str]) -> None:
    from gradio_client import Client

    from test_index import CHROMA, ZORBLAX, ChromaServer

    if not CHROMA.is_file():
        pytest.skip(f"no chroma command next to {sys.executable}")
    server = ChromaServer(tmp_path / "chroma-server", free_port())
    server.start()
    app = None
    try:
        note = tmp_path / "zorblax-cluster.md"
        note.write_text(ZORBLAX, encoding="utf-8")
        where = {"CLUSTERQA_CHROMA_HOST": server.host, "CLUSTERQA_CHROMA_PORT": str(server.port)}
        env = guarded_env(tmp_path / "netguard.log", CLUSTERQA_INDEX_DIR=str(tmp_path / "unused"), **where)
        done = subprocess.run([sys.executable, "-m", "clusterqa.cli", "ingest", "--quiet", str(note)], env=env,
                              cwd=REPO, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        app = start_app(tmp_path / "app", None, **where)
        client = Client(app.url, verbose=False)
        question = "How many people does the Zorblax Cluster employ?"
        assert "4,321" in client.predict(question, api_name="/ask")["answer"]

        server.stop()
        down = client.predict(question, api_name="/ask")
        assert down["error"].startswith("The Chroma store failed: ") and down["error"].endswith("is it still running?")
        assert client.predict(question, api_name="/chat").startswith("Error: The Chroma store failed: ")
        assert http(app.url)[0] == 200 and app.process.poll() is None  # the app itself is still up

        server.start()  # same folder, same port
        assert "4,321" in client.predict(question, api_name="/ask")["answer"]
        assert guard_lines(app.guard_log)[1] == []
    finally:
        if app is not None:
            stop(app.process)
        server.stop()
