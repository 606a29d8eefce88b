"""Shared fixtures: the real site built once per run, served on localhost, and a Chromium browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from static_host import StaticHost

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

FIXTURE = ROOT / "tests" / "fixtures" / "minimal-site"
"""A small site in both languages whose ``mkdocs.yml`` names its hook ``HOOK``."""

SITE_URL = "https://code4japan.github.io/decidim-security/"
"""The address the real site is built for in the tests, whatever SITE_URL the shell exports."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def copy_fixture_site(into: Path, *, overrides: bool = False, extra: str = "") -> Path:
    """A copy of the fixture site in ``into``: its hook the project's, with the project's theme
    overrides when asked, and ``extra`` (indented YAML lines) added to its ``extra:`` settings."""
    import shutil

    shutil.copytree(FIXTURE, into)
    config = into / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("HOOK", str(ROOT / "hooks" / "controls_hook.py"))
    if overrides:
        text = text.replace("  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n")
    config.write_text(text.replace("extra:\n", "extra:\n" + extra, 1), encoding="utf-8")
    return into


def build_site(config_file: Path, site_dir: Path, strict: bool = True, **overrides: object) -> Path:
    """Build a site with MkDocs' own API (as `mkdocs build --strict` does) into ``site_dir``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=strict, **overrides)
    build(config)
    return site_dir


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, both languages, built once for the whole run."""
    return build_site(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site") / "site", site_url=SITE_URL)


@pytest.fixture(scope="session")
def stock_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site built with Material's own search (``extra.per_language_search: false``)."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as handle:
        extra = yaml_load(handle)["extra"]
    site = tmp_path_factory.mktemp("stock") / "site"
    return build_site(ROOT / "mkdocs.yml", site, site_url=SITE_URL, extra={**extra, "per_language_search": False})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextlib.contextmanager
def served(directory: Path) -> Iterator[str]:
    """A built site served over HTTP on a free localhost port, for as long as the block runs; its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free localhost port; yields its base URL."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def deployed_site(built_site: Path) -> Iterator[StaticHost]:
    """The built site as Cloudflare Pages or Netlify serve it: at SITE_URL's path, with ``_headers`` and ``404.html``."""
    host = StaticHost(built_site, urlsplit(SITE_URL).path).start()
    yield host
    host.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright, headless."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh browser page (its own context: no shared storage between tests)."""
    context = browser.new_context()  # type: ignore[attr-defined]
    new_page = context.new_page()
    yield new_page
    context.close()


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    """A copy of the fixture site whose ``hooks:`` entry points at the project's hook."""
    return copy_fixture_site(tmp_path / "project")


@pytest.fixture
def clipboard_page(browser: object) -> Iterator[object]:
    """A fresh page whose context may read and write the clipboard."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
"""A phone's screen and touch, as the browser tests emulate it."""


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """A fresh page on a phone-sized, touch screen (390 × 844)."""
    context = browser.new_context(**PHONE)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()
