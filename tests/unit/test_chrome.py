"""Cross-page repetition counted as hashes: same decisions as counting the key strings."""

from __future__ import annotations

import pickle
from collections import Counter

import numpy as np

from tasks.anatomy import chrome_key
from tasks.chrome import ChromeSet, KeyCounts, PageKeys, at_least, count_pages, key_hash, merge_counts


def _page(sha: str, lines: list[str]) -> tuple[str, np.ndarray]:
    keys = {chrome_key(x) for x in lines} - {""}
    return sha, np.array(sorted(key_hash(k) for k in keys), dtype=np.int64)


def test_key_hash_is_stable_and_signed_64_bit():
    # fixed value: the warehouse keeps these across runs and machines (no per-process salt)
    assert key_hash("tin khác") == key_hash("tin khác")
    assert key_hash("tin khác") != key_hash("liên hệ")
    assert -(2**63) <= key_hash("tin khác") < 2**63
    assert key_hash("tin khác") == int.from_bytes(
        __import__("hashlib").blake2b("tin khác".encode(), digest_size=8).digest(), "little", signed=True
    )


def test_counts_equal_string_counting_and_a_page_in_two_batches_counts_once():
    pages = {
        "p1": ["Tin khác", "Trang chủ", "Bài một."],
        "p2": ["Tin khác", "Trang chủ", "Bài hai."],
        "p3": ["Tin khác", "Liên hệ", "Bài ba."],
    }
    batch_a = PageKeys.of_pages([_page("p1", pages["p1"]), _page("p2", pages["p2"])])
    # p2 again (another file with the same bytes) in a second batch, plus p3
    batch_b = PageKeys.of_pages([_page("p2", pages["p2"]), _page("p3", pages["p3"])])
    counts = count_pages([batch_a, batch_b])
    expected = Counter(k for lines in pages.values() for k in {chrome_key(x) for x in lines})
    got = dict(zip(counts.hashes.tolist(), counts.pages.tolist(), strict=False))
    assert got == {key_hash(k): n for k, n in expected.items()}
    assert got[key_hash(chrome_key("Tin khác"))] == 3 and got[key_hash(chrome_key("Trang chủ"))] == 2


def test_merge_adds_history_and_threshold_picks_chrome():
    history = KeyCounts(np.array([1, 5], np.int64), np.array([2, 7], np.int64))
    run = KeyCounts(np.array([1, 3], np.int64), np.array([1, 1], np.int64))
    merged = merge_counts([history, run, KeyCounts.empty()])
    assert merged.hashes.tolist() == [1, 3, 5] and merged.pages.tolist() == [3, 1, 7]
    assert at_least(merged, 3).hashes.tolist() == [1, 5]
    assert len(merge_counts([])) == 0


def test_chrome_set_answers_like_a_set_of_keys_and_pickles():
    chrome = ChromeSet.of_keys([chrome_key("Tin khác"), chrome_key("Liên kết website")])
    assert chrome_key("tin  khác") in chrome and chrome_key("Bài viết") not in chrome
    assert 42 not in chrome and len(chrome) == 2 and chrome
    assert not ChromeSet([])
    back = pickle.loads(pickle.dumps(chrome))
    assert chrome_key("Liên kết website") in back and len(back) == 2
    counts = KeyCounts(np.array([key_hash("a"), key_hash("b")], np.int64), np.array([3, 2], np.int64))
    assert "a" in ChromeSet.from_counts(counts) and "b" not in ChromeSet.from_counts(counts)


def _scan(pages: list[tuple[str, str | None, str]]) -> ChromeSet:
    """pages: (sha, host, text) -> the run's ChromeSet, as scan + count build it."""
    from tasks.batch import page_key_hashes

    keys = PageKeys.of_pages([(sha, page_key_hashes(text, host)) for sha, host, text in pages])
    return ChromeSet.from_counts(count_pages([keys]))


def test_repetition_is_counted_per_host():
    menu, lead = "Trang chủ | Tin tức | Liên hệ", "Sáng 5/6, Tỉnh ủy tổ chức Hội nghị."
    chrome = _scan(
        [
            ("a1", "a.vn", f"{menu}\n{lead}"),
            ("a2", "a.vn", f"{menu}\nBài hai."),
            ("a3", "a.vn", f"{menu}\nBài ba."),
            ("b1", "b.vn", lead),
            ("c1", "c.vn", lead),
        ]
    )
    key_menu, key_lead = chrome_key(menu), chrome_key(lead)
    assert key_menu in chrome.for_host("a.vn")  # on 3 pages of a.vn
    assert key_menu not in chrome.for_host("b.vn")  # b.vn never showed it
    assert key_lead not in chrome.for_host("a.vn")  # syndicated to 3 hosts, once each: not chrome
    assert key_menu not in chrome  # pages without a host are their own group


def test_pages_without_a_host_are_counted_together_under_bare_keys():
    chrome = _scan([(f"p{i}", None, "Tin khác\nBài {i}.") for i in range(3)])
    assert chrome_key("Tin khác") in chrome and chrome.for_host(None) is chrome
    assert key_hash(chrome_key("Tin khác")) in ChromeSet.of_keys([chrome_key("Tin khác")])._hashes


def test_chrome_for_host_leaves_other_containers_alone():
    from tasks.chrome import HostChrome, chrome_for_host

    keys = frozenset({"tin khác"})
    assert chrome_for_host(keys, "a.vn") is keys
    view = chrome_for_host(ChromeSet.of_keys(["x.vn\x1ftin khác"]), "x.vn")
    assert isinstance(view, HostChrome) and "tin khác" in view and "khác" not in view and 3 not in view
