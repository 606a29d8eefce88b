"""The whole cycle on a fixture site, built strict through MkDocs' API: change, notice, accept, gone.

And on the real site: the record is never published, and each English page carries a notice
under exactly the sections the record says are possibly out of date.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from mkdocs.exceptions import Abort
from test_hook import _edit

from isocontrols.citations import scan
from isocontrols.print_edition import page_anchor, part_anchor
from isocontrols.translations import record, status
from isocontrols.translations.cli import main

HOOK_LOGGER = "mkdocs.plugins.isocontrols"
NOTICE = re.compile(r'<div class="admonition info translation-notice"[^\n]*?</div>')


def _accept(site: Path, *names: str) -> None:
    assert main(["--docs", str(site / "docs"), "accept", *(names or ["--all"])]) == 0


def _build(site: Path, caplog: pytest.LogCaptureFixture) -> tuple[Path, list[str]]:
    """Build strict (it must succeed); the built site and the hook's messages."""
    caplog.clear()
    caplog.set_level(logging.INFO)
    built = build_site(site / "mkdocs.yml", site / "site")
    return built, [r.getMessage().removeprefix("isocontrols: ") for r in caplog.records if r.name == HOOK_LOGGER]


def _anchored(heading: re.Match[str]) -> bool:
    """Whether a page title carries an anchor a writer gave it (``# Title {#cover}``), not one the toc made up."""
    return heading.group(2) in EXPLICIT_ANCHORS


EXPLICIT_ANCHORS = {h.anchor for path in (ROOT / "docs" / "en").rglob("*.md") for h in scan(path.read_text(encoding="utf-8")).headings if h.anchor}
"""Every anchor written in the English pages."""


def _notices(built: Path, page: str) -> list[str]:
    """The anchor of the heading above each notice of a built page (``"title"`` for the page title, ``"top"`` for none)."""
    html = (built / page).read_text(encoding="utf-8")
    found = []
    for notice in NOTICE.finditer(html):
        headings = list(re.finditer(r'<h([1-6])\b(?:[^>]*?\sid="([^"]*)")?', html[: notice.start()]))
        found.append("top" if not headings else headings[-1].group(2) if headings[-1].group(1) != "1" or _anchored(headings[-1]) else "title")
    return found


def test_recorded_site_shows_no_notice_and_never_publishes_the_record(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    built, messages = _build(fixture_site, caplog)
    assert messages == []
    assert not list(built.rglob(record.RECORD_NAME))
    assert all(not NOTICE.search(path.read_text(encoding="utf-8")) for path in built.rglob("*.html"))


def test_changed_japanese_sentence_puts_a_notice_on_exactly_that_english_section(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    _edit(fixture_site, "ja/operations.md", "日次で 3 世代分", "日次で 7 世代分")
    built, messages = _build(fixture_site, caplog)
    assert messages == [
        "docs/en/operations.md#backup: the Japanese original changed; confirm with ./run translations accept operations.md#backup"
    ]
    assert all(r.levelno == logging.INFO for r in caplog.records if r.name == HOOK_LOGGER)
    assert _notices(built, "en/operations/index.html") == ["backup"]
    assert 'href="../../operations/#backup" hreflang="ja" target="_self"' in (built / "en/operations/index.html").read_text(encoding="utf-8")
    assert _notices(built, "operations/index.html") == []
    assert _notices(built, "en/index.html") == []


def test_an_outdated_english_section_says_so_in_the_answers_data_and_llms_files(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    _edit(fixture_site, "ja/operations.md", "日次で 3 世代分", "日次で 7 世代分")
    built, _ = _build(fixture_site, caplog)
    english = json.loads((built / "answers" / "data.en.json").read_text(encoding="utf-8"))["sections"]
    japanese = json.loads((built / "answers" / "data.ja.json").read_text(encoding="utf-8"))["sections"]
    assert {key: value["outdated"] for key, value in english.items()} == {"operations.md#backup": True, "operations.md#logging": False}
    assert not any(value["outdated"] for value in japanese.values())
    note = "The Japanese original of this section was updated, and this English text may not reflect the change yet."
    backup = next(line for line in (built / "en" / "llms.txt").read_text(encoding="utf-8").splitlines() if "#backup)" in line)
    assert note.rstrip(".") in backup
    full = (built / "en" / "llms-full.txt").read_text(encoding="utf-8")
    assert full.count("The Japanese original of this section was updated") == 1
    assert full.index("Backup") < full.index("The Japanese original of this section") < full.index("Logging")


def test_rewrapped_japanese_paragraph_shows_no_notice(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    _edit(fixture_site, "ja/operations.md", "日次で 3 世代分のデータを保持します。", "日次で 3 世代分の\nデータを  保持します。")
    built, messages = _build(fixture_site, caplog)
    assert messages == [] and _notices(built, "en/operations/index.html") == []


def test_accepting_the_section_takes_the_notice_away(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    _edit(fixture_site, "ja/operations.md", "日次で 3 世代分", "日次で 7 世代分")
    _edit(fixture_site, "ja/operations.md", "# 5. 運用", "# 5. 運用管理")
    built, _ = _build(fixture_site, caplog)
    assert _notices(built, "en/operations/index.html") == ["title", "backup"]
    _accept(fixture_site, "operations.md#backup")
    built, messages = _build(fixture_site, caplog)
    assert _notices(built, "en/operations/index.html") == ["title"]
    assert messages == [
        "docs/en/operations.md (the text before its first section): the Japanese original changed; "
        "confirm with ./run translations accept operations.md"
    ]


def _rename_anchor(site: Path) -> None:
    for language in ("ja", "en"):
        _edit(site, f"{language}/operations.md", "{#backup}", "{#backups}")


def _delete_section(site: Path) -> None:
    _edit(site, "ja/operations.md", "## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n日次で 3 世代分のデータを保持します。\n\n", "")
    _edit(site, "en/operations.md", "## 5.3. Backup [A.12.3.1] {#backup}\n\nThree daily generations are kept.\n\n", "")


def _move_section(site: Path) -> None:
    for language, section in [
        ("ja", "## 5.3. バックアップ【A.12.3.1】 {#backup}\n\n日次で 3 世代分のデータを保持します。\n\n"),
        ("en", "## 5.3. Backup [A.12.3.1] {#backup}\n\nThree daily generations are kept.\n\n"),
    ]:
        _edit(site, f"{language}/operations.md", section, "")
        index = site / "docs" / language / "index.md"
        index.write_text(index.read_text(encoding="utf-8") + "\n" + section, encoding="utf-8")


GONE = "docs/translations.csv:5: operations.md#backup: no such section in docs/ja/operations.md any more (renamed, moved or deleted)"
TAIL = "this record applies to nothing and the next ./run translations accept removes it"


@pytest.mark.parametrize(
    ("change", "expected", "new_section"),
    [
        (_rename_anchor, f"{GONE}; the same Japanese text is now operations.md#backups, not yet recorded; {TAIL}", "operations.md#backups"),
        (_delete_section, f"{GONE}; {TAIL}", None),
        (_move_section, f"{GONE}; the same Japanese text is now index.md#backup, not yet recorded; {TAIL}", "index.md#backup"),
    ],
)
def test_renamed_moved_or_deleted_section_is_named_and_its_record_removed_on_accept(
    fixture_site: Path, caplog: pytest.LogCaptureFixture, change, expected: str, new_section: str | None  # noqa: ANN001
) -> None:
    _accept(fixture_site)
    change(fixture_site)
    built, messages = _build(fixture_site, caplog)
    assert expected in messages
    assert all(not NOTICE.search(path.read_text(encoding="utf-8")) for path in built.rglob("*.html"))
    _accept(fixture_site, new_section) if new_section else _accept(fixture_site, "operations.md")
    text = (fixture_site / "docs" / record.RECORD_NAME).read_text(encoding="utf-8")
    assert "operations.md#backup," not in text
    _, messages = _build(fixture_site, caplog)
    assert messages == []


def test_new_section_in_both_languages_is_listed_once_and_shows_no_notice(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    _edit(fixture_site, "ja/operations.md", "日次で 3 世代分のデータを保持します。\n", "日次で 3 世代分のデータを保持します。\n\n## 5.3.1. 保管 {#storage}\n\n国内に保管します。\n")
    _edit(fixture_site, "en/operations.md", "Three daily generations are kept.\n", "Three daily generations are kept.\n\n## 5.3.1. Storage {#storage}\n\nKept in Japan.\n")
    built, messages = _build(fixture_site, caplog)
    assert messages == [
        "1 section not yet recorded in docs/translations.csv (no notice is shown for them): operations.md#storage; "
        "confirm with ./run translations accept SECTION"
    ]
    assert _notices(built, "en/operations/index.html") == []


def test_broken_record_row_fails_the_strict_build_with_file_and_line(fixture_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    _accept(fixture_site)
    path = fixture_site / "docs" / record.RECORD_NAME
    path.write_text(path.read_text(encoding="utf-8") + "operations.md#backup;0123\n", encoding="utf-8")
    caplog.set_level(logging.WARNING)
    with pytest.raises(Abort):
        build_site(fixture_site / "mkdocs.yml", fixture_site / "site")
    warnings = [r.getMessage() for r in caplog.records if r.name == HOOK_LOGGER and r.levelno == logging.WARNING]
    assert warnings == ["isocontrols: docs/translations.csv:7: row has 1 values, expected 2 (section, fingerprint); quote values that hold a comma"]


def test_real_site_never_publishes_the_record(built_site: Path) -> None:
    assert (ROOT / "docs" / record.RECORD_NAME).is_file()
    assert not list(built_site.rglob(record.RECORD_NAME))


def test_real_site_record_is_whole(built_site: Path) -> None:
    loaded = record.load(ROOT / "docs" / record.RECORD_NAME, "docs/translations.csv")
    assert loaded.problems == ()


def test_real_site_notices_match_the_record(built_site: Path) -> None:
    """Whatever the record says today: a notice under each section it finds out of date, on its page and in the print edition."""
    pages = {path.relative_to(ROOT / "docs" / "ja").as_posix(): path.read_text(encoding="utf-8") for path in (ROOT / "docs" / "ja").rglob("*.md")}
    found = status.compare(pages, record.load(ROOT / "docs" / record.RECORD_NAME, "docs/translations.csv"), "docs/ja/")
    printed = (built_site / "en/print/index.html").read_text(encoding="utf-8")
    in_print = []
    for page in pages:
        html = page.removesuffix(".md") + "/index.html" if page != "index.md" else "index.html"
        expected = ["title" if section.anchor is None else section.anchor for section in found.out_of_date(page)]
        if page != "print.md":
            assert _notices(built_site, f"en/{html}") == expected, page
        assert _notices(built_site, html) == []
        if f'id="{page_anchor(page)}"' in printed:
            in_print += [part_anchor(page, s.anchor) if s.anchor else page_anchor(page) for s in found.out_of_date(page)]
    own = ["top" if s.anchor is None else s.anchor for s in found.out_of_date("print.md")]
    assert sorted(_notices(built_site, "en/print/index.html")) == sorted(in_print + own)
