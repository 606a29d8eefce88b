"""Web-edition additions in Chromium: their own colour and icon, readable, on a phone and in print (issue 14)."""

from __future__ import annotations

import pytest
from test_accessibility_browser import axe_script

LANGUAGES = {"ja": "", "en": "en/"}
COLOUR = "rgb(173, 20, 87)"
STYLE = """element => {
  const title = element.querySelector('.admonition-title')
  const icon = getComputedStyle(title, '::before')
  return {
    border: getComputedStyle(element).borderTopColor,
    icon: icon.maskImage || icon.webkitMaskImage,
    iconColour: icon.backgroundColor,
    title: title.textContent.trim(),
    visible: element.getBoundingClientRect().height > 0,
  }
}"""


@pytest.mark.parametrize(("language", "title"), [("ja", "ウェブ版での補足"), ("en", "Added in the web edition")])
@pytest.mark.parametrize("media", ["screen", "print"])
def test_additions_have_their_own_colour_icon_and_title_on_screen_and_in_print(site_url: str, page, language: str, title: str, media: str) -> None:  # noqa: ANN001
    page.emulate_media(media=media)
    page.goto(site_url + LANGUAGES[language] + "introduction/")
    boxes = page.locator(".admonition.web-edition")
    assert boxes.count() == 2
    style = boxes.first.evaluate(STYLE)
    assert style["icon"].startswith('url("data:image/svg+xml')
    assert (style["border"], style["iconColour"], style["title"], style["visible"]) == (COLOUR, COLOUR, title, True)


def test_other_admonitions_keep_materials_colours(site_url: str, page) -> None:  # noqa: ANN001
    page.goto(site_url + "organization/")
    quote = page.locator(".admonition.quote").evaluate(STYLE)
    addition = page.locator(".admonition.web-edition").evaluate(STYLE)
    assert quote["border"] != COLOUR and quote["iconColour"] != COLOUR and quote["icon"] != addition["icon"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_with_additions_pass_axe_and_fit_a_phone(site_url: str, page, language: str) -> None:  # noqa: ANN001
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("introduction/", "organization/"):
        page.goto(site_url + LANGUAGES[language] + path, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.evaluate(axe_script())
        results = page.evaluate("axe.run('.admonition.web-edition', {resultTypes: ['violations']})")
        assert [v["id"] for v in results["violations"] if v["impact"] in ("serious", "critical")] == []
