#!/usr/bin/env python3
"""Turn SET/spec/*.json into SET/gold.json (the format of ../shared/gold/seeds.json).

usage: build_gold.py SET   (a copy of ../shared/eval/dev/build_gold.py that takes the set folder)"""
import html, json, pathlib, re, sys


def text_of(line):
    """A raw line as a reader sees it: HTML tags dropped, entities decoded (pages saved as markup)."""
    if "<" in line and ">" in line or "&" in line:
        line = html.unescape(re.sub(r"<[^>]*>", " ", line))
    return re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()
here = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()  # the set folder
out, skipped = [], []
for sp in sorted((here / "spec").glob("*.json")):
    s = json.loads(sp.read_text(encoding="utf-8"))
    if not s.get("usable", True):
        skipped.append(s["file"]); out.append(dict(file=s["file"], not_article=True, why=s.get("why"))); continue
    lines = (here / "raw" / s["file"]).read_text(encoding="utf-8").split("\n")
    content = set(s["content"])
    bad = [i for i in content if not (1 <= i <= len(lines)) or not lines[i - 1].strip()]
    if bad:
        sys.exit(f"{sp.name}: content lines out of range or blank: {bad}")
    rec = dict(file=s["file"],
               body_lines=[text_of(lines[i - 1]) for i in sorted(content)],
               non_body_lines=[text_of(l) for i, l in enumerate(lines, 1) if text_of(l) and i not in content],
               people=[dict(name=n, titles=t, **({'optional': True} if n in s.get('optional_people', []) else {})) for n, t in s.get("people", {}).items()]
                      # a name listed only under optional_people (GUIDE: "go in optional_people") is an
                      # optional person too; the shared tool dropped it, so finding it counted as extra
                      + [dict(name=n, titles=[], optional=True) for n in s.get("optional_people", []) if n not in s.get("people", {})],
               document_refs=[dict(kind=k, number=n, symbol=sym) for k, n, sym in s.get("document_refs", [])],
               indicators=[{**dict(actual=None, target=None, percent=None), **i} for i in s.get("indicators", [])])
    for f in ("title", "published_at", "event_date", "author", "source_site", "locality"):
        rec[f] = s.get(f)
    out.append(rec)
(here / "gold.json").write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
print(f"{len(out) - len(skipped)} usable, {len(skipped)} not articles: {skipped}")
