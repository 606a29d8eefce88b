"""search/tokens.py and its browser twin tokens.js: the terms of a text, and that both sides agree."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest


from isocontrols.search.tokens import control_terms, split_terms, stem, tokenize

ROOT = Path(__file__).resolve().parent.parent
TOKENS_JS = ROOT / "overrides" / "assets" / "javascripts" / "isosearch" / "tokens.js"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # Control numbers: both forms, whatever the brackets, case and width.
    ("【A.9.2.3】", [("a.9.2.3", "control"), ("9.2.3", "control")]),
    ("[A.9.2.3]", [("a.9.2.3", "control"), ("9.2.3", "control")]),
    ("a.9.2.3", [("a.9.2.3", "control"), ("9.2.3", "control")]),
    ("Ａ．９．２．３", [("a.9.2.3", "control"), ("9.2.3", "control")]),
    ("CLD.12.1.5", [("cld.12.1.5", "control"), ("12.1.5", "control")]),
    ("A9.2.3", [("a.9.2.3", "control"), ("9.2.3", "control")]),
    ("A.9", [("a.9", "control"), ("9", "control")]),
    ("【A.6.1.1, CLD.6.3.1】", [("a.6.1.1", "control"), ("6.1.1", "control"), ("cld.6.3.1", "control"), ("6.3.1", "control")]),
    ("ユーティリティプログラム【A.9.2.3", [
        ("ユー", "cjk"), ("ーテ", "cjk"), ("ティ", "cjk"), ("ィリ", "cjk"), ("リテ", "cjk"), ("ティ", "cjk"),
        ("ィプ", "cjk"), ("プロ", "cjk"), ("ログ", "cjk"), ("グラ", "cjk"), ("ラム", "cjk"),
        ("a.9.2.3", "control"), ("9.2.3", "control"),
    ]),
    # Numbers, with and without a unit; section numbers stay whole.
    ("9.2.3", [("9.2.3", "number")]),
    ("5.3. バックアップ", [("5.3", "number"), ("バッ", "cjk"), ("ック", "cjk"), ("クア", "cjk"), ("アッ", "cjk"), ("ップ", "cjk")]),
    ("72時間", [("72", "number"), ("時間", "cjk")]),
    ("72 時間", [("72", "number"), ("時間", "cjk")]),
    ("７２時間", [("72", "number"), ("時間", "cjk")]),
    ("3世代", [("3", "number"), ("世代", "cjk")]),
    ("ISO/IEC27017", [("iso", "word"), ("iec", "word"), ("27017", "number")]),
    # Japanese runs: bigrams, a lone character as itself, ・ and punctuation split.
    ("ネットワークの分離", [("ネッ", "cjk"), ("ット", "cjk"), ("トワ", "cjk"), ("ワー", "cjk"), ("ーク", "cjk"), ("クの", "cjk"), ("の分", "cjk"), ("分離", "cjk")]),
    ("暗号化", [("暗号", "cjk"), ("号化", "cjk")]),
    ("鍵", [("鍵", "cjk")]),
    ("容量・能力", [("容量", "cjk"), ("能力", "cjk")]),
    ("日次で、3世代。", [("日次", "cjk"), ("次で", "cjk"), ("3", "number"), ("世代", "cjk")]),
    ("々", [("々", "cjk")]),
    # Katakana: a final long vowel mark is dropped, half-width becomes full-width.
    ("ユーザー", [("ユー", "cjk"), ("ーザ", "cjk")]),
    ("ユーザ", [("ユー", "cjk"), ("ーザ", "cjk")]),
    ("ユーザー様", [("ユー", "cjk"), ("ーザ", "cjk"), ("ザ様", "cjk")]),
    ("サーバー", [("サー", "cjk"), ("ーバ", "cjk")]),
    ("ｻｰﾊﾞｰ", [("サー", "cjk"), ("ーバ", "cjk")]),
    ("データ", [("デー", "cjk"), ("ータ", "cjk")]),
    ("ルー", [("ルー", "cjk")]),
    # English: lower case, Porter stems as lunr.js makes them, stop words dropped.
    ("Encrypted", [("encrypt", "word")]),
    ("encryption", [("encrypt", "word")]),
    ("Encryption of the data", [("encrypt", "word"), ("data", "word")]),
    ("key keys", [("key", "word"), ("key", "word")]),
    ("try", [("tri", "word")]),
    ("multi-factor", [("multi", "word"), ("factor", "word")]),
    ("Décidé", [("décidé", "word")]),
    ("the of and", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0] or "empty" for case in CASES])
def test_tokenize_gives_terms_and_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(token.term, token.kind) for token in tokenize(text)] == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0] or "empty" for case in CASES])
def test_split_terms_are_the_terms_without_offsets(text: str, expected: list[tuple[str, str]]) -> None:
    words = [term for term, kind in expected if kind != "control"]
    controls = [term for term, kind in expected if kind == "control"]
    assert split_terms(text) == (words, controls)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("【A.9.2.3】利用", [(1, 8), (1, 8), (9, 11)]),
        ("Ａ．９．２．３", [(0, 7), (0, 7)]),
        ("ユーザー様", [(0, 2), (1, 3), (2, 5)]),
        ("Encrypted data", [(0, 9), (10, 14)]),
    ],
)
def test_tokens_keep_the_span_of_the_original_text(text: str, spans: list[tuple[int, int]]) -> None:
    assert [(token.start, token.end) for token in tokenize(text)] == spans


@pytest.mark.parametrize(
    ("identifier", "terms"),
    [
        ("A.9.2.3", ["a.9.2.3", "9.2.3"]),
        ("CLD.12.1.5", ["cld.12.1.5", "12.1.5"]),
        ("8.13", ["8.13"]),
        ("A.8.13", ["a.8.13", "8.13"]),
        ("5.16", ["5.16"]),
    ],
)
def test_control_terms_of_extra_identifiers(identifier: str, terms: list[str]) -> None:
    assert control_terms(identifier) == tuple(terms)


# ---------------------------------------------------------------------------------------
# The browser side: tokens.js must give exactly the same tokens and stems.



def _run_node(script: str, payload: object) -> object:
    completed = subprocess.run(
        ["node", "-e", script, str(TOKENS_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def _site_texts() -> list[str]:
    """Every paragraph of both editions: real inputs for the agreement test."""
    texts = []
    for path in sorted((ROOT / "docs").glob("*/*.md")):
        texts.extend(part for part in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if part.strip())
    return texts


def test_javascript_tokenizer_agrees_with_python() -> None:
    inputs = [text for text, _ in CASES] + _site_texts()
    script = (
        "const t = require(process.argv[1]);"
        "const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(inputs.map(s => t.tokenize(s).map(x => [x.term, x.kind, x.start, x.end]))))"
    )
    javascript = _run_node(script, inputs)
    python = [[[token.term, token.kind, token.start, token.end] for token in tokenize(text)] for text in inputs]
    disagreements = [(text, py, js) for text, py, js in zip(inputs, python, javascript) if py != js]
    assert not disagreements, disagreements[:3]


def test_javascript_stemmer_agrees_with_python() -> None:
    words = sorted({word.lower() for text in _site_texts() for word in re.findall(r"[A-Za-z]+", text)})
    words += ["key", "keys", "try", "tries", "lay", "say", "way", "ways", "boy", "sky", "they", "may"]
    script = (
        "const t = require(process.argv[1]);"
        "const words = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(words.map(t.stem)))"
    )
    javascript = _run_node(script, words)
    disagreements = [(word, stem(word), js) for word, js in zip(words, javascript) if stem(word) != js]
    assert not disagreements
