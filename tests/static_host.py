"""The built site served the way a static host serves it, for the browser tests.

Like Cloudflare Pages or Netlify: the site at the path of its address (``/decidim-security/``),
``404.html`` with status 404 for anything missing, and the headers that ``_headers`` gives
each path (a header named by several rules is joined with ``, ``, as Cloudflare Pages does).
A test can also hold back chosen files (``delays``) to see what a reader on a slow network sees.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class HeaderRule:
    """One block of ``_headers``: a path pattern (``*`` matches anything) and its headers."""

    pattern: re.Pattern[str]
    headers: tuple[tuple[str, str], ...]


def read_headers_file(text: str) -> list[HeaderRule]:
    """The rules of a ``_headers`` file: a path line, then its indented ``Name: value`` lines; ``#`` comments."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        else:
            name, _, value = line.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return [HeaderRule(re.compile("^" + ".*".join(map(re.escape, path.split("*"))) + "$"), tuple(headers)) for path, headers in rules]


def headers_for(rules: list[HeaderRule], path: str) -> dict[str, str]:
    """The headers a request for ``path`` gets: every matching rule's, a repeated name joined with ``, ``."""
    found: dict[str, str] = {}
    for rule in rules:
        if rule.pattern.match(path):
            for name, value in rule.headers:
                found[name] = f"{found[name]}, {value}" if name in found else value
    return found


@dataclass
class StaticHost:
    """A running host: ``url`` is the site's address on it; ``delays`` holds back files (site path → seconds)."""

    site: Path
    base_path: str
    send_headers: bool = True
    delays: dict[str, float] = field(default_factory=dict)
    url: str = ""
    _server: Any = None

    def start(self) -> StaticHost:
        rules = read_headers_file((self.site / "_headers").read_text(encoding="utf-8")) if self.send_headers else []
        handler = functools.partial(_Handler, host=self, rules=rules, directory=str(self.site))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{self.base_path}"
        return self

    def stop(self) -> None:
        self._server.shutdown()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``host.site`` under ``host.base_path``, with the headers of ``_headers`` and ``404.html``."""

    def __init__(self, *args: Any, host: StaticHost, rules: list[HeaderRule], **kwargs: Any) -> None:
        self.host = host
        self.rules = rules
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's signature
        pass

    def _site_path(self) -> str | None:
        """The request's path inside the site (``operations/``), or ``None`` outside the site's path."""
        path = unquote(urlsplit(self.path).path)
        return path[len(self.host.base_path) :] if path.startswith(self.host.base_path) else None

    def translate_path(self, path: str) -> str:
        site_path = self._site_path()
        return str(self.host.site / site_path) if site_path is not None else str(self.host.site / "__outside_the_site__")

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        time.sleep(self.host.delays.get(self._site_path() or "", 0))
        super().do_GET()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self.host.site / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, urlsplit(self.path).path).items():
            self.send_header(name, value)
        super().end_headers()
