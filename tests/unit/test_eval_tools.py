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


@pytest.mark.parametrize(("name", "at_least"), [("portals", 100), ("fresh", 50), ("unseen", 40), ("heldout", 75)])
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
