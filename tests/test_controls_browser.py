"""Every control URL a salesperson can paste lands on that control's entry, in Chromium."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest


def _control_urls(built_site: Path) -> list[tuple[str, str, str, str]]:
    document = json.loads((built_site / "controls.json").read_text(encoding="utf-8"))
    base = urlsplit(document["site_url"]).path
    return [
        (c["id"], language, c["title"][language], c["url"][language].removeprefix(base))
        for c in document["controls"]
        for language in ("ja", "en")
    ]


def test_every_control_url_lands_on_its_entry(built_site: Path, site_url: str, page) -> None:  # noqa: ANN001
    urls = _control_urls(built_site)
    assert len(urls) >= 2 * 33
    for control_id, language, title, path in urls:
        page.goto(site_url + path)
        anchor = path.split("#")[1]
        heading = page.locator(f"h3#{anchor}")
        heading.wait_for()
        page.wait_for_function("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }", arg=anchor)
        assert page.locator("html").get_attribute("lang") == language
        text = heading.inner_text()
        assert control_id in text and title in text, (path, text)


@pytest.mark.parametrize(("path", "control"), [("operations/", "A.12.3.1"), ("en/application-security/", "A.9.4.4")])
def test_a_citation_link_opens_its_control_entry(site_url: str, page, path: str, control: str) -> None:  # noqa: ANN001
    page.goto(site_url + path)
    page.locator("a.citation", has_text=control).first.click()
    page.wait_for_url(f"**/controls/#{control.lower().replace('.', '-')}")
    assert control in page.locator(f"h3#{control.lower().replace('.', '-')}").inner_text()
