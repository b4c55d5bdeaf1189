"""Document references: "Nghị quyết số 28-NQ/TU", "Kết luận số 08-KL/ĐU ngày 14/7/2014 của ...",
"Chỉ thị số 05 của Bộ Chính trị", "Quyết định 05 ngày 28-8-2018 của Ban Bí thư".

A reference needs a number right after the kind word (optionally after "số").  "Nghị quyết
Trung ương 4", "Nghị quyết Đại hội Đảng bộ quận" have none and are not references (decision
documented in docs/facts.md).  One row per distinct document: same kind and same number value,
with equal or missing symbols, are merged (first mention gives the span; symbol, issuer and date
are filled from any mention).
"""
from __future__ import annotations

import re
from datetime import date

from tasks.facts import lexicon as lx
from tasks.facts.orgs import org_phrase_end
from tasks.facts.page import Page
from tasks.model import DocumentRef

L = lx.get()

_SYM = r"[A-ZĐ][A-Za-zĐđ]*(?:[-/][A-Za-zĐđ0-9]+)+"
_DOC = re.compile(
    r"(?<![^\W\d_])(?P<kind>" + L.doc_kind_alt + r")"
    r"(?:\s+(?:liên tịch|chuyên đề))?"
    r"(?P<so>\s+(?:số|Số))?\s*(?P<num>\d{1,4}[a-z]?)(?![\d,.]\d)"
    r"(?P<sym>\s*[-–]\s*" + _SYM + r"|/(?:19|20)\d{2}/" + _SYM + r"|" + r"-" + _SYM + r")?",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"\s*,?\s*(?:của|do)\s+(?=[^\W\d_])", re.IGNORECASE)
# Where a kind word may start.  A word that begins with another kind word ("chương trình hành
# động") starts where that one does, so only the shorter one is searched for.
_KIND_SEARCH = tuple(w for w in L.doc_kind_words
                     if not any(v != w and w.startswith(v) for v in L.doc_kind_words))



def _same_symbol(a: str, b: str) -> bool:
    """Symbols written alike up to spaces and case.  Two that tasks.records.doc_key cannot tell
    apart (it upper-cases them) are always one document, else the warehouse would get two rows
    with one key: "28-NQ/TI" and "28-NQ/Tı" (dotless ı upper-cases to I but case-folds to itself)."""
    return a.replace(" ", "").casefold() == b.replace(" ", "").casefold() or a.upper() == b.upper()


def _mkdate(d: str, m: str, y: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except (ValueError, TypeError):
        return None


def extract_document_refs(page: Page) -> list[DocumentRef]:
    body, fb = page.body, page.fb
    if not page.has_digit:
        return []
    lo = page.lo
    starts = set()
    for w in _KIND_SEARCH:              # C-speed substring search per kind word
        i = lo.find(w)
        while i >= 0:
            if not (i and lo[i - 1].isalnum()):
                starts.add(i)
            i = lo.find(w, i + 1)
    if not starts:
        return []
    rows: list[dict] = []
    n = len(fb)
    for ks in sorted(starts):
        m = _DOC.match(fb, ks)
        if not m:
            continue
        kind_word = m.group("kind")
        kind = L.doc_kind_of.get(re.sub(r"\s+", " ", kind_word).casefold())
        if kind is None:
            continue
        has_so = bool(m.group("so"))
        sym = m.group("sym")
        if not kind_word[0].isupper() and not has_so:
            continue
        end = m.end()
        if not has_so and not sym:
            if kind in L.need_so_or_symbol:
                continue
            if not L.bare_followers_re.match(fb, end):
                continue
        if not sym and re.match(r"\s*(?:%|/|năm\b|tháng\b)", fb[end:end + 8], re.IGNORECASE):
            continue
        number = body[m.start("num"):m.end("num")]
        symbol = re.sub(r"\s+", " ", body[m.start("num"):m.end("sym")]) if sym else None
        issued = None
        dm = _DATE.match(fb, end)
        if dm:
            issued = _mkdate(*(dm.group(1, 2, 3) if dm.group(1) else dm.group(4, 5, 6)))
            end = dm.end()
        issuer = None
        im = _ISSUER.match(fb, end)
        if im and fb[im.end()].isupper():
            ie = org_phrase_end(fb, im.end(), n, stops=L.issuer_stop, stop_at_names=False)
            if ie > im.end():
                issuer = body[im.end():ie]
                end = ie
                if issued is None:
                    dm = _DATE.match(fb, end)
                    if dm:
                        issued = _mkdate(*(dm.group(1, 2, 3) if dm.group(1) else dm.group(4, 5, 6)))
                        end = dm.end()
        start = m.start()
        rows.append(dict(kind=kind, number=number, symbol=symbol, issuer=issuer, issued_date=issued,
                         start=start, end=end, key=(kind, int(re.sub(r"\D", "", number) or 0))))
    merged: list[dict] = []
    for r in rows:
        for g in merged:
            if g["key"] == r["key"] and (g["symbol"] is None or r["symbol"] is None
                                         or _same_symbol(g["symbol"], r["symbol"])):
                for f in ("symbol", "issuer", "issued_date"):
                    if g[f] is None and r[f] is not None:
                        g[f] = r[f]
                break
        else:
            merged.append(r)
    return [DocumentRef(kind=g["kind"], number=g["number"], symbol=g["symbol"], issuer=g["issuer"],
                        issued_date=g["issued_date"], evidence=body[g["start"]:g["end"]],
                        start=g["start"], end=g["end"]) for g in merged]
