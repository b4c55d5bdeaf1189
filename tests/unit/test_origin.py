"""Where a page was crawled from: host-named folders, manifest.tsv / urls.tsv, discovery, plan."""

from __future__ import annotations

import pytest

from tasks.ingest import discover_with_problems
from tasks.ingest.origin import Manifests, host_of_folder, host_of_url, origin_of, parse_manifest
from tasks.ingest.read import read_source
from tasks.plan import read_plan, write_plan


@pytest.mark.parametrize(
    "name,host",
    [
        ("baothanhhoa.vn", "baothanhhoa.vn"),
        ("huulien.langson.gov.vn", "huulien.langson.gov.vn"),
        ("www.x.vn", "x.vn"),
        ("WWW.BaoLangSon.VN", "baolangson.vn"),
        ("tinbong247.org", "tinbong247.org"),
        ("www.haiphong.gov.vn:8080", "haiphong.gov.vn"),
        ("dangcongsan.org.vn+80", "dangcongsan.org.vn"),
    ],
)
def test_folder_named_like_a_host_is_a_host(name, host):
    assert host_of_folder(name) == host


@pytest.mark.parametrize(
    "name", ["seeds", "data.old", "v1.2", "2024.01", "my folder.vn", "-bad-.vn", "a..vn", "notes.txt"]
)
def test_other_folder_names_are_not_hosts(name):
    assert host_of_folder(name) is None


def test_host_of_url_drops_www_and_case():
    assert host_of_url("https://WWW.Haiphong.gov.vn/Portal/Item.aspx?id=1") == "haiphong.gov.vn"
    assert host_of_url("github:easywebhub/daksong_website@4178:content/x.md") is None
    assert host_of_url("") is None and host_of_url(None) is None


def test_manifest_with_a_header_in_any_column_order():
    text = "origin\tgenre\tfile\nhttps://a.vn/1\tparty\tp1.txt\nhttps://b.vn/2\tparty\t./sub/p2.txt\n"
    assert parse_manifest(text) == {"p1.txt": "https://a.vn/1", "sub/p2.txt": "https://b.vn/2"}


def test_manifest_without_a_header_finds_the_url_column():
    text = "# crawl of 2024-05-01\np1.txt\thttp://a.vn/1\n\np2.txt\thttp://a.vn/2\tignored\nbroken-row\n"
    assert parse_manifest(text) == {"p1.txt": "http://a.vn/1", "p2.txt": "http://a.vn/2"}


def test_manifest_header_names_path_and_url():
    assert parse_manifest("path\turl\nx/y.txt\thttps://c.vn/y\n") == {"x/y.txt": "https://c.vn/y"}


def test_manifest_that_maps_nothing_is_empty():
    assert parse_manifest("file\tnotes\np1.txt\tno url here\n") == {}


def test_manifest_in_a_sub_folder_names_files_relative_to_it():
    m = Manifests()
    m.add("crawl", "file\turl\na.txt\thttps://x.vn/a\n")
    m.add("", "file\turl\nother.txt\thttps://root.vn/o\n")
    assert m.url_for("crawl/a.txt") == "https://x.vn/a"
    assert m.url_for("other.txt") == "https://root.vn/o"
    assert m.url_for("crawl/b.txt") is None


def test_manifest_naming_a_file_by_its_name_alone():
    m = Manifests()
    m.add("", "file\turl\na.txt\thttps://x.vn/a\nsame.txt\thttps://x.vn/1\nd2/same.txt\thttps://x.vn/2\n")
    assert m.url_for("site/a.txt") == "https://x.vn/a"  # named once: found by name
    assert m.url_for("d3/same.txt") is None  # two URLs for that name: neither


def test_url_host_wins_over_folder_and_folder_alone_gives_host_only():
    m = Manifests()
    m.add("", "file\turl\nbaothanhhoa.vn/a.txt\thttps://www.thanhhoa.gov.vn/a\n")
    o = origin_of("baothanhhoa.vn/a.txt", m)
    assert (o.host, o.url) == ("thanhhoa.gov.vn", "https://www.thanhhoa.gov.vn/a")
    o = origin_of("www.langson.gov.vn/tin/b.txt", m)
    assert (o.host, o.url) == ("langson.gov.vn", None)
    assert origin_of("b.txt", m).host is None  # a file at the top has no folder


def test_discovery_reads_manifest_and_lays_out_by_host(tmp_path):
    (tmp_path / "www.baothanhhoa.vn" / "tin").mkdir(parents=True)
    (tmp_path / "www.baothanhhoa.vn" / "tin" / "a.txt").write_text("Bài báo.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bài khác.", encoding="utf-8")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "c.txt").write_text("Bài nữa.", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text(
        "file\turl\nb.txt\thttps://huulien.langson.gov.vn/b\n", encoding="utf-8"
    )
    files, problems = discover_with_problems(tmp_path)
    assert problems == []
    got = {f.rel_path: (f.host, f.url) for f in files}
    assert got == {
        "b.txt": ("huulien.langson.gov.vn", "https://huulien.langson.gov.vn/b"),
        "plain/c.txt": (None, None),
        "www.baothanhhoa.vn/tin/a.txt": ("baothanhhoa.vn", None),
    }  # manifest not listed
    page = read_source(next(f for f in files if f.rel_path == "b.txt"))
    assert (page.source_host, page.source_url) == (
        "huulien.langson.gov.vn",
        "https://huulien.langson.gov.vn/b",
    )


def test_urls_tsv_is_a_manifest_too(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "URLS.tsv").write_text("a.txt\thttp://kontum.gov.vn/a\n", encoding="utf-8")
    files, _ = discover_with_problems(tmp_path)
    assert [(f.rel_path, f.host) for f in files] == [("a.txt", "kontum.gov.vn")]


def test_plan_carries_host_and_url(tmp_path):
    (tmp_path / "in" / "x.vn").mkdir(parents=True)
    (tmp_path / "in" / "x.vn" / "a.txt").write_text("x", encoding="utf-8")
    files, _ = discover_with_problems(tmp_path / "in")
    back = read_plan(write_plan(tmp_path / "plan.parquet", files))
    assert back == files and back[0].host == "x.vn"
