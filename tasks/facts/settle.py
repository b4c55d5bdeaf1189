"""Page-level settling of the facts folding.py read sentence by sentence.

1. A restated figure (same metric and figure in a later sentence, nothing new; a small figure only
   in a copy of the same sentence, or written in words both times) is one fact: the later copy goes.
2. A target stated apart ("Bình quân hằng năm phát triển 2.000 đảng viên") joins the actual it is
   the plan of when the page's arithmetic says so: actual / target = the percent written with the
   actual ("kết nạp được 1.669 đảng viên, chiếm tỷ lệ 83,45% so với chỉ tiêu").  A loose percent
   ("..., đạt tỷ lệ 96,6%", no plan word) is a plan percent only when such a target confirms it.
   A target stated alone, then in the very next sentence an actual of its metric no larger and with
   no plan of its own ("targeted to admit 152 members. By May it had admitted 75"), is one fact.
3. Parts of a total across sentences: the facts of a sentence that opens with a part cue ("Trong
   đó, ...", "Hình thức kỷ luật, ...") belong to the last total of their metric before it, and a run
   of facts right after a total that adds up to it exactly are its parts.
"""

from __future__ import annotations

_PERCENT_TOLERANCE = 0.06


def settle(facts: list[dict], g, lo: str) -> list[dict]:
    facts = _drop_restatements(facts, g.restatement_min, lo)
    _parts_of_targets_by_sentence_cue(facts, g.part_sentence_starts, lo)
    facts = _join_targets(facts, lo)
    _parts_by_sentence_cue(facts, g.part_sentence_starts, lo)
    _parts_by_sum(facts)
    _loose_percents_confirmed(facts)
    return facts


def _loose_percents_confirmed(facts: list[dict]) -> None:
    """A loose percent ("Đảng bộ xã A kết nạp 10 đảng viên, đạt 83%") is a plan percent when the
    page says so another way: it is over 100 (no share of a whole is), or the fact is a part of a
    total (or a sibling of a part) whose own percent is a plan percent ("toàn Đảng bộ kết nạp 80
    đảng viên, đạt 34,8% kế hoạch. Trong đó, ...")."""
    loose = [
        f for f in facts if f["loose_pct"] is not None and f["percent"] is None and f["actual"] is not None
    ]
    for f in loose:  # over 100: no share of a whole is
        if f["loose_pct"] > 100.0:
            f["percent"] = f["loose_pct"]
    planned = {id(f["parent"]) for f in facts if f["parent"] is not None and f["percent"] is not None}
    planned |= {id(f) for f in facts if f["percent"] is not None}
    # a sentence that lists units with a plan percent for one of them has one for each
    planned_in = {(f["metric"], f["sentence"]) for f in facts if f["percent"] is not None}
    for f in loose:
        if f["percent"] is None and (
            (f["parent"] is not None and id(f["parent"]) in planned)
            or (f["metric"], f["sentence"]) in planned_in
        ):
            f["percent"] = f["loose_pct"]


def _compatible(a: dict, b: dict) -> bool:
    return all(a[k] is None or b[k] is None or abs(a[k] - b[k]) < 0.011 for k in ("target", "percent"))


def _same_text(lo: str, a: dict, b: dict) -> bool:
    (s1, e1), (s2, e2) = a["sentence"], b["sentence"]
    return lo[s1:e1] == lo[s2:e2]


def _both_in_words(lo: str, a: dict, b: dict) -> bool:
    """A small head count written in words twice, neither a part ("kết nạp cho hai sinh viên ưu
    tú" ... "lễ kết nạp cho hai quần chúng"): the page retells one ceremony, not two.  Parts by
    category ("một đồng chí", twice under two totals) carry a parent and are kept."""
    return (
        a["parent"] is None
        and b["parent"] is None
        and not lo[a["pos"] : a["pos"] + 1].isdigit()
        and not lo[b["pos"] : b["pos"] + 1].isdigit()
    )


def _drop_restatements(facts: list[dict], minimum: float, lo: str) -> list[dict]:
    kept: list[dict] = []
    for f in facts:
        same = None
        if f["metric"] != "other" and f["actual"] is not None:
            # a large figure again, or any figure in a copy of the same sentence, is the same fact
            same = next(
                (
                    k
                    for k in kept
                    if k["metric"] == f["metric"]
                    and k["actual"] == f["actual"]
                    and k["sentence"] != f["sentence"]
                    and _compatible(k, f)
                    and (f["actual"] >= minimum or _same_text(lo, k, f) or _both_in_words(lo, k, f))
                ),
                None,
            )
        if same is None:
            kept.append(f)
            continue
        for k in ("target", "percent", "loose_pct"):
            if same[k] is None:
                same[k] = f[k]
        for other in facts:  # a part of the dropped copy is a part of the one kept
            if other["parent"] is f:
                other["parent"] = same
    return kept


def _ratio_matches(actual: float, target: float, percent: float) -> bool:
    return target > 0 and abs(100.0 * actual / target - percent) <= _PERCENT_TOLERANCE


def _join_targets(facts: list[dict], lo: str) -> list[dict]:
    targets = [f for f in facts if f["actual"] is None and f["target"] is not None and f["percent"] is None]
    joined: set[int] = set()
    for f in facts:
        percent = f["percent"] if f["percent"] is not None else f["loose_pct"]
        if f["actual"] is None or f["target"] is not None or percent is None:
            continue
        t = next(
            (
                t
                for t in targets
                if id(t) not in joined
                and t["metric"] == f["metric"]
                and _ratio_matches(f["actual"], t["target"], percent)
            ),
            None,
        )
        if t is not None:
            f["target"], f["percent"] = t["target"], percent
            joined.add(id(t))
    for i, t in enumerate(facts):  # "targeted to admit 152 members. By May, it had admitted 75"
        nxt = facts[i + 1] if i + 1 < len(facts) else None
        if (
            id(t) in joined
            or t["actual"] is not None
            or t["target"] is None
            or t["percent"] is not None
            or nxt is None
            or nxt["metric"] != t["metric"]
            or nxt["actual"] is None
            or nxt["target"] is not None
            or nxt["percent"] is not None
            or nxt["parent"] is not None
            or nxt["sentence"][0] <= t["sentence"][0]
            or nxt["actual"] > t["target"]
            or lo[t["sentence"][1] : nxt["sentence"][0]].strip()
        ):
            continue
        nxt["target"] = t["target"]
        joined.add(id(t))
    return [f for f in facts if id(f) not in joined]


def _opens_with_part_cue(lo: str, sentence: tuple[int, int], starts: tuple[str, ...]) -> bool:
    return lo[sentence[0] : sentence[1]].lstrip(" \t\n-–•*+").startswith(starts)


def _parts_by_sentence_cue(facts: list[dict], starts: tuple[str, ...], lo: str) -> None:
    for i, f in enumerate(facts):
        if (
            f["parent"] is not None
            or f["actual"] is None
            or f["metric"] == "other"
            or not _opens_with_part_cue(lo, f["sentence"], starts)
        ):
            continue
        total = next(
            (
                t
                for t in reversed(facts[:i])
                if t["sentence"] != f["sentence"]
                and t["parent"] is None
                and t["metric"] == f["metric"]
                and t["actual"] is not None
                and t["actual"] > f["actual"]
            ),
            None,
        )
        if total is not None:
            f["parent"] = total


def _parts_of_targets_by_sentence_cue(facts: list[dict], starts: tuple[str, ...], lo: str) -> None:
    """ "phấn đấu kết nạp ít nhất 7.000 đảng viên mới và giao chỉ tiêu cho từng đơn vị. Cụ thể: TP. A
    kết nạp thêm 700 đảng viên; ...": after a target stated alone, the counts of a sentence that
    opens with a part cue break it down, so each is a target too (read before targets are joined
    to the figures after them)."""
    for i, f in enumerate(facts):
        if (
            f["parent"] is not None
            or f["actual"] is None
            or f["target"] is not None
            or f["percent"] is not None
            or f["metric"] == "other"
            or not _opens_with_part_cue(lo, f["sentence"], starts)
        ):
            continue
        t = next(
            (t for t in reversed(facts[:i]) if t["metric"] == f["metric"] and t["parent"] is None),
            None,
        )
        if (
            t is not None
            and t["sentence"] != f["sentence"]
            and t["actual"] is None
            and t["target"] is not None
            and t["target"] > f["actual"]
        ):
            f["actual"], f["target"], f["parent"] = None, f["actual"], t


def _parts_by_sum(facts: list[dict]) -> None:
    """A total followed by facts of its metric that add up to it: those are its parts."""
    for i, total in enumerate(facts):
        if total["parent"] is not None or total["actual"] is None or total["metric"] == "other":
            continue
        run, acc = [], 0.0
        for f in facts[i + 1 :]:
            if f["metric"] != total["metric"] or f["parent"] is not None or f["actual"] is None:
                continue
            run.append(f)
            acc += f["actual"]
            if acc >= total["actual"]:
                break
        if len(run) >= 2 and abs(acc - total["actual"]) < 0.011:
            for f in run:
                f["parent"] = total
