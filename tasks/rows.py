"""ProcessedDoc / Quarantined -> Arrow rows, one table per staged dataset (tasks/tables.py).

Child tables carry `_source_path` so the loader can keep exactly one copy of an article's rows
when two input files hold the same article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyarrow as pa

from tasks.process_page import ProcessedDoc
from tasks.records import DocumentRef, Quarantined
from tasks.tables import STAGED

# One Arrow schema per staged dataset, from the table registry.
SCHEMAS: dict[str, pa.Schema] = {name: table.arrow_schema for name, table in STAGED.items()}


def doc_key(kind: str, number: str | None, symbol: str | None) -> str:
    return "|".join([kind, (number or "").lstrip("0") or (number or ""), (symbol or "").upper()])


def quarantine_id(rel_path: str, sha256: str | None, reason: str) -> str:
    return hashlib.sha256(f"{rel_path}\0{sha256 or ''}\0{reason}".encode()).hexdigest()[:16]


def rows_for_doc(doc: ProcessedDoc, run_id: str, stat: tuple[int, int]) -> dict[str, list[dict]]:
    """All warehouse rows one processed page contributes."""
    raw, aid, src = doc.raw, doc.article_id, doc.raw.rel_path
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    rows["articles"].append(_article_row(doc, run_id))
    rows["boilerplate"] = [
        dict(article_id=aid, seq=i, kind=s.kind, text=s.text, line_no=s.line_no, _source_path=src)
        for i, s in enumerate(doc.anatomy.boilerplate)
    ]
    rows["people"] = [
        dict(
            article_id=aid,
            name=p.name,
            titles=list(p.titles),
            role=p.role,
            first_offset=p.start,
            _source_path=src,
        )
        for p in _unique(doc.facts.people, key=lambda p: p.name)
    ]
    rows["document_refs"] = [
        dict(
            article_id=aid,
            doc_key=key,
            kind=d.kind,
            number=d.number,
            symbol=d.symbol,
            issuer=d.issuer,
            issued_date=d.issued_date,
            evidence=d.evidence,
            start_offset=d.start,
            end_offset=d.end,
            _source_path=src,
        )
        for key, d in distinct_documents(doc.facts.document_refs)
    ]
    rows["indicators"] = [_indicator_row(aid, i, x, src) for i, x in enumerate(doc.facts.indicators)]
    rows["source_versions"].append(
        dict(
            source_path=src,
            source_sha256=raw.sha256,
            article_id=aid,
            encoding=raw.encoding,
            size_bytes=stat[0],
            mtime_ns=stat[1],
        )
    )
    return rows


def _article_row(doc: ProcessedDoc, run_id: str) -> dict:
    a, raw = doc.anatomy, doc.raw
    return dict(
        article_id=doc.article_id,
        source_path=raw.rel_path,
        source_sha256=raw.sha256,
        title=a.title,
        published_at=a.published_at,
        event_date=a.event_date,
        source_site=a.source_site,
        author=a.author,
        locality=a.locality,
        body=a.body,
        run_id=run_id,
        body_chars=len(a.body),
        encoding=raw.encoding,
        source_host=raw.source_host,
        source_url=raw.source_url,
        locality_evidence=a.locality_evidence,
    )


def _indicator_row(article_id: str, seq: int, x, source_path: str) -> dict:
    return dict(
        article_id=article_id,
        seq=seq,
        metric=x.metric,
        actual=x.actual,
        target=x.target,
        percent=x.percent,
        unit=x.unit,
        qualifier=x.qualifier,
        period=x.period,
        period_start=x.period_start,
        period_end=x.period_end,
        evidence=x.evidence,
        start_offset=x.start,
        end_offset=x.end,
        part_of=x.part_of,
        _source_path=source_path,
    )


def distinct_documents(refs: list[DocumentRef]) -> list[tuple[str, DocumentRef]]:
    """(doc_key, first mention) per distinct document of one article. A document is its kind,
    number and symbol; when one article cites two issues of the same number in different years
    ("01-HD/TW ngày 20/9/2012" and "01-HD/TW ngày 28/9/2016") the year keeps them apart, and an
    undated mention of that number adds no row of its own."""
    years: dict[str, set[int]] = {}
    for d in refs:
        if d.issued_date is not None:
            years.setdefault(doc_key(d.kind, d.number, d.symbol), set()).add(d.issued_date.year)
    out: dict[str, DocumentRef] = {}
    for d in refs:
        key = doc_key(d.kind, d.number, d.symbol)
        if len(years.get(key, ())) > 1:
            if d.issued_date is None:
                continue
            key = f"{key}|{d.issued_date.year}"
        out.setdefault(key, d)
    return list(out.items())


def rows_for_quarantine(q: Quarantined, run_id: str, stat: tuple[int, int] | None) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    rows["quarantine"].append(
        dict(
            quarantine_id=quarantine_id(q.rel_path, q.sha256, q.reason),
            source_path=q.rel_path,
            source_sha256=q.sha256,
            reason=q.reason,
            detail=q.detail,
            run_id=run_id,
        )
    )
    if q.sha256 is not None:  # a version we could hash is a seen source, with no article
        rows["source_versions"].append(
            dict(
                source_path=q.rel_path,
                source_sha256=q.sha256,
                article_id=None,
                encoding=q.encoding,
                size_bytes=stat[0] if stat else None,
                mtime_ns=stat[1] if stat else None,
            )
        )
    return rows


def to_tables(row_sets: Iterable[dict[str, list[dict]]]) -> dict[str, pa.Table]:
    merged: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    for rows in row_sets:
        for name, lst in rows.items():
            merged[name].extend(lst)
    return {name: pa.Table.from_pylist(merged[name], schema=SCHEMAS[name]) for name in SCHEMAS}


def _unique(items, key):
    seen: set = set()
    out = []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out
