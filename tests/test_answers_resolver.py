"""answers/resolver.py and its browser twin resolve.js: control numbers as customers write them."""

from __future__ import annotations

import json
import random
import subprocess
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from isocontrols.answers.resolver import (
    CONTROL_2013,
    CONTROL_2022,
    CONTROL_27017,
    GROUP,
    TEXT,
    UNKNOWN,
    Asked,
    Known,
    known,
    resolve,
)
from isocontrols.catalogue import load

ROOT = Path(__file__).resolve().parent.parent
RESOLVE_JS = ROOT / "overrides" / "assets" / "javascripts" / "answers" / "resolve.js"


def _known() -> Known:
    catalogue = load()
    return known(catalogue.controls, catalogue.controls_2022, catalogue.groups)


A = CONTROL_2013
CLD = CONTROL_27017
Y22 = CONTROL_2022

CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # 2013 Annex A: with or without A., full width, lower case, without the dot after A.
    ("A.9.2.3", [("A.9.2.3", A, "A.9.2.3")]),
    ("9.2.3", [("9.2.3", A, "A.9.2.3")]),
    ("Ａ．９．２．３", [("Ａ．９．２．３", A, "A.9.2.3")]),
    ("ａ．９．２．３", [("ａ．９．２．３", A, "A.9.2.3")]),
    ("a.9.2.3", [("a.9.2.3", A, "A.9.2.3")]),
    ("A9.2.3", [("A9.2.3", A, "A.9.2.3")]),
    ("A.09.02.03", [("A.09.02.03", A, "A.9.2.3")]),
    ("【A.9.2.3】", [("A.9.2.3", A, "A.9.2.3")]),
    ("(A.18.1.3).", [("A.18.1.3", A, "A.18.1.3")]),
    # ISO/IEC 27017 CLD numbers, and a bare number that only CLD has.
    ("CLD.6.3.1", [("CLD.6.3.1", CLD, "CLD.6.3.1")]),
    ("cld.12.4.5", [("cld.12.4.5", CLD, "CLD.12.4.5")]),
    ("CLD 9.5.2", [("CLD 9.5.2", CLD, "CLD.9.5.2")]),
    ("ＣＬＤ．１３．１．４", [("ＣＬＤ．１３．１．４", CLD, "CLD.13.1.4")]),
    ("6.3.1", [("6.3.1", CLD, "CLD.6.3.1")]),
    # ISO/IEC 27001:2022: two parts, with or without A.
    ("8.13", [("8.13", Y22, "8.13")]),
    ("A.8.13", [("A.8.13", Y22, "8.13")]),
    ("５．１０", [("５．１０", Y22, "5.10")]),
    ("A.8.1", [("A.8.1", Y22, "8.1")]),
    # Separators: Excel column, tabs, spaces, commas of both widths, 、 and ;.
    ("A.9.2.3\nA.12.3.1\r\n8.13", [("A.9.2.3", A, "A.9.2.3"), ("A.12.3.1", A, "A.12.3.1"), ("8.13", Y22, "8.13")]),
    ("9.2.3\t8.13", [("9.2.3", A, "A.9.2.3"), ("8.13", Y22, "8.13")]),
    ("A.9.2.3 A.9.2.4　A.9.2.5", [("A.9.2.3", A, "A.9.2.3"), ("A.9.2.4", A, "A.9.2.4"), ("A.9.2.5", A, "A.9.2.5")]),
    ("A.9.2.3,A.9.2.4、A.9.2.5，A.9.2.6;8.2", [
        ("A.9.2.3", A, "A.9.2.3"), ("A.9.2.4", A, "A.9.2.4"), ("A.9.2.5", A, "A.9.2.5"), ("A.9.2.6", A, "A.9.2.6"), ("8.2", Y22, "8.2"),
    ]),
    ("A.9.2.3・A.9.2.4", [("A.9.2.3", A, "A.9.2.3"), ("A.9.2.4", A, "A.9.2.4")]),
    ("\n\n ,, \n", []),
    ("", []),
    # Clauses and objectives of 2013 Annex A are not controls.
    ("A.9", [("A.9", GROUP, "A.9")]),
    ("A.9.2", [("A.9.2", GROUP, "A.9.2")]),
    ("9.2", [("9.2", GROUP, "A.9.2")]),
    # Numbers no catalogue has; a suggestion where the other prefix has it.
    ("A.12.4.5", [("A.12.4.5", UNKNOWN, "A.12.4.5")]),
    ("CLD.9.2.3", [("CLD.9.2.3", UNKNOWN, "CLD.9.2.3")]),
    ("9.2.10", [("9.2.10", UNKNOWN, "9.2.10")]),
    ("5.38", [("5.38", UNKNOWN, "5.38")]),
    ("A.5.1.1.1", [("A.5.1.1.1", UNKNOWN, "A.5.1.1.1")]),
    # Text is kept, as typed, and never taken for a number.
    ("附属書A.9.2.3", [("附属書", TEXT, "附属書"), ("A.9.2.3", A, "A.9.2.3")]),
    ("A.9.2.3 Management of privileged access rights", [
        ("A.9.2.3", A, "A.9.2.3"), ("Management of privileged access rights", TEXT, "Management of privileged access rights"),
    ]),
    ("ISO/IEC 27001", [("ISO/IEC 27001", TEXT, "ISO/IEC 27001")]),
    ("v1.2.3", [("v1.2.3", TEXT, "v1.2.3")]),
    ("9.2.3a.5", [("9.2.3", A, "A.9.2.3"), ("a.5", GROUP, "A.5")]),
    ("9.2.3..5.1", [("9.2.3", A, "A.9.2.3"), ("..5.1", TEXT, "..5.1")]),
    ("No.5.1", [("No.5.1", TEXT, "No.5.1")]),
    ("A5 paper", [("A5 paper", TEXT, "A5 paper")]),
    ("12", [("12", TEXT, "12")]),
    ("A.9.2.1～A.9.2.6", [("A.9.2.1", A, "A.9.2.1"), ("～", TEXT, "～"), ("A.9.2.6", A, "A.9.2.6")]),
    ("<script>alert(1)</script>", [("<script>alert(1)</script>", TEXT, "<script>alert(1)</script>")]),
    ("=HYPERLINK(\"x\")", [("=HYPERLINK(\"x\")", TEXT, "=HYPERLINK(\"x\")")]),
    ("ｶﾞｲﾄﾞ A.9.2.3", [("ｶﾞｲﾄﾞ", TEXT, "ｶﾞｲﾄﾞ"), ("A.9.2.3", A, "A.9.2.3")]),
    ("𝐀.9.2.3 😀", [("𝐀.9.2.3", A, "A.9.2.3"), ("😀", TEXT, "😀")]),
]

SUGGESTIONS = [("A.12.4.5", "CLD.12.4.5"), ("CLD.9.2.3", "A.9.2.3"), ("a.6.3.1", "CLD.6.3.1"), ("9.2.10", ""), ("A.9.9.9", "")]


def _triples(text: str) -> list[tuple[str, str, str]]:
    return [(item.typed, item.kind, item.id) for item in resolve(text, _known())]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(case[0]) for case in CASES])
def test_resolve_reads_every_form_customers_write(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _triples(text) == expected


@pytest.mark.parametrize(("typed", "suggestion"), SUGGESTIONS)
def test_an_unknown_number_suggests_the_control_of_the_other_prefix(typed: str, suggestion: str) -> None:
    [item] = resolve(typed, _known())
    assert (item.kind, item.suggestion) == (UNKNOWN, suggestion)


@pytest.mark.parametrize(("text", "prefixed"), [("A.9.2.3", True), ("a9.2.3", True), ("CLD.6.3.1", True), ("9.2.3", False), ("6.3.1", False), ("8.13", False)])
def test_items_say_whether_they_were_written_with_a_prefix(text: str, prefixed: bool) -> None:
    assert [item.prefixed for item in resolve(text, _known())] == [prefixed]


def test_nothing_typed_is_lost() -> None:
    """Every character that is not a separator, bracket or punctuation is in some item, in order."""
    text = "附属書 A.9.2.3（特権）, 8.13; ｶﾞｲﾄﾞ\nNo.5.1 ～ CLD.6.3.1"
    typed = [item.typed for item in resolve(text, _known())]
    assert typed == ["附属書", "A.9.2.3", "（特権）", "8.13", "ｶﾞｲﾄﾞ", "No.5.1 ～", "CLD.6.3.1"]


def address_list(items: list[Asked]) -> list[str]:
    """What the answers page's address holds (resolve.js ``addressList``): the canonical spellings, in order."""
    return [item.id for item in items]


@given(st.text(alphabet="AaCcLlDd.0123456789 ,、，\n\t【】()ＡＬ．１２附属書v～-", max_size=40))
def test_the_address_list_reads_back_as_the_same_items(text: str) -> None:
    """What the page writes into its address (ids joined by commas) gives the same items when opened."""
    items = resolve(text, _known())
    again = resolve(",".join(address_list(items)), _known())
    assert [(item.kind, item.id) for item in again] == [(item.kind, item.id) for item in items]


# ---------------------------------------------------------------------------------------
# The browser side: resolve.js must give exactly the same items.


def _javascript(texts: list[str]) -> list[list[dict[str, object]]]:
    catalogue = load()
    payload = {"known": [list(catalogue.controls), list(catalogue.controls_2022), list(catalogue.groups)], "texts": texts}
    script = (
        "const r = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const known = r.known(...input.known);"
        "console.log(JSON.stringify(input.texts.map(t => { const items = r.resolve(t, known);"
        " return {items: items, address: r.addressList(items)} })))"
    )
    completed = subprocess.run(
        ["node", "-e", script, str(RESOLVE_JS)], input=json.dumps(payload), capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout)


def _random_texts(count: int) -> list[str]:
    alphabet = list("AaCcLlDd.0123456789 ,、，;\n\t【】()「」ＡＣＬＤ．１２３附属書v～-・。") + ["𝐀", "ｶﾞ", "😀", "\u3000", "İ", "\ufeff"]
    generator = random.Random(12)
    return ["".join(generator.choice(alphabet) for _ in range(generator.randint(0, 30))) for _ in range(count)]


def test_javascript_resolver_agrees_with_python() -> None:
    texts = [text for text, _ in CASES] + [typed for typed, _ in SUGGESTIONS] + _random_texts(2000)
    javascript = _javascript(texts)
    python = [
        {"items": [asdict(item) for item in items], "address": address_list(items)}
        for items in (resolve(text, _known()) for text in texts)
    ]
    disagreements = [(text, py, js) for text, py, js in zip(texts, python, javascript) if py != js]
    assert not disagreements, disagreements[:3]
