"""`bantin run` on inputs that tell where pages came from: laid out by host, and a manifest.tsv."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_host_layout_and_manifest_give_source_host_and_url(tmp_path, run_bantin):
    src = tmp_path / "input"
    # two seeds under host folders (as wget -x stores them), two at the top named by a manifest,
    # one with neither
    (src / "www.baothanhhoa.vn" / "tin").mkdir(parents=True)
    (src / "huulien.langson.gov.vn").mkdir()
    shutil.copy(SEEDS / SEED_FILES[0], src / "www.baothanhhoa.vn" / "tin" / SEED_FILES[0])
    shutil.copy(SEEDS / SEED_FILES[1], src / "huulien.langson.gov.vn" / SEED_FILES[1])
    for name in SEED_FILES[2:]:
        shutil.copy(SEEDS / name, src / name)
    (src / "manifest.tsv").write_text(
        "file\turl\tnotes\n"
        f"{SEED_FILES[2]}\thttps://www.kontum.gov.vn/tin/{SEED_FILES[2]}\tx\n"
        f"{SEED_FILES[3]}\thttp://vnexpress.net/a-{SEED_FILES[3]}\ty\n",
        encoding="utf-8",
    )
    proc = run_bantin("run", "--input", str(src), "--data", str(tmp_path / "data"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    db = tmp_path / "data" / "warehouse.duckdb"
    got = {
        p.split("/")[-1]: (p, h, u)
        for p, h, u in _rows(db, "SELECT source_path, source_host, source_url FROM articles")
    }
    assert got[SEED_FILES[0]] == (f"www.baothanhhoa.vn/tin/{SEED_FILES[0]}", "baothanhhoa.vn", None)
    assert got[SEED_FILES[1]][1:] == ("huulien.langson.gov.vn", None)
    assert got[SEED_FILES[2]][1:] == ("kontum.gov.vn", f"https://www.kontum.gov.vn/tin/{SEED_FILES[2]}")
    assert got[SEED_FILES[3]][1:] == ("vnexpress.net", f"http://vnexpress.net/a-{SEED_FILES[3]}")
    assert got[SEED_FILES[4]][1:] == (None, None)
    # the manifest is read, never ingested as a page
    paths = {
        p
        for (p,) in _rows(db, "SELECT source_path FROM sources UNION ALL SELECT source_path FROM quarantine")
    }
    assert "manifest.tsv" not in paths and len(paths) == len(SEED_FILES)
    # locality evidence is given exactly when locality is
    for loc, ev in _rows(db, "SELECT locality, locality_evidence FROM articles"):
        assert (loc is None) == (ev is None) and (ev is None or ev.startswith(("text: ", "host: ", "site: ")))
