"""The answers page in Chromium, in both languages: what a salesperson pastes, sees, shares and copies.

Each answer the page shows and copies must be the one ``isocontrols.answers.data.answer``
gives for the same data (the Python side, which the checklist filler uses): the tests
compare the page's entries and its copied table with it.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_accessibility_browser import serious_violations

from isocontrols.answers import data
from isocontrols.escaping import csv_cell

PREFIX = {"ja": "", "en": "en/"}

EVERY_FORM = "A.9.2.3\nＡ．９．２．３\ta.9.2.3, 9.2.3、CLD.6.3.1，8.13 A.8.13\r\nA.5.1.2\n附属書\nA.12.4.5\nA.9.2\n5.7"
"""Every way of writing a number the page reads, with every separator, and what it must report as no answer."""

CANONICAL = "A.9.2.3,A.9.2.3,A.9.2.3,A.9.2.3,CLD.6.3.1,8.13,8.13,A.5.1.2,%E9%99%84%E5%B1%9E%E6%9B%B8,A.12.4.5,A.9.2,5.7"
"""EVERY_FORM as the page's address spells it."""


def _document(built_site: Path, language: str) -> dict:
    return json.loads((built_site / data.data_path(language)).read_text(encoding="utf-8"))


def _open(page, site_url: str, language: str, query: str = "") -> None:  # noqa: ANN001
    page.goto(f"{site_url}{PREFIX[language]}answers/{query}")
    page.wait_for_selector("[data-answers-ready]", state="attached")


def _summary(document: dict, text: str) -> str:
    """What the page says once it has answered ``text``: the counts of each status."""
    answers = data.answers(text, document)
    counts = {status: sum(1 for a in answers if a.status == status) for status in (data.ANSWERED, data.NOT_ADDRESSED, data.NO_CONTROL)}
    return document["words"]["summary"].format(count=len(answers), **counts) if answers else ""


def _enter(page, text: str, document: dict) -> None:  # noqa: ANN001
    """Put text into the box as a paste does, and wait until the page has answered it."""
    page.locator("#answers-input").fill(text)
    expected = _summary(document, text)
    page.wait_for_function(
        "expected => document.querySelector('[data-answers-status]').textContent === expected"
        " && (expected !== '' || !document.querySelector('li.answer'))",
        arg=expected,
    )


def _entries(page) -> list[dict[str, str]]:  # noqa: ANN001
    return page.evaluate(
        """[...document.querySelectorAll('li.answer')].map(entry => ({
            heading: entry.querySelector('h2').textContent,
            asked: entry.querySelector('.answer__facts dd').textContent,
            status: entry.querySelector('.answer__status').textContent,
            sections: [...entry.querySelectorAll('.answer__section h3')].map(h => h.textContent),
            texts: [...entry.querySelectorAll('.answer__text')].map(t => [...t.querySelectorAll('p')].map(p => p.textContent).join('\\n\\n')),
            message: (entry.querySelector('.answer__message') || {}).textContent || '',
        }))"""
    )


def _expected_entries(document: dict, text: str) -> list[dict[str, str]]:
    words = document["words"]
    return [
        {
            "heading": answer.label or answer.asked.typed,
            "asked": answer.asked.typed,
            "status": words[answer.status],
            "sections": [section.label for section in answer.sections],
            "texts": [section.text for section in answer.sections],
            "message": answer.message,
        }
        for answer in data.answers(text, document)
    ]


@pytest.mark.parametrize("language", PREFIX)
def test_every_form_of_number_is_answered_in_the_order_asked(page, site_url: str, built_site: Path, language: str) -> None:  # noqa: ANN001
    document = _document(built_site, language)
    _open(page, site_url, language)
    _enter(page, EVERY_FORM, document)
    entries = _entries(page)
    assert entries == _expected_entries(document, EVERY_FORM)
    assert [entry["asked"] for entry in entries] == [
        "A.9.2.3", "Ａ．９．２．３", "a.9.2.3", "9.2.3", "CLD.6.3.1", "8.13", "A.8.13", "A.5.1.2", "附属書", "A.12.4.5", "A.9.2", "5.7",
    ]
    first, backup, uncited, text = entries[0], entries[5], entries[7], entries[8]
    if language == "ja":
        assert first["heading"] == "A.9.2.3 特権的アクセス権の管理" and first["status"] == "回答あり"
        assert first["sections"] == ["4.3. 認証情報の管理", "4.4. ユーティリティプログラム"]
        assert backup["heading"] == "8.13 (ISO/IEC 27001:2022) Information backup" and backup["sections"] == ["5.3. バックアップ"]
        assert uncited["status"] == "記載なし" and uncited["message"] == "この管理策を引用している節は、ホワイトペーパーにありません。"
        assert text["status"] == "管理策番号なし" and text["message"].startswith("管理策番号として読み取れませんでした")
    else:
        assert first["heading"] == "A.9.2.3 Management of privileged access rights" and first["status"] == "Answered"
        assert backup["sections"] == ["5.3. Backup"] and "three generations" in backup["texts"][0]
        assert uncited["status"] == "Not addressed" and uncited["message"] == "No section of the white paper cites this control."
    summary = page.locator("[data-answers-status]").inner_text()
    assert summary == {"ja": "12 件：回答あり 7、記載なし 2、管理策番号なし 3", "en": "12 asked: 7 answered, 2 not addressed, 3 no control number"}[language]


@pytest.mark.parametrize("language", PREFIX)
def test_sections_link_to_the_white_paper_and_english_titles_are_marked(page, site_url: str, language: str) -> None:  # noqa: ANN001
    _open(page, site_url, language, "?ids=8.13")
    link = page.locator("li.answer .answer__section h3 a")
    assert link.get_attribute("href") == f"{site_url}{PREFIX[language]}operations/#backup"
    assert link.get_attribute("data-print-href") == f"https://code4japan.github.io/decidim-security/{PREFIX[language]}operations/#backup"
    # 2022 titles are English: marked as such on the Japanese page only.
    assert page.locator("li.answer h2 span[lang='en']").count() == (1 if language == "ja" else 0)
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"{PREFIX[language]}operations/#backup")


def test_typing_updates_the_address_without_reloading(page, site_url: str, built_site: Path) -> None:  # noqa: ANN001
    document = _document(built_site, "ja")
    _open(page, site_url, "ja")
    page.evaluate("window.__same_page = true")
    _enter(page, EVERY_FORM, document)
    assert page.url == f"{site_url}answers/?ids={CANONICAL}"
    assert page.evaluate("window.__same_page") is True
    _enter(page, "", document)
    assert page.url == f"{site_url}answers/" and page.locator("li.answer").count() == 0


@pytest.mark.parametrize("language", PREFIX)
def test_a_shared_address_opens_the_same_answers_in_a_fresh_browser(browser, site_url: str, built_site: Path, language: str) -> None:  # noqa: ANN001
    context = browser.new_context()
    try:
        page = context.new_page()
        _open(page, site_url, language, f"?ids={CANONICAL}")
        page.wait_for_selector("li.answer")
        canonical_text = "\n".join(["A.9.2.3"] * 4 + ["CLD.6.3.1", "8.13", "8.13", "A.5.1.2", "附属書", "A.12.4.5", "A.9.2", "5.7"])
        assert page.locator("#answers-input").input_value() == canonical_text
        expected = _expected_entries(_document(built_site, language), canonical_text)
        assert _entries(page) == expected
        assert page.url == f"{site_url}{PREFIX[language]}answers/?ids={CANONICAL}"
    finally:
        context.close()


def test_an_address_typed_by_hand_is_read_and_written_back_canonically(page, site_url: str) -> None:  # noqa: ANN001
    _open(page, site_url, "en", "?ids=a.9.2.3+%EF%BC%98%EF%BC%8E%EF%BC%91%EF%BC%93")  # "a.9.2.3 ８．１３"
    page.wait_for_selector("li.answer")
    assert [entry["heading"] for entry in _entries(page)][1] == "8.13 (ISO/IEC 27001:2022) Information backup"
    page.wait_for_function("() => location.search === '?ids=A.9.2.3,8.13'")


@pytest.mark.parametrize(("start", "other"), [("ja", "en"), ("en", "ja")])
def test_the_language_switch_keeps_the_list(page, site_url: str, built_site: Path, start: str, other: str) -> None:  # noqa: ANN001
    _open(page, site_url, start)
    _enter(page, "9.2.3, 8.13\nfoo", _document(built_site, start))
    page.locator(".md-select").first.hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang='{other}']").click()
    assert page.url == f"{site_url}{PREFIX[other]}answers/?ids=A.9.2.3,8.13,foo"
    page.wait_for_selector("[data-answers-ready]", state="attached")
    assert _entries(page) == _expected_entries(_document(built_site, other), "A.9.2.3\n8.13\nfoo")


# ---------------------------------------------------------------------------------------
# Copy as table.


def _clipboard(page) -> dict[str, str]:  # noqa: ANN001
    """The clipboard's text/plain and text/html."""
    return page.evaluate(
        """async () => {
            const [item] = await navigator.clipboard.read()
            const read = async type => item.types.includes(type) ? (await item.getType(type)).text() : null
            return {text: await read('text/plain'), html: await read('text/html')}
        }"""
    )


class _Table(HTMLParser):
    """Cells of an HTML table as a spreadsheet reads them: <br> a line break in the cell; the links of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.links: list[list[list[str]]] = []
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
            self.links.append([])
        elif tag in ("td", "th"):
            self.cell = []
            self.links[-1].append([])
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag == "a":
            self.links[-1][-1].append(dict(attrs)["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell))
            self.cell = None

    def handle_data(self, text: str) -> None:
        if self.cell is not None:
            self.cell.append(text)


def _expected_table(document: dict, text: str) -> list[list[str]]:
    words = document["words"]
    header = [words[f"column_{key}"] for key in ("asked", "control", "title", "equivalents", "sections", "links", "answer", "status")]
    rows = [
        [
            answer.asked.typed,
            answer.control,
            answer.title,
            "\n".join(answer.equivalents),
            "\n".join(section.label for section in answer.sections),
            "\n".join(section.url for section in answer.sections),
            answer.text,
            words[answer.status],
        ]
        for answer in data.answers(text, document)
    ]
    return [[csv_cell(cell) for cell in row] for row in [header, *rows]]


@pytest.mark.parametrize("language", PREFIX)
def test_copy_as_table_puts_tsv_and_an_html_table_on_the_clipboard(clipboard_page, built_site: Path, site_url: str, language: str) -> None:  # noqa: ANN001
    page = clipboard_page
    document = _document(built_site, language)
    _open(page, site_url, language)
    _enter(page, EVERY_FORM, document)
    page.locator("[data-answers-copy]").click()
    copied = {"ja": "12 行の表をコピーしました。Excel や Google スプレッドシートに貼り付けられます。", "en": "Copied a table of 12 rows: paste it into Excel or Google Sheets."}
    page.wait_for_function("text => document.querySelector('[data-answers-status]').textContent === text", arg=copied[language])
    clipboard = _clipboard(page)
    expected = _expected_table(document, EVERY_FORM)
    assert list(csv.reader(io.StringIO(clipboard["text"], newline=""), delimiter="\t")) == expected
    table = _Table()
    table.feed(clipboard["html"])
    assert table.rows == expected
    links = [cell for row in table.links[1:] for cell in row if cell]
    assert links and all(link.startswith("https://code4japan.github.io/decidim-security/") for cell in links for link in cell)
    assert [links_of_row[5] for links_of_row in table.links[1:]] == [row[5].split("\n") if row[5] else [] for row in expected[1:]]


def test_the_copy_button_waits_for_something_to_copy(page, site_url: str, built_site: Path) -> None:  # noqa: ANN001
    _open(page, site_url, "ja")
    button = page.locator("[data-answers-copy]")
    assert button.is_disabled()
    _enter(page, "8.13", _document(built_site, "ja"))
    assert button.is_enabled()


# ---------------------------------------------------------------------------------------
# Hostile data, a failed load, an input method, print, a phone, accessibility.


def test_data_is_shown_and_copied_as_text_never_as_markup(clipboard_page, built_site: Path, site_url: str) -> None:  # noqa: ANN001
    page = clipboard_page
    document = _document(built_site, "en")
    hostile = '<img src=x onerror="window.__injected = 1">=HYPERLINK("https://evil.example/")'
    document["sections"]["operations.md#backup"]["text"] = hostile
    document["sections"]["operations.md#backup"]["label"] = "5.3. </h3><b>Backup</b>"
    document["controls_2022"]["8.13"]["title"] = "<script>window.__injected = 2</script>"
    page.route("**/answers/data.en.json", lambda route: route.fulfill(json=document))
    _open(page, site_url, "en", "?ids=8.13")
    page.wait_for_selector("li.answer")
    assert page.evaluate("window.__injected") is None
    assert page.locator("li.answer img, li.answer b, li.answer script").count() == 0
    assert _entries(page)[0]["texts"] == [hostile]
    assert "<script>window.__injected = 2</script>" in _entries(page)[0]["heading"]
    page.locator("[data-answers-copy]").click()
    page.wait_for_function("() => document.querySelector('[data-answers-status]').textContent.startsWith('Copied')")
    rows = list(csv.reader(io.StringIO(_clipboard(page)["text"], newline=""), delimiter="\t"))
    assert rows[1][6] == f"5.3. </h3><b>Backup</b>\n{hostile}"
    page.set_content(_clipboard(page)["html"])
    assert page.locator("img, script, b").count() == 0


def test_a_formula_typed_into_the_box_is_copied_as_text(clipboard_page, site_url: str, built_site: Path) -> None:  # noqa: ANN001
    page = clipboard_page
    _open(page, site_url, "en")
    _enter(page, '=HYPERLINK("https://evil.example/")', _document(built_site, "en"))
    page.locator("[data-answers-copy]").click()
    page.wait_for_function("() => document.querySelector('[data-answers-status]').textContent.startsWith('Copied')")
    rows = list(csv.reader(io.StringIO(_clipboard(page)["text"], newline=""), delimiter="\t"))
    assert rows[1][0] == "'=HYPERLINK(\"https://evil.example/\")"


@pytest.mark.parametrize("language", PREFIX)
def test_a_failed_load_says_so(page, site_url: str, language: str) -> None:  # noqa: ANN001
    page.route(f"**/answers/data.{language}.json", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(f"{site_url}{PREFIX[language]}answers/?ids=8.13")
    expected = {"ja": "回答のデータを読み込めませんでした。ページを再読み込みしてください。", "en": "The answers could not be loaded. Reload the page."}
    page.wait_for_function("text => document.querySelector('[data-answers-status]').textContent === text", arg=expected[language])


def test_nothing_is_answered_while_an_input_method_composes(page, site_url: str) -> None:  # noqa: ANN001
    _open(page, site_url, "ja")
    page.evaluate(
        """() => {
            const box = document.querySelector('#answers-input')
            box.dispatchEvent(new CompositionEvent('compositionstart'))
            box.value = 'A.9.2.3 ふぞく'
            box.dispatchEvent(new InputEvent('input', {isComposing: true, bubbles: true}))
        }"""
    )
    page.wait_for_timeout(400)
    assert page.locator("li.answer").count() == 0
    page.evaluate("document.querySelector('#answers-input').dispatchEvent(new CompositionEvent('compositionend', {bubbles: true}))")
    page.wait_for_function("() => document.querySelectorAll('li.answer').length === 2")


def test_print_shows_the_answers_without_the_box(page, site_url: str) -> None:  # noqa: ANN001
    _open(page, site_url, "ja", "?ids=8.13,A.5.1.2")
    page.wait_for_selector("li.answer")
    page.emulate_media(media="print")
    assert not page.locator("#answers-input").is_visible()
    assert not page.locator("[data-answers-copy]").is_visible()
    assert not page.locator("#how-to-enter").is_visible()
    assert page.locator("li.answer").nth(1).is_visible()
    assert page.locator(".md-sidebar--primary").is_hidden()


@pytest.mark.parametrize("language", PREFIX)
def test_the_page_fits_a_phone(browser, site_url: str, language: str) -> None:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        _open(page, site_url, language, f"?ids={CANONICAL}")
        page.wait_for_selector("li.answer")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        for selector in ("#answers-input", "[data-answers-copy]", "li.answer"):
            box = page.locator(selector).first.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
    finally:
        context.close()


@pytest.mark.parametrize("language", PREFIX)
def test_no_serious_or_critical_accessibility_violation(page, site_url: str, language: str) -> None:  # noqa: ANN001
    _open(page, site_url, language, f"?ids={CANONICAL}")
    page.wait_for_selector("li.answer")
    assert serious_violations(page) == []
