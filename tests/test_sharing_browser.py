"""Deep links and sharing in Chromium: copy a link, open it, switch language, keep the place.

The copied address is absolute and comes from site_url (mkdocs.yml), not from the address
the test server happens to have; opening one scrolls its heading below the fixed header and
lights it up; the language switcher lands on the same section in the other language.
"""

from __future__ import annotations


import pytest

from conftest import SITE_URL

WORDS = {"ja": ("リンクをコピー", "リンクをコピーしました"), "en": ("Copy link", "Link copied")}


def _clipboard(page) -> str:  # noqa: ANN001
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize(
    ("language", "path", "anchor"),
    [("ja", "controls/", "a-9-2-3"), ("en", "en/controls/", "a-9-2-3"), ("ja", "operations/", "backup")],
)
def test_copy_link_copies_the_absolute_address_and_says_so(clipboard_page, site_url: str, language: str, path: str, anchor: str) -> None:  # noqa: ANN001,E501
    page = clipboard_page
    page.goto(site_url + path)
    name, copied = WORDS[language]
    button = page.locator(f"[id='{anchor}']").get_by_role("button", name=name, exact=True)
    button.click()
    assert _clipboard(page) == f"{SITE_URL}{path}#{anchor}"
    tip = page.locator(f"[id='{anchor}'] .share-link__tip")
    assert tip.is_visible() and tip.inner_text() == copied
    page.wait_for_function("text => document.querySelector('.share-status[role=status]').textContent === text", arg=copied)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_copy_link_works_from_the_keyboard(clipboard_page, site_url: str, key: str) -> None:  # noqa: ANN001
    page = clipboard_page
    page.goto(site_url + "operations/")
    page.locator("#backup .headerlink").focus()
    page.keyboard.press("Tab")  # the button comes right after the heading's ¶ permalink
    focused = page.evaluate("[document.activeElement.classList.contains('share-link'), document.activeElement.closest('[id]').id]")
    assert focused == [True, "backup"]
    page.keyboard.press(key)
    page.wait_for_function("() => document.querySelector('#backup .share-link--copied')")
    assert _clipboard(page) == f"{SITE_URL}operations/#backup"


def _lands_below_header(page, anchor: str) -> None:  # noqa: ANN001
    """The heading ``anchor`` is in view, not under the fixed header, and lit up."""
    page.wait_for_function("() => document.readyState === 'complete'")
    header = page.locator(".md-header").bounding_box()
    box = page.locator(f"[id='{anchor}']").bounding_box()
    assert header is not None and box is not None
    assert header["y"] + header["height"] <= box["y"] < page.viewport_size["height"] / 2
    assert page.evaluate(f"getComputedStyle(document.getElementById('{anchor}')).animationName") == "share-target"


@pytest.mark.parametrize(
    "path",
    ["operations/#backup", "en/operations/#incident-response", "controls/#a-9-2-3", "en/controls/#cld-12-4-5", "print/#operations--backup"],
)
def test_a_deep_link_scrolls_below_the_header_and_highlights(page, site_url: str, path: str) -> None:  # noqa: ANN001
    page.goto(site_url + path)
    _lands_below_header(page, path.split("#")[1])


def _switch_language(page, language: str) -> None:  # noqa: ANN001
    page.locator(".md-select").first.hover()
    with page.expect_navigation():
        page.locator(f".md-select__link[hreflang='{language}']").click()


@pytest.mark.parametrize(
    ("start", "other", "back"),
    [
        ("operations/#backup", "en/operations/#backup", "operations/#backup"),
        ("controls/#a-9-2-3", "en/controls/#a-9-2-3", "controls/#a-9-2-3"),
        ("en/application-security/#utility-programs", "application-security/#utility-programs", "en/application-security/#utility-programs"),
    ],
)
def test_the_language_switch_keeps_the_section(page, site_url: str, start: str, other: str, back: str) -> None:  # noqa: ANN001
    page.goto(site_url + start)
    languages = ("en", "ja") if not start.startswith("en/") else ("ja", "en")
    _switch_language(page, languages[0])
    assert page.url == site_url + other
    _lands_below_header(page, other.split("#")[1])
    _switch_language(page, languages[1])
    assert page.url == site_url + back


def test_the_language_switch_follows_the_reader_who_scrolled(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url + "operations/")
    page.evaluate("document.getElementById('logging').scrollIntoView(); window.scrollBy(0, 40)")
    page.wait_for_function("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))")
    _switch_language(page, "en")
    assert page.url == site_url + "en/operations/#logging"


def test_the_language_switch_from_the_top_of_a_home_page_has_no_anchor(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url)
    _switch_language(page, "en")
    assert page.url == site_url + "en/"
    _switch_language(page, "ja")
    assert page.url == site_url
