"""Embedding backends: the ONNX export of the bundled MiniLM gives sentence-transformers' vectors, is
exported once into its cache folder and reused; int8 is a different model by name."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from clusterqa.embedders import EMBEDDERS, OnnxEmbedder, make_embedder
from clusterqa.errors import ConfigError
from clusterqa.index import Embedder
from clusterqa.settings import Settings

TEXTS = [
    "Otters swim.",
    "Case Studies › Tees Valley: Chemicals\nThe Teesside plant makes ammonia, and a great many other things besides, "
    "in a sentence long enough to need far more tokens than the shortest text in its batch does. " * 3,
    "£160 million in government funding seeded the LCR Investment Zone in July 2023.",
    "",
] + [f"Sentence number {n} about innovation clusters in the North." for n in range(40)]  # more than one batch


def test_default_backend_is_onnx(embedder: Embedder) -> None:
    assert isinstance(embedder, OnnxEmbedder)
    assert embedder.name == "all-MiniLM-L6-v2"  # same vectors, same name: indexes built by either serve both


def test_onnx_matches_sentence_transformers(embedder: Embedder) -> None:
    torch_model = make_embedder(Settings.from_env({}), backend="sentence-transformers")
    want = torch_model.embed(TEXTS)
    got = embedder.embed(TEXTS)
    assert got.shape == want.shape == (len(TEXTS), 384) and got.dtype == np.float32
    assert np.abs(got - want).max() < 1e-4
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_batches_run_in_parallel_give_the_same_vectors_in_order(embedder: Embedder) -> None:
    assert isinstance(embedder, OnnxEmbedder)
    workers = embedder.workers
    try:
        embedder.workers = 1
        one = embedder.embed(TEXTS)
        embedder.workers = 3
        several = embedder.embed(TEXTS)
    finally:
        embedder.workers = workers
    assert np.abs(one - several).max() < 1e-6 and not np.allclose(several[0], several[4])


def test_export_is_made_once_and_reused(tmp_path: Path) -> None:
    settings = Settings.from_env({}, model_cache_dir=tmp_path / "cache")
    first = make_embedder(settings)
    (exported,) = (tmp_path / "cache").glob("*.onnx")
    stamp = exported.stat().st_mtime_ns
    second = make_embedder(settings)
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [exported.name]  # no partial files left
    assert exported.stat().st_mtime_ns == stamp
    assert np.array_equal(first.embed(TEXTS[:3]), second.embed(TEXTS[:3]))


def test_int8_is_a_different_model_by_name(tmp_path: Path, embedder: Embedder) -> None:
    int8 = make_embedder(Settings.from_env({}, model_cache_dir=tmp_path), backend="onnx-int8")
    assert int8.name == "all-MiniLM-L6-v2+int8"
    cosine = (int8.embed(TEXTS) * embedder.embed(TEXTS)).sum(axis=1)
    assert not np.allclose(cosine, 1.0, atol=1e-4)
    # one scale per output channel keeps it close (one per tensor gave a mean of 0.948, a worst of 0.905)
    assert cosine.mean() > 0.98 and cosine.min() > 0.95
    assert sorted(p.name.endswith("-int8pc.onnx") for p in tmp_path.glob("*.onnx")) == [False, True]


def test_onnx_backend_needs_a_local_model_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"Could not load embedding model 'sentence-transformers/x'.*EMBEDDING_BACKEND"):
        make_embedder(Settings.from_env({}, embedding_model="sentence-transformers/x", model_cache_dir=tmp_path))
    assert set(EMBEDDERS) == {"onnx", "onnx-int8", "sentence-transformers"}


def test_unwritable_cache_is_a_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ConfigError, match=r"Cannot write the ONNX model cache in .*CLUSTERQA_MODEL_CACHE_DIR"):
        make_embedder(Settings.from_env({}, model_cache_dir=blocker / "cache"))
