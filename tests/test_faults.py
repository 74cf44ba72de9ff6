"""Faults: an ingest killed mid-way, a read-only index, an index from an older version.

Each runs the real `clusterqa` command in a subprocess against a real Chroma store in a temporary
folder; the kill is a real SIGKILL, timed by watching the store's files for the first write.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from clusterqa.index import Embedder, Index
from clusterqa.pipeline import Assistant
from clusterqa.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "clusterqa.cli"]
KETTLE_QUESTION = "How fast does the kettle boil?"
DEPOT_QUESTION = "How many crates of tea does the depot in Ashford77 store?"
RAW_STATE = """
import json, sys
from clusterqa.index import Index, open_client
from clusterqa.settings import Settings
class Named:  # reads only: nothing is embedded
    name = "all-MiniLM-L6-v2"
index = Index(open_client(Settings.from_env()), Named())
print(json.dumps({"documents": [d.source for d in index.documents()], "chunks": index.chunks.count(),
                  "sentences": index.sentences.count(), "live_chunks": index.count()}))
"""


def env_for(index_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLUSTERQA_")}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT / "src"), CLUSTERQA_INDEX_DIR=str(index_dir), **extra)
    return env


def run(args: list[str], index_dir: Path, stdin: str | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, input=stdin, capture_output=True, text=True, timeout=300, env=env_for(index_dir), cwd=ROOT, **kw  # type: ignore[call-overload]
    )


def raw_state(index_dir: Path) -> dict[str, object]:
    done = run([sys.executable, "-c", RAW_STATE], index_dir)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def ask_batch(index_dir: Path, questions: list[str]) -> list[dict]:  # type: ignore[type-arg]
    done = run(CLI + ["ask"], index_dir, stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


KILLED_PAGES = 400  # the ingest that is killed: ~6 s to embed with ONNX here (100 pages took 1.5 s in all, too
# close to the kill's 1.5 s wait: in one CI run the writes had begun)


def depot_pdf(path: Path, pages: int) -> Path:
    """A long survey: one fact a page ('The depot in AshfordN stores 3N crates of tea.') amid prose."""
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(40, 810, "Depot Survey 2024")
        pdf.drawString(40, 20, f"Page {n}")
        pdf.setFont("Helvetica", 11)
        lines = ["Survey of depots, one site a page.", "Crates were counted by hand.", "Counts are as of March.",
                 f"The depot in Ashford{n} stores {n * 3} crates of tea.", "Each depot was visited twice.",
                 "Figures are rounded.", "See the annex for methods."]
        for i, line in enumerate(lines):
            pdf.drawString(40, 500 - i * 15, line)
        pdf.showPage()
    pdf.save()
    return path


def store_fingerprint(index_dir: Path) -> dict[str, str]:
    return {
        str(p.relative_to(index_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(index_dir.rglob("*"))
        if p.is_file() and p.name != "clusterqa.lock"
    }


def write_stamp(index_dir: Path) -> tuple[int, ...]:
    """Where Chroma's log of writes stands (its sqlite sequence number): it moves on the first record added.
    (File times are no use: opening a store touches its vector files.)"""
    import sqlite3

    db = sqlite3.connect(f"file:{index_dir / 'chroma.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        row = db.execute("SELECT COALESCE(MAX(seq_id), 0), COUNT(*) FROM embeddings_queue").fetchone()
        return (int(row[0]), int(row[1]))
    finally:
        db.close()


@pytest.fixture
def kettle_store(tmp_path: Path, embedder: Embedder) -> Iterator[tuple[Path, Assistant]]:
    """A real store holding the kettle note, and an Assistant serving it from this process (the app)."""
    index_dir = tmp_path / "index"
    note = tmp_path / "kettle.md"
    note.write_text("# Kettle\n\nThe kettle boils water in ninety seconds.\n", encoding="utf-8")
    settings = Settings.from_env({}, index_dir=index_dir)
    assistant = Assistant(settings, embedder, Index.open(settings, embedder))
    assert assistant.ingest([note]).added
    yield index_dir, assistant


class Asker(threading.Thread):
    """Asks the kettle question over and over until stopped, like the app serving while ingest runs."""

    def __init__(self, assistant: Assistant) -> None:
        super().__init__(daemon=True)
        self.assistant = assistant
        self.answers: list[str] = []
        self.errors: list[str] = []
        self.halt = threading.Event()

    def run(self) -> None:
        while not self.halt.is_set():
            try:
                self.answers.append(self.assistant.ask(KETTLE_QUESTION).answer)
            except Exception as exc:  # recorded, and the test fails on it
                self.errors.append(repr(exc))
            time.sleep(0.2)


@pytest.mark.parametrize("moment", ["embedding", "writing"])
def test_ingest_killed_mid_way_leaves_the_old_index_serving(
    moment: str, kettle_store: tuple[Path, Assistant], tmp_path: Path
) -> None:
    index_dir, assistant = kettle_store
    big = depot_pdf(tmp_path / "depots.pdf", KILLED_PAGES)
    index = assistant.index
    before = {"documents": ["kettle.md"], "chunks": index.chunks.count(), "sentences": index.sentences.count(),
              "live_chunks": index.count()}
    asker = Asker(assistant)
    asker.start()
    partial = None
    for _attempt in range(3):  # the write window is short: try again if the kill came after it
        stamp = write_stamp(index_dir)
        proc = subprocess.Popen(CLI + ["ingest", str(big)], env=env_for(index_dir), cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        deadline = time.monotonic() + 240
        if moment == "embedding":
            seen = ""
            while "depots.pdf" not in seen and time.monotonic() < deadline:  # tqdm names the file it starts
                seen += proc.stderr.read(1)
            time.sleep(1.5)  # reading the pages takes well under this; embedding them takes several seconds
            assert write_stamp(index_dir) == stamp, "the store changed before the kill: not during embedding"
        else:
            while write_stamp(index_dir) == stamp and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.002)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        partial = raw_state(index_dir)
        if moment == "embedding" or partial["chunks"] != before["chunks"] or partial["sentences"] != before["sentences"]:
            break
        print(f"attempt {_attempt + 1}: killed after the write window; again")
    asker.halt.set()
    asker.join(timeout=30)

    assert partial is not None and partial["documents"] == ["kettle.md"]  # the killed document is absent
    assert partial["live_chunks"] == before["live_chunks"]
    if moment == "writing":  # some of it was on disk when it died: written, but never made visible
        assert (partial["chunks"], partial["sentences"]) != (before["chunks"], before["sentences"])
    assert asker.errors == [] and len(asker.answers) >= 5
    assert all("ninety seconds" in a for a in asker.answers)  # the old index answered throughout
    kettle, depot = ask_batch(index_dir, [KETTLE_QUESTION, DEPOT_QUESTION])
    assert "ninety seconds" in kettle["answer"]
    assert not any(c["source"] == "depots.pdf" for c in depot["citations"])

    again = run(CLI + ["ingest", "--quiet", str(big)], index_dir)
    assert again.returncode == 0, again.stderr
    assert "(1 indexed, 0 unchanged, 0 removed)" in again.stdout
    after = raw_state(index_dir)
    assert after["documents"] == ["depots.pdf", "kettle.md"]
    assert after["chunks"] == after["live_chunks"]  # the killed run's leftovers were swept
    kettle, depot = ask_batch(index_dir, [KETTLE_QUESTION, DEPOT_QUESTION])
    assert "ninety seconds" in kettle["answer"]
    assert "231 crates" in depot["answer"] and depot["citations"][0]["page"] == 77


def test_a_second_ingest_while_one_runs_is_refused_clearly(kettle_store: tuple[Path, Assistant], tmp_path: Path) -> None:
    index_dir, assistant = kettle_store
    assert assistant.index.lock_path is not None
    note = tmp_path / "tea.md"
    note.write_text("# Tea\n\nTea is served at four.\n", encoding="utf-8")
    with assistant.index.writing():  # this process is mid-ingest
        done = run(CLI + ["ingest", "--quiet", str(note)], index_dir)
    assert done.returncode == 1
    assert done.stderr == f"Error: Another ingest is writing to {index_dir}/. Wait for it to finish, then run this again.\n"
    assert raw_state(index_dir)["documents"] == ["kettle.md"]


def _drop_root_overrides() -> None:
    """In the child, before exec: give up root's power to write through permission bits
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER), so a read-only folder is read-only to it."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2, 3):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _unprivileged() -> dict[str, object]:
    return {"preexec_fn": _drop_root_overrides} if os.geteuid() == 0 else {}


def test_read_only_index_is_a_clear_error_and_nothing_is_written(kettle_store: tuple[Path, Assistant]) -> None:
    index_dir, _ = kettle_store
    shared = Path(tempfile.mkdtemp(prefix="clusterqa-ro-"))
    try:
        store = shared / "index"
        subprocess.run(["cp", "-a", str(index_dir), str(store)], check=True)
        for path in [store, *store.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        note = shared / "tea.md"
        note.write_text("# Tea\n\nTea is served at four.\n", encoding="utf-8")
        before = store_fingerprint(store)
        done = subprocess.run(CLI + ["ingest", "--quiet", str(note)], capture_output=True, text=True, timeout=300,
                              env=env_for(store), cwd=ROOT, **_unprivileged())  # type: ignore[call-overload]
        assert done.returncode == 1, done.stdout + done.stderr
        assert done.stderr.startswith(f"Error: The index in {store}/ cannot be opened: its folder or database is read-only")
        assert "Make the folder writable, or set CLUSTERQA_INDEX_DIR to a writable folder" in done.stderr
        assert "Traceback" not in done.stderr
        assert store_fingerprint(store) == before  # not a byte changed
        answers = ask_batch(store, [KETTLE_QUESTION])
        assert "ninety seconds" in answers[0]["answer"]
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        subprocess.run(["rm", "-rf", str(shared)], check=True)


def _limit_file_size(limit: int) -> None:
    """In the child: files cannot grow past `limit` bytes (EFBIG, as on a full disk) instead of SIGXFSZ."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_full_disk_is_a_clear_error_and_the_old_index_still_answers(
    kettle_store: tuple[Path, Assistant], tmp_path: Path
) -> None:
    index_dir, _ = kettle_store
    big = depot_pdf(tmp_path / "depots.pdf", 60)
    largest = max(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    done = subprocess.run(CLI + ["ingest", "--quiet", str(big)], capture_output=True, text=True, timeout=300,
                          env=env_for(index_dir), cwd=ROOT, preexec_fn=lambda: _limit_file_size(largest + 4096))
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.startswith("Error: The index cannot be written: the disk is full or refused the write ("), done.stderr
    assert done.stderr.endswith("Free some space and run the ingest again; documents already indexed are unchanged.\n")
    assert raw_state(index_dir)["documents"] == ["kettle.md"]  # nothing half-visible
    kettle, depot = ask_batch(index_dir, [KETTLE_QUESTION, DEPOT_QUESTION])
    assert "ninety seconds" in kettle["answer"]
    again = run(CLI + ["ingest", "--quiet", str(big)], index_dir)  # with room again, it completes
    assert again.returncode == 0, again.stderr
    state = raw_state(index_dir)
    assert state["documents"] == ["depots.pdf", "kettle.md"] and state["chunks"] == state["live_chunks"]


def test_index_from_an_older_version_names_the_rebuild_command_which_works(
    kettle_store: tuple[Path, Assistant], tmp_path: Path
) -> None:
    index_dir, assistant = kettle_store
    assistant.index.client.delete_collection("clusterqa-documents")  # stores before the manifest had none
    done = run(CLI + ["ask", KETTLE_QUESTION], index_dir)
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: The index in {index_dir}/ was built by an older version of clusterqa and cannot be read. "
        "Rebuild it with 'clusterqa ingest corpus/' (and any other folders you indexed).\n"
    )
    rebuilt = run(CLI + ["ingest", "--quiet", str(tmp_path / "kettle.md")], index_dir)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "ninety seconds" in ask_batch(index_dir, [KETTLE_QUESTION])[0]["answer"]
    assert raw_state(index_dir)["chunks"] == 1  # the old-format records were swept


def test_missing_index_names_the_ingest_command(tmp_path: Path) -> None:
    done = run(CLI + ["ask", KETTLE_QUESTION], tmp_path / "nowhere")
    assert done.returncode == 1
    assert done.stderr == f"Error: No index at {tmp_path / 'nowhere'}/. Run 'clusterqa ingest corpus/' first.\n"
    assert not (tmp_path / "nowhere").exists()  # asking creates nothing
