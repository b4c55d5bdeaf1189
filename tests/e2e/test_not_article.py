"""Listing/tag pages, poems and documents are quarantined as not_article (kind in detail), on a
real run; the article beside them is loaded."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

TEASER = (
    "Sáng 15-3, Ban Thường vụ Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh về công tác xây dựng "
    "Đảng, triển khai nhiệm vụ năm 2016 và các giải pháp trọng tâm."
)


def test_non_articles_are_quarantined_as_not_article(tmp_path, run_bantin):
    inp, data = tmp_path / "in", tmp_path / "data"
    (inp / "tinhuy.vn" / "news" / "tag" / "xay-dung").mkdir(parents=True)
    (inp / "tinhuy.vn" / "news" / "tag" / "xay-dung" / "page-8.txt").write_text(
        "04:35 15/03/2016\n" + TEASER + "\n", encoding="utf-8"
    )
    (inp / "poem.txt").write_text(
        "Chín mươi mùa xuân Đảng chẳng già\nĐảng luôn trẻ mãi trong lòng ta\n"
        "Vì dân vì nước Đảng không quản\nMang đến sắc xuân khắp mọi nhà!\nTrung Kiên\n",
        encoding="utf-8",
    )
    (inp / "list.txt").write_text(
        "Cấp ủy cần giúp doanh nghiệp tháo gỡ khó khăn, vận động thành lập tổ chức Đảng...\n",
        encoding="utf-8",
    )
    shutil.copy(SEEDS / "002_f7d895790006074a.txt", inp / "good.txt")
    proc = run_bantin("run", "--input", str(inp), "--data", str(data))
    assert proc.returncode == 0, proc.stderr
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        rows = {
            p.split("/")[-1]: (r, d)
            for p, r, d in con.execute("SELECT source_path, reason, detail FROM quarantine").fetchall()
        }
        loaded = [p for (p,) in con.execute("SELECT source_path FROM articles").fetchall()]
    finally:
        con.close()
    assert rows["page-8.txt"][0] == "not_article" and rows["page-8.txt"][1].startswith("tag:")
    assert rows["poem.txt"] == ("not_article", rows["poem.txt"][1]) and rows["poem.txt"][1].startswith(
        "poem:"
    )
    assert rows["list.txt"][0] == "not_article" and rows["list.txt"][1].startswith("listing:")
    assert loaded == ["good.txt"]
