"""The data-quality report entry page: data/reports/index.html (self-contained, opens offline).

It summarises every run from the warehouse (runs, dq_results, quarantine, table counts) and links
the Great Expectations Data Docs of the latest validation under reports/gx/.
"""
from __future__ import annotations

import html
from pathlib import Path

from tasks.store import warehouse
from tasks.tables import DATA, LOG, tables_in

TABLES = tables_in(DATA, LOG)   # the row counts shown: data and run logs, not derived state

_CSS = """
body{font-family:system-ui,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222}
h1{margin-bottom:.2rem} .muted{color:#666} table{border-collapse:collapse;margin:.6rem 0 1.6rem;width:100%}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;font-size:.9rem;vertical-align:top}
th{background:#f3f4f6} .ok{color:#067d3a;font-weight:600} .bad{color:#b91c1c;font-weight:600}
.pill{display:inline-block;padding:.1rem .5rem;border-radius:1rem;background:#eef}
"""


def _table(headers: list[str], rows: list[tuple], cls_col: int | None = None) -> str:
    out = ["<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in headers) + "</tr>"]
    for row in rows:
        cells = []
        for i, v in enumerate(row):
            text = "" if v is None else str(v)
            cls = ""
            if i == cls_col and v is not None:
                cls = ' class="ok"' if v in (True, "succeeded") else ' class="bad"'
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def build_report(data_dir: Path) -> Path:
    reports = data_dir / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    db = data_dir / "warehouse.duckdb"
    with warehouse(db, read_only=True) as con:
        counts = [(t, con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES]
        runs = con.execute("""SELECT run_id, started_at, finished_at, status, files_seen, files_new,
                                     files_quarantined, articles_loaded, dq_success
                              FROM runs ORDER BY started_at DESC LIMIT 30""").fetchall()
        last = con.execute("""SELECT run_id FROM dq_results GROUP BY run_id
                              ORDER BY max(run_id) DESC LIMIT 1""").fetchone()
        dq = []
        if last:
            dq = con.execute("""SELECT table_name, expectation, success, unexpected_count, rows_checked
                                FROM dq_results WHERE run_id = ? ORDER BY success, table_name""",
                             [last[0]]).fetchall()
        # processing_error rows are bugs met on a page (the batch's error boundary): counted apart
        reasons = con.execute("""SELECT reason, count(*) FROM quarantine GROUP BY reason
                                 ORDER BY 2 DESC, 1""").fetchall()
        quarantine = con.execute("""SELECT source_path, reason, detail, run_id FROM quarantine
                                    ORDER BY run_id DESC, source_path LIMIT 200""").fetchall()
        kinds = con.execute("""SELECT kind, count(*) FROM boilerplate GROUP BY kind
                               ORDER BY 2 DESC""").fetchall()
    gx_link = "gx/index.html" if (reports / "gx" / "index.html").exists() else None
    failed = [r for r in dq if not r[2]]
    parts = [
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>",
        "<title>bantin data quality</title>", f"<style>{_CSS}</style></head><body>",
        "<h1>bantin — data quality</h1>",
        f"<p class='muted'>Warehouse: {html.escape(str(db))}</p>",
    ]
    if last:
        verdict = ("<span class='ok'>all expectations met</span>" if not failed else
                   f"<span class='bad'>{len(failed)} expectation(s) failed</span>")
        parts.append(f"<h2>Latest validation: run {html.escape(last[0])}</h2><p>{verdict}. "
                     + (f"Full Great Expectations Data Docs: <a href='{gx_link}'>{gx_link}</a>"
                        if gx_link else "") + "</p>")
        parts.append(_table(["table", "expectation", "success", "unexpected", "rows checked"], dq, 2))
    parts += ["<h2>Runs</h2>", _table(["run", "started", "finished", "status", "files seen",
                                        "new", "quarantined", "articles loaded", "DQ ok"], runs, 3),
              "<h2>Warehouse tables</h2>", _table(["table", "rows"], counts),
              "<h2>Removed page chrome by kind</h2>", _table(["kind", "segments"], kinds),
              "<h2>Quarantine</h2>", _table(["reason", "files"], reasons),
              _table(["source", "reason", "detail", "run"], quarantine),
              "</body></html>"]
    index = reports / "index.html"
    tmp = index.with_suffix(".html.tmp")
    tmp.write_text("\n".join(parts), encoding="utf-8")
    tmp.replace(index)
    return index
