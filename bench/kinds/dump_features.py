"""Read every page of the annotated gold sets the way `bantin run` does and dump, per page, the
page-kind model's features, the rules' verdict and the gold label (article or not).

    python bench/kinds/dump_features.py [SET ...] [--out /tmp/bantin-kinds-features.json]

Each SET is laid out by host (bench/eval/layout_by_host.py), its chrome set counted as the
nightly flow counts it, and each page read with process_page; the features are those
tasks.anatomy.kinds_model.page_features computes inside read_anatomy. train_kinds.py trains on
the dump.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tasks import batch  # noqa: E402
from tasks.anatomy import core, kinds  # noqa: E402
from tasks.anatomy.kinds_model import page_features  # noqa: E402
from tasks.chrome import count_pages  # noqa: E402
from tasks.ingest import discover_with_problems, read_source  # noqa: E402
from tasks.process_page import process_page  # noqa: E402
from tasks.records import RawPage  # noqa: E402

DEFAULT_SETS = (
    ROOT.parent.parent / "shared" / "eval" / "dev",
    ROOT / "tests" / "dev" / "portals",
    ROOT / "tests" / "dev" / "fresh",
    ROOT / "tests" / "dev" / "unseen",
)


def _capture():
    """Wrap core's page_kind so each call leaves the rules' verdict and the features behind."""
    seen: dict = {}
    rules_only = kinds.rule_page_kind

    def wrapped(page, labels, title, text=""):
        seen["features"] = page_features(page, labels, title)
        seen["rules"] = rules_only(page, labels, title, text)
        return core.page_kind_original(page, labels, title, text)

    core.page_kind_original = core.page_kind
    core.page_kind = wrapped
    # the verdicts dumped are the rules' alone: the shipped weights must not judge their own data
    kinds.kind_model = lambda: None
    return seen


def dump_set(gold_set: Path, seen: dict) -> list[dict]:
    gold = json.loads((gold_set / "gold.json").read_text(encoding="utf-8"))
    not_article = {g["file"] for g in gold if g.get("not_article")}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "in"
        subprocess.run(
            [sys.executable, str(ROOT / "bench/eval/layout_by_host.py"), str(gold_set / "raw"), str(out)],
            check=True,
        )
        files, _ = discover_with_problems(out)
        chrome = batch.chrome_set(count_pages([batch.scan_batch(files)]))
        for sf in files:
            page = read_source(sf)
            if not isinstance(page, RawPage):
                continue
            doc = process_page(page, chrome)
            name = Path(sf.rel_path).name
            final = kinds.not_article_kind(doc.anatomy, page.source_url or page.rel_path)
            rules = seen["rules"]
            rows.append(
                {
                    "set": gold_set.name,
                    "file": name,
                    "not_article": name in not_article,
                    "rules_kind": rules.kind,
                    "url_kind": (kinds.url_kind(page.source_url or page.rel_path) or kinds.AN_ARTICLE).kind,
                    "final_kind": final.kind if final else "article",
                    "final_detail": final.detail if final else "",
                    "empty_body": not doc.anatomy.body_lines,
                    "features": seen["features"],
                }
            )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sets", nargs="*", type=Path, default=list(DEFAULT_SETS))
    ap.add_argument("--out", type=Path, default=Path("/tmp/bantin-kinds-features.json"))
    args = ap.parse_args()
    seen = _capture()
    rows = [row for s in args.sets for row in dump_set(s, seen)]
    args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(rows)} pages, {sum(r['not_article'] for r in rows)} not articles -> {args.out}")


if __name__ == "__main__":
    main()
