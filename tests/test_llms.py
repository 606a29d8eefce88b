"""llms.txt and llms-full.txt from a small site: shape, notes, escaping, addresses, the published Markdown."""

from __future__ import annotations

import re

import pytest

from isocontrols import errata
from isocontrols.llms import Page, Site, llms_full_txt, llms_txt
from isocontrols.plaintext import plain_text
from llms_format import parse

SITE_URL = "https://example.org/security/"
PAGES = {
    "index.md": Page("index.md", "# ホーム\n\nようこそ。\n", "サイトの説明"),
    "operations.md": Page(
        "operations.md",
        "# 5. 運用\n\n運用の概要です。二文目です。\n\n"
        "## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n**日次**で [3 世代](#backup)を保持します。続きです。\n{ .lead }\n\n"
        "## 5.4. ログ {#logging}\n\n[バックアップ](operations.md#backup)と<a href=\"../controls.json\" download>JSON</a>を参照。\n\n"
        "```markdown\n# 見出しではない\n[リンク](operations.md)\n```\n\n<!-- 書き手のメモ -->\n",
        "運用のページ",
    ),
    "controls.md": Page("controls.md", "# 管理策索引\n\n<!-- control-index -->\n", "管理策の一覧"),
    "history.md": Page("history.md", "# 更新履歴\n\n## 正誤表 {#errata}\n\n<!-- errata -->\n", "履歴"),
    "about-search.md": Page("about-search.md", "# 検索のしかた\n\n検索できます。次の文。\n"),
}
NAV = ("index.md", "operations.md", "controls.md", "about-search.md", "history.md")
DOCUMENT = {
    "controls": [
        {
            "id": "A.12.3.1",
            "title": {"ja": "情報のバックアップ", "en": "Information backup"},
            "url": {"ja": "/security/controls/#a-12-3-1", "en": "/security/en/controls/#a-12-3-1"},
            "iso27001_2022": ["8.13"],
            "sections": [{"number": "5.3", "title": {"ja": "バックアップ"}, "url": {"ja": "/security/operations/#backup"}}],
        },
        {
            "id": "A.9.9.9",
            "title": {"ja": "引用のない管理策", "en": "Uncited"},
            "url": {"ja": "/security/controls/#a-9-9-9", "en": "/security/en/controls/#a-9-9-9"},
            "iso27001_2022": [],
            "sections": [],
        },
    ]
}


def _site(language: str = "ja", pages: dict[str, Page] = PAGES, downloads: tuple[str, ...] = ()) -> Site:
    return Site(language, "白書 & <ガイド>", SITE_URL, pages, NAV, downloads, corrections=errata.load().rows)


def test_llms_txt_has_the_shape_of_the_format_with_a_section_per_chapter() -> None:
    parsed = parse(llms_txt(_site(), "要約 *強調* [リンク](x)"))
    assert parsed.title == "白書 & <ガイド>" and parsed.summary == "要約 *強調* [リンク](x)"
    assert len(parsed.details) == 1 and "正本" in parsed.details[0]
    assert list(parsed.sections) == ["5. 運用", "管理策", "データとダウンロード", "Optional"]
    assert parsed.sections["5. 運用"] == [
        ("5. 運用", f"{SITE_URL}operations/", "運用のページ"),
        ("5.3. バックアップ【A.12.3.1】", f"{SITE_URL}operations/#backup", "日次で 3 世代を保持します。（管理策：A.12.3.1）"),
        ("5.4. ログ", f"{SITE_URL}operations/#logging", "バックアップとJSONを参照。"),
    ]


def test_llms_txt_lists_controls_downloads_and_the_rest_as_optional() -> None:
    parsed = parse(llms_txt(_site(downloads=("whitepaper.pdf",)), "要約"))
    assert parsed.sections["管理策"] == [("管理策索引", f"{SITE_URL}controls/", "管理策の一覧")]
    assert [url for _, url, _ in parsed.sections["データとダウンロード"]] == [
        f"{SITE_URL}whitepaper.pdf",
        f"{SITE_URL}controls.json",
        f"{SITE_URL}controls.csv",
        f"{SITE_URL}llms-full.txt",
    ]
    assert parsed.sections["Optional"] == [
        ("検索のしかた", f"{SITE_URL}about-search/", "検索できます。"),
        ("更新履歴", f"{SITE_URL}history/", "履歴"),
        ("English edition", f"{SITE_URL}en/llms.txt", "同じ一覧の英語版（日本語版の翻訳）"),
    ]


def test_llms_txt_lists_the_answers_page_and_the_pdf_only_when_the_site_has_them() -> None:
    without = parse(llms_txt(_site(), "要約"))
    assert all("answers" not in url and not url.endswith(".pdf") for items in without.sections.values() for _, url, _ in items)
    answers = Page("answers.md", "# 回答\n\n管理策番号を貼り付けてください。\n", "チェックリストへの回答")
    with_answers = parse(llms_txt(_site(pages={**PAGES, "answers.md": answers}, downloads=("whitepaper.pdf",)), "要約"))
    assert ("回答", f"{SITE_URL}answers/", "チェックリストへの回答") in with_answers.sections["管理策"]
    assert any(url == f"{SITE_URL}whitepaper.pdf" for _, url, _ in with_answers.sections["データとダウンロード"])


def test_llms_txt_of_the_english_edition_is_under_en_and_points_at_the_japanese_one() -> None:
    english = {path: page for path, page in PAGES.items()}
    english["operations.md"] = Page("operations.md", "# 5. Operations\n\nOverview. More.\n\n## 5.3. Backup [A.12.3.1] {#backup}\n\nDaily. Kept.\n")
    parsed = parse(llms_txt(_site("en", english, ("whitepaper.pdf",)), "Summary"))
    assert parsed.sections["5. Operations"][1] == ("5.3. Backup [A.12.3.1]", f"{SITE_URL}en/operations/#backup", "Daily. (controls: A.12.3.1)")
    assert f"{SITE_URL}en/whitepaper.pdf" in [url for _, url, _ in parsed.sections["Data and downloads"]]
    assert parsed.sections["Optional"][-1][1] == f"{SITE_URL}llms.txt"


@pytest.mark.parametrize(
    "hostile",
    ["[x](javascript:alert(1))", "*bold* _it_ `code`", "<script>alert(1)</script>", "a | b # c", "\\[escaped\\]"],
)
def test_llms_txt_escapes_every_text_it_takes_from_a_page(hostile: str) -> None:
    pages = {**PAGES, "controls.md": Page("controls.md", f"# {hostile}\n", hostile)}
    text = llms_txt(_site(pages=pages), hostile)
    parsed = parse(text)
    # The link names the page by the words its title shows; the note is the writer's description, as written.
    assert parsed.summary == hostile and parsed.sections["管理策"] == [(plain_text(hostile), f"{SITE_URL}controls/", hostile)]
    assert "<script>" not in text and not re.search(r"(?<!\\)\]\(javascript:", text)


def test_llms_full_txt_is_the_published_markdown_with_addresses() -> None:
    full = llms_full_txt(_site(), "要約", DOCUMENT)
    assert full.startswith("# 白書 & &lt;ガイド>\n\n> 要約\n\n")
    assert f"## 5. 運用\n\n<{SITE_URL}operations/>\n\n運用の概要です。二文目です。" in full
    assert f"### 5.3. バックアップ【A.12.3.1】\n\n<{SITE_URL}operations/#backup>\n\n**日次**で [3 世代]({SITE_URL}operations/#backup)を保持します。続きです。\n\n### 5.4. ログ" in full
    assert f"[バックアップ]({SITE_URL}operations/#backup)と[JSON]({SITE_URL}controls.json)を参照。" in full
    assert "```markdown\n# 見出しではない\n[リンク](operations.md)\n```" in full  # code stays as written
    assert "{#" not in full and "{ .lead }" not in full and "<!--" not in full
    assert "# ホーム" not in full and "検索のしかた" not in full  # the paper's parts only
    assert not any(0xF0000 <= ord(character) <= 0xFFFFD for character in full)


def test_llms_full_txt_writes_the_appendices_as_markdown() -> None:
    full = llms_full_txt(_site(), "要約", DOCUMENT)
    assert f"## 付録 A 管理策索引\n\n<{SITE_URL}controls/>" in full
    assert (
        f"- [A.12.3.1]({SITE_URL}controls/#a-12-3-1) 情報のバックアップ (ISO/IEC 27001:2022 の対応管理策: 8.13): "
        f"[5\\.3. バックアップ]({SITE_URL}operations/#backup)"
    ) in full
    assert f"- [A.9.9.9]({SITE_URL}controls/#a-9-9-9) 引用のない管理策: この言語ではどの節も引用していません。" in full
    assert f"## 付録 B 更新履歴\n\n<{SITE_URL}history/>\n\n### 正誤表\n\n<{SITE_URL}history/#errata>" in full
    assert "| 節 | 訂正前 | 訂正後 | 理由 |\n| --- | --- | --- | --- |\n| [5\\.6](" in full
