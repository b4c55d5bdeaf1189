"""Scale benchmark: clean+extract alone, jusText as a reference, and `bantin run` end to end.

    python bench/run.py [--sizes 1000,10000,100000] [--workers 0] [--seed 0]
                        [--w1-sizes 1000,10000] [--justext-sample 2000] [--out bench/RESULTS.md]

For each size N a corpus is generated with bench/make_corpus.py (cached by N, seed and the
generator's own hash under $BANTIN_BENCH_CACHE, default /tmp/bantin-bench-cache), then:

- clean+extract alone (no Prefect): read_source + process_page over every file (or an even
  --ce-sample of them), with the chrome-line set the flow would use (computed first by
  tasks.batch.scan_batch, timed apart as "scan"), in a new process with empty caches, best CPU
  time of --ce-passes such passes (the share of read_source in it is printed); then the same
  on one process per core (ProcessPoolExecutor over chunks);
- jusText (Vietnamese stop list, one <p> per line) on the first --justext-sample readable pages;
- `bantin run` (bantin's automatic worker choice, or --workers W) in a subprocess on a fresh
  --data folder: wall seconds, the flow's seconds per stage (validation's share) and peak memory
  of the process tree (psutil, sampled every 0.2 s: PSS and RSS summed over the tree, RSS of
  the largest process); then a second `bantin run` on the same unchanged input (incremental
  rerun); for N >= 10,000 also `bantin run --workers 1` (no Dask) for comparison.

Each size's figures are kept as JSON in the cache folder; the table in --out is rebuilt from all
sizes measured with the same seed, so sizes can be run in separate invocations.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

CACHE = Path(os.environ.get("BANTIN_BENCH_CACHE", "/tmp/bantin-bench-cache"))
BANTIN = Path(sys.executable).parent / "bantin"
RESULTS = HERE / "RESULTS.md"
TARGET_DOCS_PER_CORE = 1500
TARGET_E2E_100K_S = 180
TARGET_RSS_MB = 1536
TARGET_RERUN_100K_S = 10


# ----------------------------------------------------------------------------- corpus
def generator_hash() -> str:
    h = hashlib.sha1()
    for p in [HERE / "make_corpus.py", *sorted((HERE / "chrome").glob("*"))]:
        h.update(p.read_bytes())
    return h.hexdigest()[:8]


def corpus(n: int, seed: int) -> Path:
    base = CACHE / f"corpus-n{n}-s{seed}-{generator_hash()}"
    pages = base / "pages"
    if (base / "done.json").exists():
        return pages
    import make_corpus

    shutil.rmtree(base, ignore_errors=True)
    t0 = time.perf_counter()
    st = make_corpus.make_corpus(n, pages, seed=seed, jobs=min(2, os.cpu_count() or 1))
    secs = time.perf_counter() - t0
    (base / "done.json").write_text(json.dumps({"seconds": secs, **{k: v for k, v in st.items()}}))
    print(f"  generated {n} files ({st['bytes'] / 1e6:.0f} MB) in {secs:.1f} s -> {pages}")
    return pages


def git_head() -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# ----------------------------------------------------------------------------- clean+extract
def _files(pages: Path):
    from tasks.ingest import discover_with_problems

    files, _ = discover_with_problems(pages)
    return files


def scan(files):
    """The run's chrome set, as the flow computes it (one scan over all files), and seconds."""
    from tasks.batch import chrome_set, scan_batch
    from tasks.chrome import count_pages

    t0 = time.perf_counter()
    counts = count_pages([scan_batch(files)])
    return chrome_set(counts), time.perf_counter() - t0


_CHROME = frozenset()


def _init(chrome):
    global _CHROME
    _CHROME = chrome


def clean_extract(files, chrome=None) -> dict:
    """read_source + process_page over files; counts and seconds (this process only), with the
    CPU seconds of read_source (read + decode + NFC) apart."""
    from tasks.ingest import read_source
    from tasks.process_page import process_page
    from tasks.records import RawPage

    chrome = _CHROME if chrome is None else chrome
    n = docs = nbytes = errors = quarantined = 0
    first_error = ""
    read_cpu = 0.0
    cpu = time.process_time
    t0, c0 = time.perf_counter(), cpu()
    for sf in files:
        n += 1
        r0 = cpu()
        page = read_source(sf)
        read_cpu += cpu() - r0
        if not isinstance(page, RawPage):
            quarantined += 1
            continue
        nbytes += sf.size
        try:
            process_page(page, chrome)
            docs += 1
        except Exception as e:  # reported, not hidden
            errors += 1
            first_error = first_error or f"{sf.rel_path}: {type(e).__name__}: {e}"[:300]
    return dict(
        files=n,
        docs=docs,
        bytes=nbytes,
        errors=errors,
        quarantined=quarantined,
        seconds=time.perf_counter() - t0,
        cpu_seconds=cpu() - c0,
        read_cpu_seconds=read_cpu,
        first_error=first_error,
    )


def _fresh_pass(files) -> dict:
    # Warm up (imports, gazetteer, compiled rules: paid once per process, and counted in the
    # end-to-end figures) so that the rate is the per-page rate; the line caches start empty.
    clean_extract(files[:20])
    return clean_extract(files)


def clean_extract_cold(files, chrome, passes: int) -> tuple[dict, list[dict]]:
    """clean_extract in a new process (spawned: nothing inherited from this one's scan), `passes`
    times one after another; (the pass with the least CPU time, all passes). The machine is a
    shared VM whose speed varies from minute to minute: the best of a few identical cold passes
    is the figure least disturbed by other tenants."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    runs = []
    for _ in range(passes):
        with ProcessPoolExecutor(1, mp_context=ctx, initializer=_init, initargs=(chrome,)) as ex:
            runs.append(ex.submit(_fresh_pass, files).result())
    return min(runs, key=lambda r: r["cpu_seconds"]), runs


def clean_extract_parallel(files, chrome, workers: int, chunk: int = 500) -> dict:
    chunks = [files[i : i + chunk] for i in range(0, len(files), chunk)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(chrome,)) as ex:
        parts = list(ex.map(clean_extract, chunks))
    secs = time.perf_counter() - t0
    out = {
        k: sum(p[k] for p in parts)
        for k in ("files", "docs", "bytes", "errors", "quarantined", "cpu_seconds")
    }
    out["seconds"] = secs
    return out


# ----------------------------------------------------------------------------- jusText
def justext_ref(files, sample: int) -> dict:
    import justext

    from tasks.ingest import read_source
    from tasks.records import RawPage

    stop = justext.get_stoplist("Vietnamese")
    pages = []
    for sf in files:
        p = read_source(sf)
        if isinstance(p, RawPage):
            pages.append(p.text)
            if len(pages) >= sample:
                break
    lines = kept = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text in pages:
        doc = (
            "<html><body>"
            + "".join(f"<p>{html.escape(ln)}</p>" for ln in text.split("\n") if ln.strip())
            + "</body></html>"
        )
        paras = justext.justext(doc, stop)
        lines += len(paras)
        kept += sum(1 for p in paras if not p.is_boilerplate)
    secs = time.perf_counter() - t0
    return dict(docs=len(pages), seconds=secs, cpu_seconds=time.process_time() - c0, lines=lines, kept=kept)


# ----------------------------------------------------------------------------- end to end
def run_bantin(pages: Path, data: Path, workers: int, log: Path, timeout: int) -> dict:
    import psutil

    env = dict(os.environ)
    env.update(
        PREFECT_HOME=str(CACHE / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
        GX_ANALYTICS_ENABLED="False",
    )
    cmd = [str(BANTIN), "run", "--input", str(pages), "--data", str(data)]
    cmd += ["--workers", str(workers)] if workers else []  # 0 = bantin's automatic choice
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=REPO)
        root = psutil.Process(proc.pid)
        peak_sum = peak_one = peak_pss = 0
        nproc = 0
        while proc.poll() is None:
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.Error:
                procs = []
            rss, pss = [], []
            for p in procs:
                try:
                    # PSS shares each shared page among the processes mapping it: the sum over a
                    # process tree is what the run really occupies; the RSS sum counts shared
                    # library pages once per process.
                    full = p.memory_full_info()
                    rss.append(full.rss)
                    pss.append(getattr(full, "pss", full.rss))
                except psutil.Error:
                    pass
            if rss:
                peak_sum, peak_one = max(peak_sum, sum(rss)), max(peak_one, max(rss))
                peak_pss = max(peak_pss, sum(pss))
                nproc = max(nproc, len(rss))
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                break
            time.sleep(0.2)
        rc = proc.wait()
    secs = time.perf_counter() - t0
    text = log.read_text(errors="replace")
    return dict(
        cmd=" ".join(cmd),
        rc=rc,
        seconds=secs,
        peak_tree_mb=peak_sum / 2**20,
        peak_pss_mb=peak_pss / 2**20,
        peak_single_mb=peak_one / 2**20,
        max_procs=nproc,
        log=str(log),
        tail="\n".join(text.strip().splitlines()[-25:]),
    )


def warm_prefect() -> None:
    """First flow run in a new PREFECT_HOME creates its SQLite database (~12 s): do it once on
    the seeds so that it is not charged to the first measured size."""
    home = CACHE / "prefect-home"
    if (home / ".warm").exists():
        return
    home.mkdir(parents=True, exist_ok=True)
    data = CACHE / "warmup-data"
    shutil.rmtree(data, ignore_errors=True)
    r = run_bantin(REPO / "seeds", data, 1, CACHE / "warmup.log", 600)
    print(f"  prefect warm-up on seeds: rc {r['rc']}, {r['seconds']:.1f} s")
    if r["rc"] == 0:
        (home / ".warm").touch()


def e2e(n: int, pages: Path, workers: int, rerun: bool, timeout: int) -> dict:
    data = CACHE / f"e2e-n{n}-w{workers}"
    shutil.rmtree(data, ignore_errors=True)
    first = run_bantin(pages, data, workers, CACHE / f"e2e-n{n}-w{workers}.log", timeout)
    res = {"first": first}
    print(
        f"  bantin run --workers {workers or 'auto'}: rc {first['rc']}, {first['seconds']:.1f} s, "
        f"peak PSS tree {first.get('peak_pss_mb', 0):.0f} MB, RSS tree {first['peak_tree_mb']:.0f} MB, "
        f"largest process {first['peak_single_mb']:.0f} MB"
    )
    if first["rc"] != 0:
        print("  FAILED:", first["cmd"], "\n" + first["tail"])
    elif rerun:
        second = run_bantin(pages, data, workers, CACHE / f"e2e-n{n}-w{workers}-rerun.log", timeout)
        res["rerun"] = second
        print(
            f"  incremental rerun: rc {second['rc']}, {second['seconds']:.1f} s, "
            f"peak RSS tree {second['peak_tree_mb']:.0f} MB"
        )
        if second["rc"] != 0:
            print("  FAILED:", second["cmd"], "\n" + second["tail"])
    summary = [
        ln
        for ln in first["tail"].splitlines()
        if "files seen" in ln
        or "articles loaded" in ln
        or "seconds:" in ln
        or "peak RSS of this process" in ln
    ]
    res["summary"] = summary
    first["stages"] = stage_seconds(first["tail"])
    for ln in summary:
        print("   ", ln.strip())
    return res


def stage_seconds(tail: str) -> dict:
    """The 'seconds: stage s, ...' line of a `bantin run` summary, as a dict."""
    for ln in tail.splitlines():
        ln = ln.strip()
        if ln.startswith("seconds:"):
            body = ln[len("seconds:") :].split("(")[0]
            out = {}
            for item in body.split(","):
                parts = item.split()
                if len(parts) == 2:
                    out[parts[0]] = float(parts[1])
            return out
    return {}


# ----------------------------------------------------------------------------- one size
def bench_size(
    n: int,
    seed: int,
    workers: int,
    w1: bool,
    js_sample: int,
    timeout: int,
    skip_e2e: bool,
    ce_sample: int = 0,
    ce_passes: int = 5,
) -> dict:
    print(f"== N={n} (seed {seed}); load average {load_avg()}")
    r: dict = {
        "n": n,
        "seed": seed,
        "load_start": load_avg(),
        "commit": git_head(),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
    }
    pages = corpus(n, seed)
    r["corpus"] = json.loads((pages.parent / "done.json").read_text())
    files = _files(pages)
    chrome, scan_s = scan(files)
    r["scan"] = dict(files=len(files), seconds=scan_s, chrome_lines=len(chrome))
    print(f"  scan (read+decode+chrome keys): {len(files) / scan_s:.0f} files/s, {len(chrome)} chrome lines")
    ce_files = files[:: max(1, len(files) // ce_sample)][:ce_sample] if ce_sample else files
    if ce_sample:
        print(f"  clean+extract on an even sample of {len(ce_files)} of {len(files)} files")
    one, passes = clean_extract_cold(ce_files, chrome, ce_passes)
    r["ce1"] = one
    r["ce1_passes"] = [p["docs"] / p["cpu_seconds"] for p in passes]
    print(
        f"  clean+extract 1 process (best of {len(passes)} cold passes, each in a new process: "
        f"{', '.join(f'{x:.0f}' for x in r['ce1_passes'])} docs per CPU-second): "
        f"{one['docs'] / one['seconds']:.0f} docs/s wall, "
        f"{one['docs'] / one['cpu_seconds']:.0f} docs per CPU-second, "
        f"{one['bytes'] / 2**20 / one['seconds']:.2f} MB/s wall ({one['docs']} docs, {one['quarantined']} "
        f"quarantined at read, {one['errors']} errors; CPU/wall {one['cpu_seconds'] / one['seconds']:.0%}; "
        f"read+decode {one['read_cpu_seconds'] / one['cpu_seconds']:.0%} of the CPU time)"
    )
    if one["first_error"]:
        print("   first error:", one["first_error"])
    par = clean_extract_parallel(ce_files, chrome, CE_PROCS)
    r["ceN"] = par
    print(
        f"  clean+extract {CE_PROCS} processes: {par['docs'] / par['seconds']:.0f} docs/s wall "
        f"({par['docs'] / par['cpu_seconds']:.0f} docs per CPU-second in the workers)"
    )
    js = justext_ref(files, min(js_sample, len(files)) if js_sample else len(files))
    r["justext"] = js
    print(
        f"  jusText: {js['docs'] / js['seconds']:.0f} docs/s wall, {js['docs'] / js['cpu_seconds']:.0f} "
        f"per CPU-second on {js['docs']} pages, keeps "
        f"{js['kept'] / max(1, js['lines']):.0%} of lines"
    )
    del files
    if not skip_e2e:
        warm_prefect()
        r["e2e"] = e2e(n, pages, workers, rerun=True, timeout=timeout)
        if w1 and workers != 1 and n >= 10_000:
            r["e2e_w1"] = e2e(n, pages, 1, rerun=False, timeout=timeout)
    r["load_end"] = load_avg()
    (CACHE / f"results-n{n}-s{seed}.json").write_text(json.dumps(r, indent=1))
    return r


# ----------------------------------------------------------------------------- report
def machine() -> dict:
    model = ""
    try:
        for ln in Path("/proc/cpuinfo").read_text().splitlines():
            if ln.startswith("model name"):
                model = ln.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil

    return dict(
        nproc=os.cpu_count(),
        cpu=model,
        ram_gb=round(psutil.virtual_memory().total / 2**30, 1),
        python=platform.python_version(),
        date=dt.datetime.now().isoformat(timespec="minutes"),
        load=load_avg(),
    )


# clean+extract without Prefect, spread over this many processes (the machine's cores)
CE_PROCS = os.cpu_count() or 1


def _f(x, fmt="{:.0f}"):
    return "—" if x is None else fmt.format(x)


def table(results: list[dict], workers: int) -> list[str]:
    wname = "auto" if not workers else str(workers)
    rows = [
        f"| N | commit, start | load at start | scan files/s | clean+extract docs/s (1 proc): wall / per CPU-s | "
        f"MB/s (1 proc, wall / CPU) | clean+extract docs/s ({CE_PROCS} proc, wall) | "
        f"jusText docs/s: wall / per CPU-s (pages) | jusText keeps | "
        f"`bantin run` (workers {wname}) s | docs/s | validate s (share) | peak MB: PSS tree / RSS tree / largest proc | "
        f"rerun s | `-w 1` s | `-w 1` peak PSS MB |",
        "|" + "---|" * 16,
    ]
    for r in results:
        one, par, js = r["ce1"], r["ceN"], r["justext"]
        e = r.get("e2e", {}).get("first")
        rr = r.get("e2e", {}).get("rerun")
        w1 = r.get("e2e_w1", {}).get("first")
        e_s = None if not e else (e["seconds"] if e["rc"] == 0 else None)
        val = (e or {}).get("stages", {}).get("validate")
        rows.append(
            "| "
            + " | ".join(
                [
                    f"{r['n']:,}",
                    f"{r.get('commit') or '?'} {r['started'][11:16]}",
                    r["load_start"].split()[0],
                    _f(r["scan"]["files"] / r["scan"]["seconds"]),
                    f"{one['docs'] / one['seconds']:.0f} / {one['docs'] / one['cpu_seconds']:.0f}"
                    + (f" ({one['docs']:,} docs)" if one["files"] < r["n"] else "")
                    + (
                        f"; read+decode {one['read_cpu_seconds'] / one['cpu_seconds']:.0%}"
                        if "read_cpu_seconds" in one
                        else ""
                    )
                    + (
                        f"; passes {', '.join(f'{x:.0f}' for x in r['ce1_passes'])}"
                        if r.get("ce1_passes")
                        else ""
                    ),
                    f"{one['bytes'] / 2**20 / one['seconds']:.2f} / {one['bytes'] / 2**20 / one['cpu_seconds']:.2f}",
                    _f(par["docs"] / par["seconds"]),
                    f"{js['docs'] / js['seconds']:.0f} / {js['docs'] / js['cpu_seconds']:.0f} ({js['docs']:,})",
                    f"{js['kept'] / max(1, js['lines']):.0%}",
                    (_f(e_s, "{:.1f}") if e and e["rc"] == 0 else (f"FAILED rc {e['rc']}" if e else "—")),
                    _f(r["n"] / e_s if e_s else None),
                    (f"{val:.1f} ({val / e_s:.0%})" if val is not None and e_s else "—"),
                    (
                        f"{e.get('peak_pss_mb', 0):.0f} / {e['peak_tree_mb']:.0f} / {e['peak_single_mb']:.0f}"
                        if e
                        else "—"
                    ),
                    (_f(rr["seconds"], "{:.1f}") if rr and rr["rc"] == 0 else ("FAILED" if rr else "—")),
                    (_f(w1["seconds"], "{:.1f}") if w1 and w1["rc"] == 0 else ("FAILED" if w1 else "—")),
                    (_f(w1.get("peak_pss_mb")) if w1 else "—"),
                ]
            )
            + " |"
        )
    return rows


def verdicts(results: list[dict]) -> list[str]:
    out = []
    per_core = [r["ce1"]["docs"] / r["ce1"]["cpu_seconds"] for r in results]
    if per_core:
        ok = min(per_core) >= TARGET_DOCS_PER_CORE
        out.append(
            f"- clean+extract ≥ {TARGET_DOCS_PER_CORE:,} pages/s per core: "
            f"{'met' if ok else 'NOT met'} ({', '.join(f'{x:.0f}' for x in per_core)} docs per "
            "CPU-second, one process, best cold pass; see the passes for the spread)"
        )
    big = [r for r in results if r["n"] >= 100_000 and r.get("e2e")]
    for r in big:
        e, rr = r["e2e"]["first"], r["e2e"].get("rerun")
        if e["rc"] == 0:
            out.append(
                f"- `bantin run` over {r['n']:,} new pages < {TARGET_E2E_100K_S} s: "
                f"{'met' if e['seconds'] < TARGET_E2E_100K_S else 'NOT met'} ({e['seconds']:.0f} s)"
            )
        else:
            out.append(f"- `bantin run` over {r['n']:,} new pages: FAILED (rc {e['rc']}), see below")
        if rr:
            out.append(
                f"- incremental rerun over {r['n']:,} unchanged pages < {TARGET_RERUN_100K_S} s: "
                f"{'met' if rr['rc'] == 0 and rr['seconds'] < TARGET_RERUN_100K_S else 'NOT met'} "
                f"({rr['seconds']:.1f} s)"
            )
    peaks = [
        (r["n"], r["e2e"]["first"].get("peak_pss_mb", r["e2e"]["first"]["peak_tree_mb"]))
        for r in results
        if r.get("e2e")
    ]
    if peaks:
        worst = max(p for _, p in peaks)
        out.append(
            f"- peak memory < {TARGET_RSS_MB / 1024:.1f} GB whatever N (PSS summed over the "
            "run's process tree: flow, Prefect server, Dask workers): "
            f"{'met' if worst < TARGET_RSS_MB else 'NOT met'} "
            f"({', '.join(f'{n:,}: {p:.0f} MB' for n, p in peaks)})"
        )
    return out


def replace_section(path: Path, name: str, lines: list[str]) -> None:
    """Rewrite the part of path between <!-- name:begin --> and <!-- name:end --> (appended if
    absent), keeping everything else (hand-written notes, other sections)."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    block = "\n".join([begin, *lines, end])
    if begin in text and end in text:
        pre, rest = text.split(begin, 1)
        post = rest.split(end, 1)[1]
        text = pre + block + post
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def write_results(path: Path, seed: int, workers: int) -> None:
    results = []
    for p in CACHE.glob(f"results-n*-s{seed}.json"):
        results.append(json.loads(p.read_text()))
    results.sort(key=lambda r: r["n"])
    m = machine()
    lines = [
        "## Results",
        "",
        f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gb']} GB RAM, Python {m['python']}; "
        f"written {m['date']}, load average then {m['load']}. The machine was shared with other "
        "engineers' jobs: see each row's load average (≈0 = quiet; ≥2 = the 2 cores were contended).",
        "",
        f"Command: `python bench/run.py --sizes {','.join(str(r['n']) for r in results)} --workers {workers}` "
        f"(seed {seed}; corpus from bench/make_corpus.py); cold clean+extract passes per size: "
        + ", ".join(f"{r['n']:,}: {len(r.get('ce1_passes') or [1])}" for r in results)
        + " (`--ce-passes`).",
        "",
        *table(results, workers),
        "",
        "Columns: *scan* = read+decode+chrome keys (the flow's first pass). *clean+extract* = "
        "`read_source` + `process_page` with the chrome set from the scan, no Prefect, in a new "
        "(spawned) process whose caches start empty; docs/s counts "
        "pages that became documents over the pass's whole time (wall) and per CPU-second of the "
        "process (`time.process_time`: what one core does when it is not shared); MB/s is input "
        "bytes of those pages; *read+decode* = the share of `read_source` in that CPU time; "
        "*passes* = docs per CPU-second of each identical cold pass (`--ce-passes`), the best one "
        "is reported: this VM's speed drifts by up to ±30 % from minute to minute (the same code "
        "and the unchanged jusText reference both move with it). "
        "One-time start-up (imports, compiling rules) is excluded by a 20-page warm-up; it is "
        "part of the `bantin run` figures. "
        "*jusText* = `justext.justext(<p> per line>, get_stoplist('Vietnamese'))` on the first "
        "readable pages (count in brackets), *keeps* = share of lines not marked boilerplate. "
        "*bantin run* = whole CLI run in a subprocess on a fresh `--data` (Prefect home warmed once on "
        "the seeds, so the one-time SQLite creation is not counted), with bantin's default worker "
        "choice unless `--workers` is given; *validate* = the flow's own timing of the GX step "
        "(its share of the run's wall time); *peak MB* = max over 0.2 s psutil samples of: the PSS "
        "summed over the process tree (flow, Prefect server, Dask scheduler/nannies/workers: shared "
        "pages split among the processes that map them, so the sum is what the run occupies), the "
        "RSS summed over the tree (counts shared library pages once per process), and the RSS of "
        "the largest single process. *rerun* = second `bantin run` on the same unchanged input and "
        "data folder. `-w 1` = the same run with `--workers 1` (no Dask).",
        "",
        "Against the targets:",
        *verdicts(results),
    ]
    fails = []
    for r in results:
        for key in ("e2e", "e2e_w1"):
            for phase in ("first", "rerun"):
                e = r.get(key, {}).get(phase)
                if e and e["rc"] != 0:
                    fails += ["", f"`{e['cmd']}` exited {e['rc']}; last lines:", "```", e["tail"], "```"]
    lines += fails
    replace_section(path, "run", lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument(
        "--workers",
        type=int,
        default=0,
        help="--workers for the measured `bantin run` (0 = bantin's automatic choice)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--w1-sizes", default="1000,10000", help="sizes that also get a --workers 1 run")
    ap.add_argument("--justext-sample", type=int, default=2000, help="pages for jusText (0 = all)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per bantin run")
    ap.add_argument("--skip-e2e", action="store_true")
    ap.add_argument(
        "--ce-sample",
        type=int,
        default=0,
        help="clean+extract on an even sample of this many files (0 = all)",
    )
    ap.add_argument(
        "--ce-passes",
        type=int,
        default=5,
        help="cold clean+extract passes (each in a new process); the best is reported",
    )
    ap.add_argument("--out", type=Path, default=RESULTS)
    a = ap.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    w1 = {int(x) for x in a.w1_sizes.split(",") if x}
    for n in [int(x) for x in a.sizes.split(",") if x]:
        bench_size(
            n,
            a.seed,
            a.workers,
            n in w1,
            a.justext_sample,
            a.timeout,
            a.skip_e2e,
            a.ce_sample if n > 10_000 else 0,
            a.ce_passes,
        )
        write_results(a.out, a.seed, a.workers)
    print(f"wrote {a.out}")
    print(
        "\n".join(
            table(
                [
                    json.loads(p.read_text())
                    for p in sorted(
                        CACHE.glob(f"results-n*-s{a.seed}.json"), key=lambda p: int(p.name.split("-")[1][1:])
                    )
                ],
                a.workers,
            )
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
