"""``./run serve`` on a fixture site, fetched over HTTP: a writer's mistake never stops the preview.

The server starts with a mistake in the pages (MkDocs would abort a strict serve there), shows
each affected page's problems in a box and a banner everywhere else, drops them on the next
reload once the file is fixed, and shows new ones as they are made: the hook's, a data file's
(the translation record), and MkDocs' own. A strict build of the same mistake still fails,
and its output holds no box and no banner.
"""

from __future__ import annotations

import logging
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from mkdocs.exceptions import Abort
from test_hook import _edit

MARK = "isocontrols-preview"
WAIT = 120.0
"""Seconds a (re)build may take on a busy shared machine."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """A running ``./run serve`` of a site, and its pages fetched over HTTP."""

    def __init__(self, site: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/security/"
        self.log = site / "serve.log"
        command = [str(ROOT / "run"), "serve", "-f", str(site / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"]
        with self.log.open("w") as output:
            self.process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=WAIT) as response:
            return response.read().decode("utf-8")

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        """Poll until ``condition`` holds (each rebuild takes a moment); fail with the server's log."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server stopped:\n{self.log.read_text()}"
            try:
                if condition():
                    return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.5)
        pytest.fail(f"timed out waiting for {what}:\n{self.log.read_text()[-4000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def broken_site(fixture_site: Path) -> Path:  # noqa: F811 - the imported fixture
    """The fixture site with an unknown control in a Japanese heading (and so a parity problem in English)."""
    _edit(fixture_site, "ja/operations.md", "【A.12.3.1】 {#backup}", "【A.12.4.5】 {#backup}")
    return fixture_site


@pytest.fixture
def preview(broken_site: Path) -> Iterator[Preview]:
    server = Preview(broken_site)
    try:
        yield server
    finally:
        server.stop()


def test_serve_starts_with_a_mistake_and_shows_it_where_the_writer_looks(preview: Preview, broken_site: Path) -> None:
    preview.wait_for(lambda: MARK in preview.get("en/"), "the first build")
    japanese = preview.get("operations/")
    assert '<p class="admonition-title">このページに修正が必要な問題が 1 件あります</p>' in japanese
    assert "<code>docs/ja/operations.md:3</code> unknown control A.12.4.5 in 【A.12.4.5】; did you mean CLD.12.4.5?" in japanese
    english = preview.get("en/operations/")
    assert '<p class="admonition-title">This page has 1 problem to fix</p>' in english
    assert "<code>docs/en/operations.md:3</code> section #backup cites A.12.3.1 here but nothing in docs/ja/operations.md" in english
    home = preview.get("en/")
    assert '<p class="admonition-title">2 problems to fix in the site: <a href="/security/operations/">docs/ja/operations.md</a> (1), ' in home
    assert '<a href="/security/en/operations/">docs/en/operations.md</a> (1)</p>' in home
    assert "This page has" not in home

    _edit(broken_site, "ja/operations.md", "【A.12.4.5】 {#backup}", "【A.12.3.1】 {#backup}")
    preview.wait_for(lambda: MARK not in preview.get("operations/"), "the box to go after the fix")
    assert all(MARK not in preview.get(path) for path in ("", "en/", "en/operations/", "controls/"))


def test_new_mistakes_while_serving_are_shown_on_the_next_reload(preview: Preview, broken_site: Path) -> None:
    preview.wait_for(lambda: MARK in preview.get("operations/"), "the first build")
    _edit(broken_site, "ja/operations.md", "【A.12.4.5】 {#backup}", "【A.12.3.1】 {#backup}")
    (broken_site / "docs" / "translations.csv").write_text("section,fingerprint\noperations.md#backup,not-a-fingerprint\n", encoding="utf-8")
    index = broken_site / "docs" / "en" / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n[A broken link](nowhere.md)\n", encoding="utf-8")
    preview.wait_for(lambda: "nowhere.md" in preview.get("en/"), "MkDocs' own warning on its page")
    english_home = preview.get("en/")
    assert "<code>docs/en/index.md</code> Doc file 'en/index.md' contains a link 'nowhere.md'" in english_home
    operations = preview.get("operations/")
    assert "このページに修正が必要な問題" not in operations
    assert "<code>docs/translations.csv</code> (1)" in operations
    assert "<code>docs/translations.csv:2</code> fingerprint 'not-a-fingerprint' is not of the form 16 hex digits" in operations


def test_strict_build_of_the_same_mistake_fails_and_holds_no_box(broken_site: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    with pytest.raises(Abort):
        build_site(broken_site / "mkdocs.yml", broken_site / "site")
    written = list((broken_site / "site").rglob("*.html"))
    assert written and all(MARK not in path.read_text(encoding="utf-8") for path in written)


def test_built_real_site_holds_no_box(built_site: Path) -> None:
    assert all(MARK not in path.read_text(encoding="utf-8") for path in built_site.rglob("*.html"))
