"""Session 9: list pages known by more address shapes (tag files, list folders, pagers, portal and
language homes, date archives, forum threads), and articles whose address carries a list's
pager or a category letter before the article's own id."""

import pytest

from tasks.anatomy.kinds import url_kind


@pytest.mark.parametrize(
    "url, kind",
    [
        ("https://baotinh.vn/bau-cu-dai-bieu-quoc-hoi-1234/tag.html", "tag"),
        ("https://baotinh.vn/ban-chap-hanh-dang-bo-ptag.html", "tag"),
        ("https://phapluat.vn/bi-thu-huyen-uy/tag-4521.html", "tag"),
        ("https://congdoan.vn/danh-muc/318/Cong-tac-to-chuc", "category"),
        ("http://dangbo.vn/danh-sach-tin/categoryid/dai-hoi-chi-bo", "category"),
        ("http://xa.gov.vn/vi/archives/viewcat/tin-hoat-dong-12.html", "category"),
        ("https://huyen.bacgiang.gov.vn/web/xa-dong-son", "home"),
        ("https://congty.com.vn/vi-VN", "home"),
        ("https://congty.com.vn/en/", "home"),
        ("http://bo.gov.vn/Pages/home.aspx", "home"),
        ("http://tapchi.vn/2023/04/15/", "listing"),
        ("https://baodan.vn/Ha+Giang-p7.html", "listing"),
        ("https://diendan.org/forum/threads/quy-dinh-ve-doan-vien.4412", "forum"),
        ("http://xa.gov.vn/index.php/tin-tuc?start=20", "listing"),
        ("https://tinh.dcs.vn/xay-dung-dang?pagenumber=12", "listing"),
        (
            "https://tinh.gov.vn/thoi-su?p_p_id=news_ListPortlet_INSTANCE_ab&_news_ListPortlet_INSTANCE_ab_cur=4",
            "listing",
        ),
    ],
)
def test_more_listing_addresses(url, kind):
    got = url_kind(url)
    assert got is not None and got.kind == kind


@pytest.mark.parametrize(
    "url",
    [
        # the list the reader came from, left on an article's address
        "https://huyen.gov.vn/TinTuc/View/Ban-thuong-vu-huyen-uy-trao-huy-hieu-dang-dot-mot?PageIndex=7",
        "https://xa.gov.vn/tin-noi-bat/trao-quyet-dinh-ket-nap-dang-vien-moi-552211?pageindex=0",
        # a WordPress post id on the site's root
        "https://truongtieuhoc.edu.vn/?p=512",
        # an article's id file under a category letter
        "http://m.baomoi.com/hoi-nghi-ban-chap-hanh-dang-bo-tinh/c/5512345.epi",
    ],
)
def test_article_addresses_stay_articles(url):
    assert url_kind(url) is None
