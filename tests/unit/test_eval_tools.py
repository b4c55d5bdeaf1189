"""bench/eval carries copies of the shared scorer and layout tool: they must stay identical."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "eval"


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/eval is not beside this checkout (a user's clone)")
@pytest.mark.parametrize("name", ["score.py", "layout_by_host.py"])
def test_copy_is_identical_to_the_shared_tool(name):
    assert (ROOT / "bench" / "eval" / name).read_bytes() == (SHARED / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("portals", 100),
        ("fresh", 50),
        ("unseen", 40),
        ("heldout", 75),
        ("blind", 20),
        ("blind5", 85),
        ("blind6", 100),
        ("blind7", 34),
        ("blind8", 78),
        ("blind9", 51),
        ("blind10", 60),
        ("blind11", 34),
        ("blind12", 36),
        ("blind13", 36),
        ("blind14", 36),
    ],
)
def test_own_gold_set_is_built_from_its_specs(name, at_least):
    import json
    import shutil
    import subprocess
    import sys
    import tempfile

    own = ROOT / "tests" / "dev" / name
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(own / "spec", Path(tmp) / "spec")
        shutil.copytree(own / "raw", Path(tmp) / "raw")
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "eval" / "build_gold.py"), tmp],
            check=True,
            capture_output=True,
        )
        rebuilt = json.loads((Path(tmp) / "gold.json").read_text(encoding="utf-8"))
    assert rebuilt == json.loads((own / "gold.json").read_text(encoding="utf-8")), "run build_gold.py"
    assert len(rebuilt) >= at_least


def test_url_manifest_of_a_laid_out_set_gives_bantin_each_page_url(tmp_path):
    """run_eval --with-urls: the laid-out input's manifest maps host/file to the origin URL,
    in the form bantin's ingest reads; a page with no web origin gets no row."""
    import subprocess
    import sys

    sys.path.insert(0, str(ROOT / "bench" / "eval"))
    from run_eval import write_url_manifest

    from tasks.ingest.origin import parse_manifest

    raw, laid_out = tmp_path / "raw", tmp_path / "in"
    raw.mkdir()
    (raw / "a.txt").write_text("x", encoding="utf-8")
    (raw / "b.txt").write_text("y", encoding="utf-8")
    (raw / "manifest.tsv").write_text(
        "file\torigin\na.txt\thttps://xa.tinh.gov.vn/tin-tuc/trang-chu\nb.txt\tpages-corpus excerpt\n",
        encoding="utf-8",
    )
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval" / "layout_by_host.py"), str(raw), str(laid_out)],
        check=True,
    )
    write_url_manifest(raw, laid_out)
    urls = parse_manifest((laid_out / "manifest.tsv").read_text(encoding="utf-8"))
    assert urls == {"xa.tinh.gov.vn/a.txt": "https://xa.tinh.gov.vn/tin-tuc/trang-chu"}
