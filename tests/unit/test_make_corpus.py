"""bench/make_corpus.py: deterministic for a seed, the requested count, duplicates and bad files."""

from __future__ import annotations

import hashlib
import importlib.util
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARCHIVE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "baomoi-2017.tar.xz"

pytestmark = pytest.mark.skipif(
    not ARCHIVE.exists(),
    reason=f"{ARCHIVE} is absent (the benchmark corpus lives in ../shared, not in the repo)",
)


def _load():
    spec = importlib.util.spec_from_file_location("make_corpus", REPO / "bench" / "make_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_with_dups_and_bad_files(tmp_path, monkeypatch):
    # An empty cache folder: N=50 must stream the first members, not unpack the whole archive.
    monkeypatch.setenv("BANTIN_BENCH_CACHE", str(tmp_path / "cache"))
    mc = _load()
    a, b = tmp_path / "a", tmp_path / "b"
    mc.make_corpus(50, a, seed=7, archive=ARCHIVE, jobs=1)
    mc.make_corpus(50, b, seed=7, archive=ARCHIVE, jobs=1)
    ta, tb = _tree(a), _tree(b)
    assert len(ta) == 50
    assert ta == tb
    assert not (tmp_path / "cache").exists()

    digests = Counter(hashlib.sha256(d).hexdigest() for d in ta.values() if d.strip(b" \t\r\n"))
    assert any(n > 1 for n in digests.values()), "no exact duplicates"
    assert any(d == b"" for d in ta.values()), "no empty file"
    assert any(d.startswith(b"\x89PNG") for d in ta.values()), "no binary PNG file"
    assert any(d and not d.strip() for d in ta.values()), "no whitespace-only file"
    assert any(b"\x00" in d for d in ta.values()), "no NUL-laden file"
    undecodable = 0
    for d in ta.values():
        try:
            d.decode("utf-8")
        except UnicodeDecodeError:
            undecodable += 1
    assert undecodable >= 1, "no cp1258 file"
    # real pages carry page chrome
    text = b"\n".join(ta.values()).decode("utf-8", errors="replace")
    assert "Tin khác" in text or "Tin liên quan" in text or "This website uses cookies" in text


def test_other_seed_differs(tmp_path, monkeypatch):
    monkeypatch.setenv("BANTIN_BENCH_CACHE", str(tmp_path / "cache"))
    mc = _load()
    mc.make_corpus(20, tmp_path / "a", seed=1, archive=ARCHIVE, jobs=1)
    mc.make_corpus(20, tmp_path / "b", seed=2, archive=ARCHIVE, jobs=1)
    assert _tree(tmp_path / "a") != _tree(tmp_path / "b")
    assert len(_tree(tmp_path / "a")) == 20
