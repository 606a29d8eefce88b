"""The serve preview's board, box and banner, and how pages are marked (and unmarked)."""

from __future__ import annotations

from pathlib import Path

import pytest

from isocontrols.preview import END, START, Board, PageOutput, mark, mark_site, page_url, region
from isocontrols.problems import Problem

UNKNOWN = Problem("docs/ja/operations.md", 15, "unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?")
PARITY = Problem("docs/en/operations.md", 15, "section #backup cites A.12.3.1 here but nothing in docs/ja/operations.md")
DATA = Problem("hooks/isocontrols/data/errata.csv", 4, "row has 8 values, expected 7 (section, page, anchor, …); quote values that hold a comma")
PAGE = '<html><body><div class="md-content"><article class="md-content__inner md-typeset"><h1>5. 運用</h1></article></div></body></html>'


def test_board_keeps_each_problem_once_in_order() -> None:
    board = Board()
    for problem in (UNKNOWN, PARITY, UNKNOWN):
        board.add(problem)
    assert board.problems == [UNKNOWN, PARITY]
    board.clear()
    assert board.problems == []


@pytest.mark.parametrize(
    ("message", "file"),
    [
        ("Doc file 'en/contact.md' contains a link 'nope.md', but the target 'en/nope.md' is not found among documentation files.", "docs/en/contact.md"),
        ("A reference to 'missing.md' is included in the 'nav' configuration, which is not found in the documentation files.", "MkDocs"),
    ],
)
def test_mkdocs_warnings_go_on_the_page_they_name(message: str, file: str) -> None:
    board = Board(docs_prefix="docs/")
    board.add_logged(message)
    assert board.problems == [Problem(file, None, message)]


def test_box_lists_the_page_problems_with_file_line_and_message() -> None:
    html = region([UNKNOWN], [], {}, "ja")
    assert html == (
        '<div class="admonition failure isocontrols-preview" role="region" aria-label="ビルドの問題">'
        '<p class="admonition-title">このページに修正が必要な問題が 1 件あります</p>'
        "<ul><li><code>docs/ja/operations.md:15</code> unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?</li></ul>"
        "<p>プレビュー（./run serve）だけの表示です。修正するまで ./run build と ./run test は失敗します。</p></div>"
    )


def test_banner_names_the_files_with_links_to_their_pages_and_lists_all() -> None:
    html = region([], [UNKNOWN, PARITY, DATA], {"docs/ja/operations.md": "/security/operations/"}, "en")
    assert '<p class="admonition-title">3 problems to fix in the site: <a href="/security/operations/">docs/ja/operations.md</a> (1), ' in html
    assert "<code>docs/en/operations.md</code> (1), <code>hooks/isocontrols/data/errata.csv</code> (1)</p>" in html
    assert html.count("<li>") == 3 and "<details class=\"failure\"><summary>Show all</summary>" in html


def test_page_with_problems_has_its_box_and_a_banner_for_the_others() -> None:
    html = region([PARITY], [UNKNOWN], {}, "en")
    box, banner = html.split('<div class="admonition failure isocontrols-preview isocontrols-preview--banner"')
    assert '<p class="admonition-title">This page has 1 problem to fix</p>' in box and "docs/en/operations.md:15" in box
    assert '<p class="admonition-title">Also 1 problem in other files: <code>docs/ja/operations.md</code> (1)</p>' in banner


def test_writer_text_is_escaped() -> None:
    hostile = Problem('docs/ja/<x>.md', 1, 'bad <script>alert("x")</script> & more')
    html = region([], [hostile], {hostile.file: '/a/"><script>/'}, "en")
    assert "<script>" not in html and "&lt;script&gt;" in html and 'href="/a/&quot;&gt;&lt;script&gt;/"' in html


def test_marking_goes_first_in_the_article_and_replaces_earlier_marks() -> None:
    once = mark(PAGE, "<p>box</p>")
    assert f'<article class="md-content__inner md-typeset">{START}<p>box</p>{END}<h1>' in once
    twice = mark(once, "<p>other</p>")
    assert twice.count(START) == 1 and "<p>box</p>" not in twice and "<p>other</p>" in twice
    assert mark(twice, "") == PAGE


def test_page_without_materials_article_is_marked_after_body() -> None:
    assert mark("<html><body><p>404</p></body></html>", "X") == f"<html><body>{START}X{END}<p>404</p></body></html>"


@pytest.mark.parametrize(
    ("relative", "url"),
    [("index.html", "/security/"), ("en/operations/index.html", "/security/en/operations/"), ("404.html", "/security/404.html")],
)
def test_page_url_on_the_dev_server(tmp_path: Path, relative: str, url: str) -> None:
    assert page_url(tmp_path / relative, tmp_path, "/security/") == url


def test_site_is_marked_box_on_affected_pages_banner_elsewhere_and_unmarked_after_a_fix(tmp_path: Path) -> None:
    files = {"operations/index.html": "docs/ja/operations.md", "en/operations/index.html": "docs/en/operations.md", "index.html": "docs/ja/index.md"}
    outputs = []
    for relative, source in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE, encoding="utf-8")
        outputs.append(PageOutput(path, source, "en" if relative.startswith("en/") else "ja"))
    (tmp_path / "404.html").write_text(PAGE, encoding="utf-8")
    assert mark_site(tmp_path, outputs, [UNKNOWN, DATA], "/", "ja") == 4
    operations = (tmp_path / "operations/index.html").read_text(encoding="utf-8")
    assert "このページに修正が必要な問題が 1 件あります" in operations and "ほかのファイルにも問題が 1 件あります" in operations
    english = (tmp_path / "en/operations/index.html").read_text(encoding="utf-8")
    assert "2 problems to fix in the site:" in english and '<a href="/operations/">docs/ja/operations.md</a> (1)' in english
    assert "サイトに修正が必要な問題が 2 件あります" in (tmp_path / "404.html").read_text(encoding="utf-8")
    assert mark_site(tmp_path, outputs, [], "/", "ja") == 4
    assert all(path.read_text(encoding="utf-8") == PAGE for path in tmp_path.rglob("*.html"))
    assert mark_site(tmp_path, outputs, [], "/", "ja") == 0
