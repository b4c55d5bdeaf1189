"""The bad-input battery in ONE real run: each file ends as an article or a quarantine row with
a reason, the run exits 0, and `runs` counts them (issue 4). Unit-level twins live in
tests/unit/test_ingest.py (incl. unreadable files and files changing under the reader)."""

from __future__ import annotations

import codecs
import gzip
import os
import unicodedata

import duckdb
import pytest

from tasks import encodings as enc
from tests.conftest import SEEDS

pytestmark = pytest.mark.slow

S0 = (SEEDS / "000_e9886852f82de482.txt").read_text(encoding="utf-8")
S1 = (SEEDS / "001_bbf5b1585e0ecabd.txt").read_text(encoding="utf-8")
S2 = (SEEDS / "002_f7d895790006074a.txt").read_text(encoding="utf-8")
S3 = (SEEDS / "003_7a7351143ff8ca29.txt").read_text(encoding="utf-8")
S4 = (SEEDS / "004_3cfc0053cc8355a1.txt").read_text(encoding="utf-8")


# file name -> (bytes, expected: ("article", same-article group or None, encoding) | ("quarantine", reason))
def battery() -> dict[str, tuple[bytes, tuple]]:
    html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>x</title><style>p{}</style>"
        "</head><body>"
        + "".join(f"<p>{ln}</p>\n" for ln in S4.split("\n") if ln.strip())
        + "<script>var a = 1;</script></body></html>"
    )
    nul = S1[:400] + "\x00\x00" + S1[400:1200] + "\x00" + S1[1200:]
    return {
        "a_utf8.txt": (S2.encode(), ("article", "s2", "utf-8")),
        "b_utf8_bom.txt": (codecs.BOM_UTF8 + S2.encode(), ("article", "s2", "utf-8-sig")),
        "c_utf16le_bom.txt": (S2.encode("utf-16"), ("article", "s2", "utf-16")),
        "d_utf16be_bom.txt": (codecs.BOM_UTF16_BE + S2.encode("utf-16-be"), ("article", "s2", "utf-16")),
        "e_nfd.txt": (unicodedata.normalize("NFD", S2).encode(), ("article", "s2", "utf-8")),
        "f_crlf.txt": (S2.replace("\n", "\r\n").encode(), ("article", "s2", "utf-8")),
        "g_cr.txt": (S2.replace("\n", "\r").encode(), ("article", "s2", "utf-8")),
        "h_same_article_other_name.txt": (S2.encode(), ("article", "s2", "utf-8")),
        "i_windows1258.txt": (
            enc.encode_cp1258(unicodedata.normalize("NFD", S3)),
            ("article", "s3", "windows-1258"),
        ),
        "j_vni.txt": (enc.encode_vni(S3), ("article", "s3", "vni")),
        "k_tcvn3.txt": (enc.encode_tcvn3(S0), ("article", None, "tcvn3")),
        "l_nul_inside.txt": (nul.encode(), ("article", "s1", None)),
        "m_plain_s1.txt": (S1.encode(), ("article", "s1", "utf-8")),
        "n_html_saved_as.txt": (html.encode(), ("article", None, None)),
        "o_one_2mb_line.txt": (
            (" ".join([S3.replace("\n", " ")] * (2_000_000 // len(S3.encode()) + 1))).encode(),
            ("article", None, "utf-8"),
        ),
        # 50 MB: seed 001 over and over; the cleaner keeps the first copy as the article and labels
        # the rest (after its byline) as trailing chrome, so it is the same article as seed 001
        "p_50mb.txt": (
            ((S1 + "\n") * (50_000_000 // len(S1.encode()) + 1)).encode(),
            ("article", "s1", "utf-8"),
        ),
        "q_empty.txt": (b"", ("quarantine", "empty")),
        "r_blank.txt": (b" \n\t \r\n", ("quarantine", "blank")),
        "s_image.png": (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
            ("quarantine", "binary"),
        ),
        "t_doc.pdf": (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 8,
            ("quarantine", "binary"),
        ),
        "u_page.txt.gz": (gzip.compress(S0.encode()), ("quarantine", "binary")),
        "v_random_high_bytes.txt": (
            bytes((i * 37 + 128) % 128 + 128 for i in range(3000)),
            ("quarantine", "undecodable"),
        ),
        "w_only_chrome.txt": (
            "Tất cả chuyên mục\nTin khác\nLiên kết website\nÝ kiến bạn đọc\nrefresh\n".encode(),
            ("quarantine", "no_article"),
        ),
    }


def test_every_bad_input_ends_as_article_or_quarantine_and_run_exits_0(tmp_path, run_bantin):
    inp, data = tmp_path / "in", tmp_path / "data"
    inp.mkdir()
    files = battery()
    for name, (payload, _) in files.items():
        (inp / name).write_bytes(payload)
    os.symlink(".", inp / "loop")  # a symlink loop: must not hang discovery
    before = {
        p.name: (p.stat().st_mtime_ns, p.read_bytes())
        for p in inp.iterdir()
        if p.is_file() and not p.is_symlink()
    }

    proc = run_bantin("run", "--input", str(inp), "--data", str(data), timeout=1500)
    assert proc.returncode == 0, proc.stdout + proc.stderr

    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        sources = {
            p: (a, e)
            for p, a, e in con.execute(
                "SELECT source_path, article_id, encoding FROM sources WHERE present"
            ).fetchall()
        }
        quarantine = dict(con.execute("SELECT source_path, reason FROM quarantine").fetchall())
        run = con.execute("SELECT files_seen, files_quarantined, status FROM runs").fetchall()
        articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    finally:
        con.close()

    groups: dict[str, set[str]] = {}
    for name, (_, expected) in files.items():
        if expected[0] == "quarantine":
            assert quarantine.get(name) == expected[1], f"{name}: {quarantine.get(name)}"
            continue
        assert name in sources and sources[name][0] is not None, (
            f"{name} is not an article: {quarantine.get(name)}"
        )
        article_id, encoding = sources[name]
        if expected[2] is not None:
            assert encoding == expected[2], f"{name}: encoding {encoding}"
        if expected[1]:
            groups.setdefault(expected[1], set()).add(article_id)
    # every spelling of one page (BOM, UTF-16, NFD, CRLF, CR, another name, legacy codes) is one article
    for group, ids in groups.items():
        assert len(ids) == 1, f"{group} split into {ids}"
    n_quarantined = sum(1 for _, e in files.values() if e[0] == "quarantine")
    assert run == [(len(files), n_quarantined, "succeeded")]
    assert articles == len(groups) + sum(1 for _, e in files.values() if e[0] == "article" and not e[1])
    # raw inputs are never modified
    after = {
        p.name: (p.stat().st_mtime_ns, p.read_bytes())
        for p in inp.iterdir()
        if p.is_file() and not p.is_symlink()
    }
    assert after == before
