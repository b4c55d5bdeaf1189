"""Print every host an annotated set or the shared material already holds, one per line: a new
blind set takes its pages from other hosts.

    python bench/eval/known_hosts.py > known_hosts.txt

(One tool for every new blind set; blind12, blind13 and blind14 each kept a copy before.)
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def known_hosts() -> tuple[set[str], int]:
    manifests = [*(ROOT / "tests" / "dev").glob("**/*.tsv"), *(ROOT.parent / "shared").glob("**/*.tsv")]
    hosts: set[str] = set()
    for manifest in manifests:
        for line in manifest.read_text(encoding="utf-8").splitlines():
            for cell in line.split("\t"):
                if cell.strip().startswith("http"):
                    host = (urlsplit(cell.strip()).hostname or "").rstrip(".").lower()
                    hosts.add(host.removeprefix("www."))
    return hosts, len(manifests)


if __name__ == "__main__":
    found, n = known_hosts()
    print("\n".join(sorted(found)))
    print(f"{len(found)} hosts from {n} manifests", file=sys.stderr)
