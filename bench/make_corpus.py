"""Generate a benchmark corpus of N page files from the real baomoi-2017 pages.

    python bench/make_corpus.py N OUT [--seed S] [--archive PATH] [--jobs J]

Each page is a real page (../shared/corpus/baomoi-2017.tar.xz, 35,440 pages) wrapped in page
chrome of one of the site templates in bench/chrome/templates.yaml (header clock, date line,
byline / "Nguồn tin", trailing "Tin khác" teasers of OTHER real pages, cookie notice, comment and
QR/share widgets). Past the real pages, variants (dates, numbers and names changed) reach N.
About 3 % of the files are exact duplicates of another file (same bytes, other name) and about
0.2 % are bad (empty, PNG header, whitespace only, NUL-laden, cp1258-encoded).

Deterministic for (N, seed): output i depends only on i, the seed and the archive. Work is done in
chunks of CHUNK pages (each with its own RNG), so memory stays bounded and --jobs can run chunks
in parallel without changing a byte. The archive is unpacked once into $BANTIN_BENCH_CACHE
(default /tmp/bantin-bench-cache); for small N the first members are streamed instead.
Generated files never belong in git.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import os
import random
import re
import sys
import tarfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHROME = HERE / "chrome"
DEFAULT_ARCHIVE = HERE.parents[1] / "shared" / "corpus" / "baomoi-2017.tar.xz"
CACHE = Path(os.environ.get("BANTIN_BENCH_CACHE", "/tmp/bantin-bench-cache"))
CHUNK = 1000
PER_DIR = 10_000  # files per subfolder
DUP_SHARE = 0.03
BAD_SHARE = 0.002
STREAM_MAX = 5000  # N at or below this: stream the first members, no unpacking
BAD_KINDS = ("empty", "png", "whitespace", "nul", "cp1258")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


# ----------------------------------------------------------------------------- sources
def _stream_members(archive: Path, limit: int) -> list[tuple[str, bytes]]:
    out = []
    with tarfile.open(archive, "r:xz") as tf:
        for m in tf:
            if m.isfile() and m.name.endswith(".txt"):
                f = tf.extractfile(m)
                out.append((Path(m.name).stem, f.read() if f else b""))
                if len(out) >= limit:
                    break
    return out


def ensure_unpacked(archive: Path) -> Path:
    """Unpack the archive once into CACHE/<archive stem>/; the member order is kept in
    members.txt. Returns the folder. Safe against a half-finished earlier unpack."""
    key = hashlib.sha1(f"{archive.resolve()}:{archive.stat().st_size}".encode()).hexdigest()[:8]
    dest = CACHE / f"src-{key}"
    done = dest / "members.txt"
    if done.exists():
        return dest
    tmp = CACHE / f"src-{key}.tmp{os.getpid()}"
    (tmp / "p").mkdir(parents=True, exist_ok=True)
    names = []
    with tarfile.open(archive, "r:xz") as tf:
        for m in tf:
            if m.isfile() and m.name.endswith(".txt"):
                f = tf.extractfile(m)
                stem = Path(m.name).stem
                (tmp / "p" / f"{stem}.txt").write_bytes(f.read() if f else b"")
                names.append(stem)
    (tmp / "members.txt").write_text("\n".join(names) + "\n")
    try:
        tmp.rename(dest)
    except OSError:  # another process won the race
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return dest


class Sources:
    """Real pages by index (archive order): in memory for small N, else from the unpacked cache."""

    def __init__(self, archive: Path, n_needed: int):
        if n_needed <= STREAM_MAX and not self._cached(archive):
            self.mem = _stream_members(archive, n_needed)
            self.names = [s for s, _ in self.mem]
            self.dir = None
        else:
            self.dir = ensure_unpacked(archive)
            self.names = (self.dir / "members.txt").read_text().split()[: max(n_needed, 1)]
            self.mem = None
        self.count = len(self.names)

    @staticmethod
    def _cached(archive: Path) -> bool:
        key = hashlib.sha1(f"{archive.resolve()}:{archive.stat().st_size}".encode()).hexdigest()[:8]
        return (CACHE / f"src-{key}" / "members.txt").exists()

    def state(self):
        return (self.dir, self.names, self.mem)

    @classmethod
    def from_state(cls, st):
        self = cls.__new__(cls)
        self.dir, self.names, self.mem = st
        self.count = len(self.names)
        return self

    def get(self, idx: int) -> tuple[str, str]:
        if self.mem is not None:
            name, data = self.mem[idx]
        else:
            name = self.names[idx]
            data = (self.dir / "p" / f"{name}.txt").read_bytes()
        text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
        return name, unicodedata.normalize("NFC", text).strip()


# ----------------------------------------------------------------------------- chrome data
def load_chrome() -> dict:
    import yaml

    spec = yaml.safe_load((CHROME / "templates.yaml").read_text(encoding="utf-8"))
    names = [x.strip() for x in (CHROME / "names.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
    outlets = [
        x.strip() for x in (CHROME / "outlets.txt").read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    return {"templates": spec["templates"], "names": names, "outlets": outlets}


# ----------------------------------------------------------------------------- page parts
_SENT = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĐÀ-Ỹ\"“])")
_NUM = re.compile(r"\d+")
_DATE = re.compile(r"\b(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}))?\b")


def split_page(text: str) -> tuple[str, str, list[str], str]:
    """(title, sapo, body paragraphs, trailing byline or '') of a baomoi page."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines:
        return "", "", [], ""
    title = lines[0]
    sapo = lines[1] if len(lines) > 2 else ""
    body = lines[2:] if len(lines) > 2 else lines[1:]
    byline = ""
    if len(body) > 1 and len(body[-1]) < 40 and not body[-1].endswith("."):
        byline = body.pop()
    return title, sapo, body, byline


def paragraphs(body: list[str], rng: random.Random) -> list[str]:
    out = []
    for line in body:
        if len(line) < 600:
            out.append(line)
            continue
        sents = _SENT.split(line)
        i = 0
        while i < len(sents):
            k = rng.randint(2, 5)
            out.append(" ".join(sents[i : i + k]))
            i += k
    return out


def snippet(text: str, n: int = 80) -> str:
    if len(text) <= n:
        return text.rstrip(".") + "…"
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > 20 else n] + "…"


def vary(text: str, rng: random.Random, names: list[str], k: int) -> str:
    """A variant of a real page's text: numbers and dates changed, listed names swapped."""

    def num(m: re.Match) -> str:
        s = m.group(0)
        if len(s) == 4 and s.startswith(("19", "20")):  # a year
            return str(int(s) + (k % 7))
        v = int(s) + k + (len(s) * 7 + k * 13) % 11
        return str(v).zfill(len(s)) if s.startswith("0") else str(v)

    def date(m: re.Match) -> str:
        d = (int(m.group(1)) + k) % 28 + 1
        mo = (int(m.group(3)) + k) % 12 + 1
        y = m.group(4)
        return f"{d}{m.group(2)}{mo}" + (f"{m.group(2)}{int(y) + k % 5}" if y else "")

    text = _DATE.sub(date, text)
    text = _NUM.sub(num, text)
    for name in names:
        if name in text:
            text = text.replace(name, names[(names.index(name) + k) % len(names)])
    return text


def _dates(rng: random.Random) -> dict:
    r = rng.getrandbits(64)  # one draw, sliced: this runs ~10x per page
    r, y = divmod(r, 9)
    r, m = divmod(r, 12)
    r, d = divmod(r, 28)
    r, cy = divmod(r, 3)
    r, cm = divmod(r, 12)
    r, cd = divmod(r, 28)
    r, hh = divmod(r, 17)
    r, mi = divmod(r, 60)
    r, ss = divmod(r, 60)
    r, ch = divmod(r, 24)
    r, cmi = divmod(r, 60)
    y, m, d, cy, cm, cd = y + 2016, m + 1, d + 1, cy + 2023, cm + 1, cd + 1
    wd = WEEKDAYS[(y * 7 + m * 31 + d) % 7]  # not a real calendar weekday; chrome only
    return dict(
        wd=wd,
        d=d,
        m=m,
        y=y,
        dd=f"{d:02d}",
        mm=f"{m:02d}",
        HH=f"{hh + 6:02d}",
        MM=f"{mi:02d}",
        SS=f"{ss:02d}",
        cwd=WEEKDAYS[(cy + cm + cd) % 7],
        cd=cd,
        cm=cm,
        cy=cy,
        cdd=f"{cd:02d}",
        cmm=f"{cm:02d}",
        cHH=f"{ch:02d}",
        cMM=f"{cmi:02d}",
    )


def render(tpl: dict, parts: tuple, teasers: list[tuple[str, str]], rng: random.Random, chrome: dict) -> str:
    title, sapo, body, byline = parts
    ctx = _dates(rng)
    ctx.update(
        site=rng.choice(tpl["sites"]),
        outlet=rng.choice(chrome["outlets"]),
        author=byline or rng.choice(chrome["names"]),
        title=title,
    )
    fmt = lambda s: s.format_map(ctx)  # noqa: E731
    out: list[str] = []
    for block in tpl["layout"]:
        if block == "header":
            out.extend(fmt(s) for s in tpl.get("header", []))
        elif block == "title":
            out.append(title)
        elif block == "date" and tpl.get("date"):
            out.append(fmt(tpl["date"]))
        elif block == "sapo" and sapo:
            out.append(fmt(tpl.get("sapo_prefix", "")) + sapo)
        elif block == "body":
            out.extend(paragraphs(body, rng) if tpl.get("paragraphs") else body)
        elif block == "byline":
            out.extend(fmt(s) for s in tpl.get("byline", []))
        elif block == "footer":
            for item in tpl.get("footer", []):
                if isinstance(item, dict):
                    spec = item["teasers"]
                    for _ in range(rng.randint(*spec["n"])):
                        t_title, t_body = rng.choice(teasers)
                        td = _dates(rng)
                        tctx = dict(
                            t_title=t_title, t_snip=snippet(t_body), t_dd=td["dd"], t_mm=td["mm"], t_y=td["y"]
                        )
                        out.extend(s.format_map(tctx) for s in spec["lines"])
                else:
                    out.append(fmt(item))
    return tpl.get("sep", "\n").join(out)


# ----------------------------------------------------------------------------- bad files
_TONES = {"\u0300": 0xCC, "\u0301": 0xEC, "\u0303": 0xDE, "\u0309": 0xD2, "\u0323": 0xF2}
_CP1258_CACHE: dict[str, bytes] = {}


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 the way Vietnamese Windows software writes it: base letter + tone mark."""
    out = bytearray()
    for ch in text:
        b = _CP1258_CACHE.get(ch)
        if b is None:
            try:
                b = ch.encode("cp1258")
            except UnicodeEncodeError:
                d = unicodedata.normalize("NFD", ch)
                base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
                b = base.encode("cp1258", errors="replace") + bytes(_TONES[c] for c in d if c in _TONES)
            _CP1258_CACHE[ch] = b
        out += b
    return bytes(out)


def bad_file(kind: str, text: str, rng: random.Random) -> bytes:
    if kind == "empty":
        return b""
    if kind == "png":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(rng.randint(200, 4000))
    if kind == "whitespace":
        return b"".join(rng.choice([b" ", b"\n", b"\t", b"\r\n"]) for _ in range(rng.randint(1, 200)))
    if kind == "nul":
        data = text.encode("utf-8")
        step = rng.randint(3, 8)
        return b"\x00".join(data[i : i + step] for i in range(0, len(data), step))
    if kind == "cp1258":
        return encode_cp1258(text)
    raise ValueError(kind)


# ----------------------------------------------------------------------------- plan + chunks
def plan(n: int, seed: int) -> tuple[dict[int, str], list[int]]:
    """Which outputs are exact duplicates ('dup') or bad files (kind), decided once for (n, seed);
    plus the sorted special positions (to number the normal pages)."""
    rng = random.Random(f"bantin-plan:{seed}:{n}")
    n_dup = max(1, round(n * DUP_SHARE)) if n >= 10 else 0
    n_bad = max(round(n * BAD_SHARE), min(len(BAD_KINDS), n // 10))
    # duplicates copy an earlier page of their own chunk: never the first page of a chunk
    eligible = [i for i in range(n) if i % CHUNK >= 2]
    picks = rng.sample(eligible, min(len(eligible), n_dup + n_bad))
    special: dict[int, str] = {}
    for j, i in enumerate(picks):
        special[i] = "dup" if j < n_dup else BAD_KINDS[(j - n_dup) % len(BAD_KINDS)]
    return special, sorted(special)


def out_name(i: int, src: str, k: int) -> str:
    return f"d{i // PER_DIR:02d}/{i:07d}_{src}" + (f"_v{k}" if k else "") + ".txt"


def make_chunk(args) -> Counter:
    c, n, seed, out, src_state, special, special_sorted = args
    sources = Sources.from_state(src_state)
    chrome = load_chrome()
    tpls = chrome["templates"]
    weights = [t.get("weight", 1) for t in tpls]
    rng = random.Random(f"bantin-chunk:{seed}:{c}")
    lo, hi = c * CHUNK, min(n, (c + 1) * CHUNK)
    m = sources.count
    # teaser pool: titles + sapos of the pages of this chunk and of a few others
    pool_idx = sorted({(lo + j * 37) % m for j in range(60)})
    pool = []
    for idx in pool_idx:
        _name, t = sources.get(idx)
        title, sapo, body, _ = split_page(t)
        pool.append((idx, title, sapo or (body[0] if body else title)))
    stats: Counter = Counter()
    recent: list[tuple[str, bytes]] = []
    for i in range(lo, hi):
        kind = special.get(i)
        if kind == "dup":
            name, data = recent[rng.randrange(len(recent))]
            path = out / f"d{i // PER_DIR:02d}/{i:07d}_dup_of_{Path(name).stem.split('_', 1)[1]}.txt"
        else:
            real_no = i - bisect.bisect_left(special_sorted, i)  # index among normal pages
            src_idx, k = real_no % m, real_no // m
            src_name, text = sources.get(src_idx)
            if k:
                text = vary(text, random.Random(f"{seed}:{i}"), chrome["names"], k)
            if kind:  # a bad file made from this page
                data = bad_file(kind, text, rng)
                path = out / out_name(i, src_name, k)
            else:
                parts = split_page(text)
                if not parts[0]:
                    parts = ("", "", [text], "")
                tpl = rng.choices(tpls, weights)[0]
                teasers = [(t, s) for idx, t, s in pool if idx != src_idx] or [("Tin khác", "…")]
                page = render(tpl, parts, teasers, rng, chrome)
                data = page.encode("utf-8") + b"\n"
                kind = "variant" if k else "real"
                stats["tpl:" + tpl["name"]] += 1
                rel = out_name(i, src_name, k)
                path = out / rel
                recent.append((rel, data))
                if len(recent) > 50:
                    recent.pop(0)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        stats[kind] += 1
        stats["bytes"] += len(data)
    return stats


def make_corpus(
    n: int, out: Path | str, seed: int = 0, archive: Path | str = DEFAULT_ARCHIVE, jobs: int = 1
) -> Counter:
    out, archive = Path(out), Path(archive)
    if not archive.exists():
        raise FileNotFoundError(f"archive not found: {archive}")
    out.mkdir(parents=True, exist_ok=True)
    special, special_sorted = plan(n, seed)
    n_normal = n - len(special)
    sources = Sources(archive, max(1, n_normal))
    for d in range((n - 1) // PER_DIR + 1 if n else 0):
        (out / f"d{d:02d}").mkdir(exist_ok=True)
    chunks = [
        (
            c,
            n,
            seed,
            out,
            sources.state(),
            {i: k for i, k in special.items() if c * CHUNK <= i < (c + 1) * CHUNK},
            special_sorted,
        )
        for c in range((n + CHUNK - 1) // CHUNK)
    ]
    total: Counter = Counter()
    if jobs > 1 and len(chunks) > 1:
        import multiprocessing as mp

        with mp.get_context("fork").Pool(jobs) as pool:
            for st in pool.imap_unordered(make_chunk, chunks):
                total.update(st)
    else:
        for ch in chunks:
            total.update(make_chunk(ch))
    total["sources"] = sources.count
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    st = make_corpus(a.n, a.out, a.seed, a.archive, a.jobs)
    dt = time.perf_counter() - t0
    kinds = {k: st[k] for k in ("real", "variant", "dup") + BAD_KINDS if st[k]}
    tpls = {k[4:]: v for k, v in sorted(st.items()) if k.startswith("tpl:")}
    print(
        f"wrote {sum(kinds.values())} files, {st['bytes'] / 1e6:.1f} MB into {a.out} in {dt:.1f} s "
        f"(seed {a.seed}, {st['sources']} real source pages)"
    )
    print("  by kind:", ", ".join(f"{k} {v}" for k, v in kinds.items()))
    print("  by template:", ", ".join(f"{k} {v}" for k, v in tpls.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
