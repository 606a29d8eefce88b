"""controls.json and controls.csv checked against the pages of the built site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from isocontrols import export_csv

ENTRY_ID = re.compile(r'<h3 (?=[^>]*class="control-entry")[^>]*\bid="(?P<anchor>[^"]+)"')
"""A control entry of the built control index."""


def _document(site: Path) -> dict:
    return json.loads((site / "controls.json").read_text(encoding="utf-8"))


def _rows(site: Path) -> list[dict[str, str]]:
    text = (site / "controls.csv").read_bytes().decode(export_csv.ENCODING)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _html_of(site: Path, url: str, base_path: str) -> tuple[str, str]:
    """The built page an export's URL (full or absolute path) points at, and its fragment."""
    parts = urlsplit(url)
    assert parts.path.startswith(base_path), url
    page = site / parts.path[len(base_path) :] / "index.html"
    assert page.is_file(), f"{url}: no page {page}"
    return page.read_text(encoding="utf-8"), parts.fragment


def _assert_target_exists(site: Path, url: str, base_path: str) -> None:
    html, fragment = _html_of(site, url, base_path)
    assert not fragment or f'id="{fragment}"' in html, f"{url}: no #{fragment} on the page"


def _base_path(site: Path) -> str:
    return urlsplit(_document(site)["site_url"]).path or "/"


def _json_urls(site: Path) -> list[str]:
    urls = []
    for control in _document(site)["controls"]:
        urls += control["url"].values()
        for section in control["sections"]:
            urls += section["url"].values()
    return urls


def test_every_json_url_names_a_built_page_and_anchor(built_site: Path) -> None:
    for url in _json_urls(built_site):
        _assert_target_exists(built_site, url, _base_path(built_site))


def test_every_csv_url_names_a_built_page_and_anchor(built_site: Path) -> None:
    columns = [c for c in export_csv.COLUMNS if "_url_" in c]
    for row in _rows(built_site):
        for column in columns:
            _assert_target_exists(built_site, row[column], _base_path(built_site))


@pytest.mark.parametrize("index_page", ["controls/index.html", "en/controls/index.html"])
def test_every_control_of_the_index_is_in_both_exports(built_site: Path, index_page: str) -> None:
    on_page = {m.group("anchor") for m in ENTRY_ID.finditer((built_site / index_page).read_text(encoding="utf-8"))}
    in_json = {c["url"]["en"].rpartition("#")[2] for c in _document(built_site)["controls"]}
    in_csv = {row["control_url_en"].rpartition("#")[2] for row in _rows(built_site)}
    assert on_page and on_page == in_json == in_csv


def test_csv_opens_in_excel_with_bom_crlf_and_english_header(built_site: Path) -> None:
    raw = (built_site / "controls.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n")
    assert raw[3:].split(b"\r\n", 1)[0].decode() == ",".join(export_csv.COLUMNS)


def test_csv_has_a_row_per_control_and_section_of_the_json(built_site: Path) -> None:
    document = _document(built_site)
    pairs = [(c["id"], s["anchor"] or "") for c in document["controls"] for s in c["sections"]]
    assert [(row["control_id"], row["section_anchor"]) for row in _rows(built_site)] == pairs


@pytest.mark.parametrize(
    ("page", "href"),
    [
        ("controls/index.html", "../controls.json"),
        ("controls/index.html", "../controls.csv"),
        ("en/controls/index.html", "../../controls.json"),
        ("en/controls/index.html", "../../controls.csv"),
        ("exports/index.html", "../controls.csv"),
        ("en/exports/index.html", "../../controls.json"),
    ],
)
def test_download_links_reach_the_exports(built_site: Path, page: str, href: str) -> None:
    html = (built_site / page).read_text(encoding="utf-8")
    assert f'href="{href}" download' in html
    assert (built_site / page).parent.joinpath(href).resolve().is_file()
