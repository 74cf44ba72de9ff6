"""Settings: one frozen dataclass read from CLUSTERQA_* once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from clusterqa.errors import ClusterQAError, ConfigError
from clusterqa.settings import Settings


def test_defaults_without_environment() -> None:
    settings = Settings.from_env({})
    assert settings.index_dir == Path("index")
    assert settings.corpus_dir == Path("corpus")
    assert settings.embedding_model == "all-MiniLM-L6-v2"
    assert settings.answerer == "extractive"
    assert settings.k == 5
    assert settings.chroma_host == ""
    assert (settings.max_upload_mb, settings.max_question_chars) == (50, 2000)
    assert (settings.concurrency, settings.queue_size) == (4, 200)


def test_from_env_reads_clusterqa_variables() -> None:
    settings = Settings.from_env(
        {
            "CLUSTERQA_INDEX_DIR": "/tmp/somewhere",
            "CLUSTERQA_EMBEDDING_MODEL": "/models/mini",
            "CLUSTERQA_K": "9",
            "CLUSTERQA_PORT": "8123",
            "CLUSTERQA_CHROMA_HOST": "chroma.local",
            "CLUSTERQA_CHUNK_CHARS": "500",
            "OTHER_K": "1",
        }
    )
    assert settings.index_dir == Path("/tmp/somewhere")
    assert settings.embedding_model == "/models/mini"
    assert settings.k == 9
    assert settings.port == 8123
    assert settings.chroma_host == "chroma.local"
    assert settings.chunk_chars == 500


def test_from_env_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLUSTERQA_K", "7")
    assert Settings.from_env().k == 7


def test_empty_variable_keeps_default() -> None:
    assert Settings.from_env({"CLUSTERQA_K": ""}).k == 5


def test_overrides_win_over_environment_unless_none() -> None:
    env = {"CLUSTERQA_INDEX_DIR": "from-env", "CLUSTERQA_K": "3"}
    settings = Settings.from_env(env, index_dir=Path("from-option"), k=None)
    assert settings.index_dir == Path("from-option")
    assert settings.k == 3


@pytest.mark.parametrize("name", ["PORT", "CHROMA_PORT", "K", "MAX_UPLOAD_MB", "MAX_QUESTION_CHARS", "CONCURRENCY"])
@pytest.mark.parametrize("value", ["eighty", "80.5", "8o"])
def test_non_integer_rejected_with_config_error(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env({f"CLUSTERQA_{name}": value})
    message = str(info.value)
    assert f"CLUSTERQA_{name}" in message
    assert value in message
    assert isinstance(info.value, ClusterQAError)


def test_settings_are_frozen_and_with_copies() -> None:
    settings = Settings.from_env({})
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.k = 3  # type: ignore[misc]
    changed = settings.with_(k=8, answerer=None)
    assert (changed.k, changed.answerer) == (8, "extractive")
    assert settings.k == 5


def test_every_field_is_described() -> None:
    described = dict(Settings.from_env({}).describe())
    assert {f"CLUSTERQA_{f.name.upper()}" for f in dataclasses.fields(Settings)} == set(described)
    assert all(help_text.strip() for help_text in described.values())


@pytest.mark.parametrize(
    ("url", "host", "port", "ssl"),
    [
        ("http://127.0.0.1:8001", "127.0.0.1", 8001, False),
        ("http://chroma.internal", "chroma.internal", 8000, False),  # Chroma's own default port
        ("https://chroma.example.org", "chroma.example.org", 443, True),
        ("http://[::1]:9000/", "::1", 9000, False),
        (" http://localhost:8123 ", "localhost", 8123, False),
    ],
)
def test_chroma_url_sets_host_port_and_ssl(url: str, host: str, port: int, ssl: bool) -> None:
    settings = Settings.from_env({"CLUSTERQA_CHROMA_URL": url, "CLUSTERQA_CHROMA_HOST": "ignored", "CLUSTERQA_CHROMA_PORT": "1"})
    assert (settings.chroma_host, settings.chroma_port, settings.chroma_ssl) == (host, port, ssl)


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("127.0.0.1:8000", "must start with http:// or https://"),
        ("ftp://127.0.0.1:8000", "must start with http:// or https://"),
        ("http://:8000", "names no host"),
        ("http://127.0.0.1:99999", "is not a valid URL (Port out of range 0-65535)"),
        ("http://127.0.0.1:port", "is not a valid URL"),
        ("http://127.0.0.1:8000/api/v2", "has a path; Chroma serves from the root"),
        ("http://admin:secret@127.0.0.1:8000", "must not carry a user name or password"),
    ],
)
def test_bad_chroma_url_is_a_config_error_naming_the_shape(url: str, why: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env({"CLUSTERQA_CHROMA_URL": url})
    message = str(info.value)
    assert why in message
    assert message.endswith("Expected http://HOST:PORT, e.g. http://127.0.0.1:8000 (the address 'chroma run' prints).")
    assert "secret" not in message


def test_chroma_url_option_override_wins() -> None:
    settings = Settings.from_env({"CLUSTERQA_CHROMA_URL": "http://a:1"}, chroma_url="http://b:2")
    assert (settings.chroma_host, settings.chroma_port) == ("b", 2)
