"""The Gradio app: unit tests for its safe defaults and rendering, then the real app in headless Chromium.

Browser tests start `python app.py` on a free loopback port against an index built from the real
PDF, drive Debian's Chromium with Playwright, and leave one screenshot each in test-artifacts/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterqa.access import check_bind, is_loopback, parse_auth
from clusterqa.conversation import standalone_question
from clusterqa.errors import ClusterQAError, ConfigError
from clusterqa.procs import free_port, stop, wait_for_http
from clusterqa.render import find_quote, highlight

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "corpus" / "np11-innovation-clusters-north-of-england.pdf"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
START_TIMEOUT_S = 120.0
ANSWER_TIMEOUT_MS = 30_000
LIVERPOOL = "How much government funding seeded the Liverpool City Region Investment Zone?"


# --- safe defaults -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", []),
        ("alice:secret", [("alice", "secret")]),
        (" alice:secret , bob:p:w ", [("alice", "secret"), ("bob", "p:w")]),
    ],
)
def test_parse_auth_pairs(value: str, expected: list[tuple[str, str]]) -> None:
    assert parse_auth(value) == expected


def test_parse_auth_file(tmp_path: Path) -> None:
    logins = tmp_path / "logins.txt"
    logins.write_text("# officials\nalice:secret\n\nbob:two, carol:three  # pilot\n", encoding="utf-8")
    assert parse_auth(str(logins)) == [("alice", "secret"), ("bob", "two"), ("carol", "three")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("alice", "neither 'user:password' pairs nor a file"),
        ("alice:secret,bob", "entry 'bob' is not 'user:password'"),
        (":secret", "is not 'user:password'"),
        ("alice:", "entry 'alice' is not 'user:password'"),
    ],
)
def test_parse_auth_rejects_malformed(value: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_auth(value)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_loopback_hosts_need_no_login(host: str) -> None:
    assert is_loopback(host)
    check_bind(host, [])


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_non_loopback_host_without_login_is_refused(host: str) -> None:
    assert not is_loopback(host)
    with pytest.raises(ConfigError, match=f"Refusing to bind {host} without a login"):
        check_bind(host, [])
    check_bind(host, [("alice", "secret")])


def test_launch_refuses_before_loading_anything(tmp_path: Path) -> None:
    from clusterqa.settings import Settings
    from clusterqa.ui import launch

    with pytest.raises(ConfigError, match="Refusing to bind 0.0.0.0"):
        launch(Settings(host="0.0.0.0", index_dir=tmp_path / "none"))


# --- conversation and rendering ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "previous", "expected"),
    [
        ("And when was it announced?", [LIVERPOOL], "When was Liverpool City Region Investment Zone announced?"),
        ("How many people work there?", ["What are the main sites in Tees Valley?"], "How many people work in Tees Valley?"),
        ("What is the population of Leeds?", [LIVERPOOL], "What is the population of Leeds?"),
        ("And Cumbria?", [LIVERPOOL], "Cumbria?"),
        ("When was it announced?", [], "When was it announced?"),
    ],
)
def test_standalone_question(question: str, previous: list[str], expected: str) -> None:
    assert standalone_question(question, previous) == expected


def test_highlight_escapes_and_marks_the_quote() -> None:
    text = "Intro <script>x()</script>. The hub employs\n4,321 people."
    assert highlight(text, "The hub employs 4,321 people.") == (
        "Intro &lt;script&gt;x()&lt;/script&gt;. <mark>The hub employs\n4,321 people.</mark>"
    )


def test_find_quote_tolerates_pdf_line_breaks_and_hyphens() -> None:
    page = "sector investment. The\nLCR's life sciences focused Investment Zone announced in July 2023 was\nseeded"
    start, end = find_quote(page, "The LCR's life sciences focused Investment Zone announced in July 2023 was seeded")
    assert page[start:end].startswith("The\nLCR") and page[start:end].endswith("seeded")


# --- the real app in a real browser ---------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1")
    env.update(extra)
    return env


class RunningApp:
    def __init__(self, url: str, feedback_file: Path, startup_s: float) -> None:
        self.url, self.feedback_file, self.startup_s = url, feedback_file, startup_s


@pytest.fixture(scope="session")
def app(built_index: Path) -> Iterator[RunningApp]:
    """`python app.py` on a free port; stopped by its PID at the end of the session."""
    port = free_port()
    feedback = built_index.parent / "feedback.jsonl"
    log = (built_index.parent / "app.log").open("w")
    env = _env(
        CLUSTERQA_PORT=str(port),
        CLUSTERQA_INDEX_DIR=str(built_index),
        CLUSTERQA_CORPUS_DIR=str(built_index.parent / "corpus"),  # uploads go to its uploads/, not the repo's
        CLUSTERQA_FEEDBACK_FILE=str(feedback),
    )
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        try:
            startup = wait_for_http(url, proc, START_TIMEOUT_S)
        except ClusterQAError as exc:
            pytest.fail(f"{exc}\n{(built_index.parent / 'app.log').read_text()}")
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / "startup.txt").write_text(f"{startup:.2f} s to HTTP 200\n", encoding="utf-8")
        yield RunningApp(url, feedback, startup)
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # CI installs it (scripts/test): missing there is a failure, not a skip
            pytest.fail("Debian chromium is not installed (apt-get install -y chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def ui(chromium, app: RunningApp, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    page.goto(app.url, wait_until="domcontentloaded")
    page.wait_for_selector("#cqa-question textarea")
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask(page, question: str) -> str:  # type: ignore[no-untyped-def]
    """Type a question, press Enter, wait for the new bot message; returns its text."""
    bots = page.locator('[data-testid="bot"]')
    before = bots.count()
    page.fill("#cqa-question textarea", question)
    started = time.perf_counter()
    page.press("#cqa-question textarea", "Enter")
    page.wait_for_function(
        """n => { const b = document.querySelectorAll('[data-testid="bot"]');
                  return b.length > n && /\\[\\d+\\]|Not in the documents|Error/.test(b[b.length - 1].innerText); }""",
        arg=before,
    )
    # a number for reviewers (the bar is an answer on screen within 1 s), not a timed assertion
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "answer-on-screen.txt").open("a", encoding="utf-8") as log:
        log.write(f"{time.perf_counter() - started:.3f} s\t{question}\n")
    return str(bots.last.inner_text())


def open_tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Click the tab's visible button (Gradio also renders one for its overflow menu)."""
    page.locator(f'button[role="tab"]:visible:text-is("{name}")').first.click()


def choose(page, dropdown: str, option: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f"{dropdown} input")
    page.locator('[role="option"]', has_text=option).first.click()


def upload(page, path: Path) -> str:  # type: ignore[no-untyped-def]
    open_tab(page, "Documents")
    page.set_input_files("#cqa-upload input[type=file]", str(path))
    page.locator("#cqa-upload").get_by_text(path.name).first.wait_for()
    page.click("#cqa-add")
    page.locator("#cqa-docs-status", has_text="Indexed").wait_for()
    page.locator("#cqa-documents", has_text=path.name).wait_for()
    status = str(page.locator("#cqa-docs-status").inner_text())
    open_tab(page, "Ask")
    return status


def remove(page, name: str) -> None:  # type: ignore[no-untyped-def]
    open_tab(page, "Documents")
    choose(page, "#cqa-remove-choice", name)
    page.click("#cqa-remove")
    page.locator("#cqa-docs-status", has_text=f"Removed {name}").wait_for()
    open_tab(page, "Ask")


def source_texts(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(t) for t in page.locator("#cqa-sources .cqa-source").all_inner_texts()]


@pytest.mark.browser
def test_app_opens_on_a_clear_empty_state(app: RunningApp, ui) -> None:  # type: ignore[no-untyped-def]
    # start-up time is a number for `clusterqa bench --app`, not a timed test
    assert ui.locator("#cqa-chat").inner_text().count("Ask about the NP11 Innovation Clusters report") == 1
    assert "Ask a question" in ui.locator("#cqa-sources").inner_text()


@pytest.mark.browser
def test_answer_has_marker_sources_and_page_view(ui) -> None:  # type: ignore[no-untyped-def]
    text = ask(ui, LIVERPOOL)
    assert "[1]" in text and "£160 million" in text
    first = ui.locator("#cqa-sources .cqa-source").first
    assert "page 7" in first.inner_text()
    assert "£160 million" in first.locator("mark").inner_text()
    ui.locator("#cqa-page", has_text="page 7").wait_for()
    assert "July 2023" in ui.locator("#cqa-page mark").first.inner_text()


@pytest.mark.browser
def test_follow_up_resolves_from_history(ui) -> None:  # type: ignore[no-untyped-def]
    ask(ui, LIVERPOOL)
    text = ask(ui, "And when was it announced?")
    assert "July 2023" in text
    assert "Searched as: “When was Liverpool City Region Investment Zone announced?”" in text


@pytest.mark.browser
def test_off_topic_question_abstains(ui) -> None:  # type: ignore[no-untyped-def]
    text = ask(ui, "What is the population of Leeds?")
    assert "Not in the documents" in text and "[1]" not in text
    assert ui.locator("#cqa-sources .cqa-abstained").count() == 1
    assert ui.locator('[data-testid="bot"] a[href^="#cqa-source-"]').count() >= 1


@pytest.mark.browser
def test_cluster_filter_is_respected(ui) -> None:  # type: ignore[no-untyped-def]
    ui.locator("#cqa-filters").get_by_text("Filters").click()
    choose(ui, "#cqa-cluster", "Tees Valley: Chemicals")
    text = ask(ui, "What are the main strengths of the cluster?")
    assert "Filter: cluster = Tees Valley" in text
    sections = ui.locator("#cqa-sources .cqa-section").all_inner_texts()
    assert sections and all("Tees Valley" in s for s in sections)


@pytest.mark.browser
def test_uploaded_document_is_cited_then_removed(ui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "zorblax-cluster.md"
    doc.write_text("# Zorblax Cluster\n\nThe Zorblax Cluster employs 4,321 people.\n", encoding="utf-8")
    question = "How many people does the Zorblax Cluster employ?"
    assert "zorblax-cluster.md" in upload(ui, doc)
    text = ask(ui, question)
    assert "4,321" in text and "[1]" in text
    assert "zorblax-cluster.md" in source_texts(ui)[0]
    remove(ui, "zorblax-cluster.md")
    text = ask(ui, question)
    assert "4,321" not in text
    assert not any("zorblax-cluster.md" in s for s in source_texts(ui) if "[" in s.split("·")[0])


@pytest.mark.browser
def test_script_in_a_document_renders_as_text(ui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "quuxly-hub.txt"  # plain text: the Markdown loader would drop the '__'
    payload = "<script>window.__pwned=1</script>"
    doc.write_text(f"The Quuxly Hub banner read {payload} in 2021.\n", encoding="utf-8")
    upload(ui, doc)
    try:
        text = ask(ui, "What did the Quuxly Hub banner read?")
        assert payload in text
        assert payload in ui.locator("#cqa-sources").inner_text()
        assert ui.locator("#cqa-sources script, [data-testid='bot'] script").count() == 0
        assert ui.evaluate("window.__pwned") is None
    finally:
        remove(ui, "quuxly-hub.txt")


@pytest.mark.browser
def test_feedback_is_appended_and_answer_exported(ui, app: RunningApp) -> None:  # type: ignore[no-untyped-def]
    ask(ui, LIVERPOOL)
    ui.locator("#cqa-feedback").get_by_text("Feedback and export").click()
    ui.fill("#cqa-comment textarea", "Exactly the figure I needed.")
    ui.click("#cqa-down")
    ui.locator("#cqa-feedback-status", has_text="Thanks").wait_for()
    record = json.loads(app.feedback_file.read_text(encoding="utf-8").splitlines()[-1])
    assert record["vote"] == "down" and record["question"] == LIVERPOOL
    assert record["comment"] == "Exactly the figure I needed."
    assert record["citations"][0]["page"] == 7 and "time" in record
    exported = ui.locator("#cqa-export textarea").input_value()
    assert "**Sources**" in exported and "p. 7" in exported


@pytest.mark.browser
def test_api_with_gradio_client(app: RunningApp, ui) -> None:  # type: ignore[no-untyped-def]
    from gradio_client import Client

    client = Client(app.url, verbose=False)
    result = client.predict(LIVERPOOL, api_name="/ask")
    assert "[1]" in result["answer"] and result["citations"][0]["page"] == 7
    follow_up = client.predict("And when was it announced?", [LIVERPOOL], api_name="/chat")
    assert "July 2023" in follow_up and "**Sources**" in follow_up
    with urllib.request.urlopen(app.url + "gradio_api/info", timeout=10) as response:
        endpoints = json.load(response)["named_endpoints"]
    assert {"/ask", "/chat"} <= set(endpoints)
    ui.get_by_text("Use via API").click()
    ui.get_by_text("/ask").first.wait_for()


@pytest.mark.browser
def test_upload_of_unsupported_type_is_refused_clearly(ui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "payload.exe"
    bad.write_bytes(b"MZ\x90\x00")
    open_tab(ui, "Documents")
    ui.set_input_files("#cqa-upload input[type=file]", str(bad))
    ui.locator("#cqa-upload").get_by_text(bad.name).first.wait_for()
    ui.click("#cqa-add")
    status = ui.locator("#cqa-docs-status", has_text="Error")
    status.wait_for()
    assert "'payload.exe' is not a supported type. Upload .pdf, .md" in status.inner_text()
    assert "payload.exe" not in ui.locator("#cqa-documents").inner_text()


@pytest.mark.browser
def test_question_markup_is_shown_as_typed(ui) -> None:  # type: ignore[no-untyped-def]
    typed = (
        "<img src=x onerror=window.__pwned=1> **How much** government funding seeded the "
        "Liverpool City Region Investment Zone? ![x](http://example.invalid/a.png) # done"
    )
    ask(ui, typed)
    user = ui.locator('[data-testid="user"]').last
    assert user.inner_text().strip() == typed
    assert user.locator("img, strong, h1").count() == 0
    assert ui.evaluate("window.__pwned") is None


@pytest.mark.browser
def test_briefing_tab_previews_then_downloads_word(ui, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import docx

    open_tab(ui, "Briefing")
    ui.fill("#cqa-brief-topic textarea", "the North East space cluster")
    ui.click("#cqa-brief-draft")
    ui.locator("#cqa-brief-status", has_text="Drafted").wait_for()
    preview = ui.locator("#cqa-brief-preview")
    assert "Key points" in preview.inner_text() and "Relevant recommendations" in preview.inner_text()
    assert "around 1,365 people" in preview.locator("table").inner_text()
    with ui.expect_download() as info:
        ui.click("#cqa-brief-docx")
    path = tmp_path / "brief.docx"
    info.value.save_as(path)
    (table,) = docx.Document(str(path)).tables
    assert any(row.cells[1].text == "around 1,365 people" and row.cells[3].text == "8" for row in table.rows)
    with ui.expect_download() as info:
        ui.click("#cqa-brief-md")
    info.value.save_as(tmp_path / "brief.md")
    assert "[^1]" in (tmp_path / "brief.md").read_text(encoding="utf-8")


@pytest.mark.browser
def test_briefing_on_a_topic_the_documents_lack_says_so(ui) -> None:  # type: ignore[no-untyped-def]
    open_tab(ui, "Briefing")
    ui.fill("#cqa-brief-topic textarea", "tourism in <b>Atlantis</b>")
    ui.click("#cqa-brief-draft")
    ui.locator("#cqa-brief-status", has_text="Nothing to brief on").wait_for()
    text = ui.locator("#cqa-brief-preview").inner_text()
    assert "do not cover" in text and "Key points" not in text and "<b>Atlantis</b>" in text


@pytest.mark.browser
def test_brief_api_with_gradio_client(app: RunningApp) -> None:
    from gradio_client import Client

    note = Client(app.url, verbose=False).predict("skills", "Tees Valley", api_name="/brief")
    assert note["regions"] == ["Tees Valley"] and note["notes"][0]["page"] == 19
    assert "error" in Client(app.url, verbose=False).predict("skills", "Atlantis", api_name="/brief")
