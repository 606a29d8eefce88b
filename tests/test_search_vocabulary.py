"""search/vocabulary.py and its browser side: the customers' words, checked by the build and expanded by the worker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from isocontrols.search.index import plain_text
from isocontrols.search.no_answer import WaysOn, of_the_paper
from isocontrols.search.vocabulary import Row, check, file_for, for_index, load

ISOSEARCH = ROOT / "overrides" / "assets" / "javascripts" / "isosearch"

TEXTS = [
    "4.5. 暗号化【A.10.1.1】",
    "データベースへのアクセス権限を多要素認証を含めたセキュリティグループによって厳格に管理しています。",
    "当社がユーザー様のデータを保存する国は日本国となります。",
    "Access rights are controlled through security groups that include multi-factor authentication.",
]
"""Plain texts of a few sections, as the hook hands them to ``check``."""


def _rows(tmp_path: Path, body: str) -> tuple[list[Row], list[str]]:
    path = tmp_path / "ja.csv"
    path.write_text("customer,paper\n" + body, encoding="utf-8")
    rows, problems = load(path, shown_as="vocabulary/ja.csv")
    return rows, [str(problem) for problem in problems]


def _problems(tmp_path: Path, body: str, language: str = "ja") -> list[str]:
    rows, problems = _rows(tmp_path, body)
    return problems + [str(problem) for problem in check(rows, TEXTS, language, "vocabulary/ja.csv")]


def test_rows_hold_a_customer_word_and_the_papers_words(tmp_path: Path) -> None:
    rows, problems = _rows(tmp_path, "二段階認証,多要素認証\nデータセンター, データを保存する国 | 日本国 \n")
    assert problems == []
    assert rows == [Row("二段階認証", ("多要素認証",), 2), Row("データセンター", ("データを保存する国", "日本国"), 3)]
    assert for_index(rows) == [["二段階認証", ["多要素認証"]], ["データセンター", ["データを保存する国", "日本国"]]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("二段階認証,多要素認証\nMFA,multi-factor authentication\n", []),
        # A paper word that no section holds, as a phrase: the text was reworded.
        (
            "二段階認証,二要素認証\n",
            ["vocabulary/ja.csv:2: '二要素認証' does not occur in the Japanese white paper (was the text reworded?); "
             "map '二段階認証' to the words the text now uses, or remove the row"],
        ),
        (
            "MFA,security multi-factor\n",
            ["vocabulary/ja.csv:2: 'security multi-factor' does not occur in the Japanese white paper (was the text reworded?); "
             "map 'MFA' to the words the text now uses, or remove the row"],
        ),
        # Duplicates, as search reads them: case, width, the final long vowel mark.
        ("MFA,多要素認証\nmfa,多要素認証\n", ["vocabulary/ja.csv:3: 'mfa' is already on row 2: search reads them alike; keep one row"]),
        ("データセンター,日本国\nﾃﾞｰﾀｾﾝﾀ,日本国\n", ["vocabulary/ja.csv:3: 'ﾃﾞｰﾀｾﾝﾀ' is already on row 2: search reads them alike; keep one row"]),
        ("多要素認証,多要素認証\n", ["vocabulary/ja.csv:2: '多要素認証' is mapped to itself ('多要素認証'); remove that word"]),
        # Chains and circles: search expands a word once.
        (
            "二段階認証,2FA\n2FA,多要素認証\n",
            ["vocabulary/ja.csv:2: the paper word '2FA' is the customer word of row 3: search expands a word only once; "
             "map '二段階認証' straight to the paper's words (多要素認証)"],
        ),
        (
            "MFA,2FA\n2FA,MFA\n",
            ["vocabulary/ja.csv:2: rows 2 and 3 map 'MFA' and '2FA' to each other, and the white paper holds neither: map 'MFA' to the words the text uses, or remove the row",
             "vocabulary/ja.csv:3: rows 3 and 2 map '2FA' and 'MFA' to each other, and the white paper holds neither: map '2FA' to the words the text uses, or remove the row"],
        ),
        (
            "二段階認証,多要素認証\n多要素認証,二段階認証\n",
            ["vocabulary/ja.csv:3: '多要素認証' is the white paper's own word, and row 2 maps '二段階認証' to it: remove this row (search finds the paper's words as typed)"],
        ),
        (
            "二段階認証,多要素認証|2FA\n2FA,二段階認証\n",
            ["vocabulary/ja.csv:2: rows 2 and 3 map '二段階認証' and '2FA' to each other, and the white paper holds neither: "
             "map '二段階認証' to the words the text uses, or remove the row",
             "vocabulary/ja.csv:3: the paper word '二段階認証' is the customer word of row 2: search expands a word only once; "
             "map '2FA' straight to the paper's words (多要素認証)"],
        ),
        # Words without search terms, and rows that are not whole.
        ("the,多要素認証\n", ["vocabulary/ja.csv:2: the customer word 'the' has no search terms (only stop words or punctuation)"]),
        ("MFA,・\n", ["vocabulary/ja.csv:2: the paper word '・' has no search terms (only stop words or punctuation)"]),
        ("MFA,多要素認証|\n", ["vocabulary/ja.csv:2: paper holds an empty word; separate the paper's words with |, as in 多要素認証|認証情報"]),
        (",多要素認証\n", ["vocabulary/ja.csv:2: customer is empty"]),
        ("MFA,多要素認証,extra\n", ["vocabulary/ja.csv:2: row has 3 values, expected 2 (customer, paper); quote values that hold a comma"]),
    ],
    ids=["whole", "reworded", "not-a-phrase", "case", "width", "itself", "chain", "circle", "circle-through-the-papers-word", "circle-beside-the-papers-word", "stop-words", "punctuation", "empty-word", "empty-customer", "extra-value"],
)
def test_check_names_file_row_and_fix(tmp_path: Path, body: str, expected: list[str]) -> None:
    assert _problems(tmp_path, body) == expected


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        (None, (None, [])),
        ({"ja": "vocabulary/ja.csv"}, ("vocabulary/ja.csv", [])),
        ({"en": "vocabulary/en.csv"}, (None, [])),
        ("vocabulary/ja.csv", (None, ["mkdocs.yml: extra.search_vocabulary must map each language to a CSV file, as in ja: hooks/isocontrols/data/vocabulary-ja.csv"])),
    ],
)
def test_the_file_is_named_per_language_in_mkdocs_yml(setting: object, expected: tuple[str | None, list[str]]) -> None:
    name, problems = file_for(setting, "ja")
    assert (name, [str(problem) for problem in problems]) == expected


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_sites_vocabularies_have_60_rows_and_hold_only_the_papers_words(built_site: Path, language: str) -> None:
    data = json.loads((built_site / "search" / f"index.{language}.json").read_text(encoding="utf-8"))
    ways = WaysOn(reference=tuple(data["reference"]), contact=None, answers=None)
    texts = [plain_text(doc[part]) for doc in data["docs"] if of_the_paper(doc["location"], ways) for part in ("title", "text")]
    rows, problems = load(ROOT / "hooks" / "isocontrols" / "data" / f"vocabulary-{language}.csv", f"vocabulary-{language}.csv")
    assert len(rows) >= 60
    assert problems + check(rows, texts, language, f"vocabulary-{language}.csv") == []
    assert data["vocabulary"] == for_index(rows)


# ---------------------------------------------------------------------------------------
# The browser side: vocabulary.js gives a query its readings; the worker ranks them.


READINGS_JS = """
const vocabulary = require(process.argv[1] + "/vocabulary.js")
const { rows, queries } = JSON.parse(require("fs").readFileSync(0, "utf8"))
const prepared = vocabulary.prepare(rows)
console.log(JSON.stringify(queries.map(query => vocabulary.readings(query, prepared))))
"""

ROWS = [
    ["二段階認証", ["多要素認証"]],
    ["データセンター", ["日本国", "リージョン"]],
    ["MFA", ["multi-factor authentication"]],
    ["2FA", ["multi-factor authentication"]],
    ["cancellation", ["termination of service"]],
    ["data", ["customer data"]],
    ["data center", ["country"]],
    ["a1", ["x"]], ["b1", ["x"]], ["c1", ["x"]], ["d1", ["x"]], ["e1", ["x"]],
]

READINGS = [
    ("二段階認証", ["二段階認証", "多要素認証"]),
    ("二段階認証の設定", ["二段階認証の設定", "多要素認証の設定"]),
    ("２段階認証", ["２段階認証"]),  # another word (its own row in the site's vocabulary)
    ("データセンターの場所", ["データセンターの場所", "日本国の場所", "リージョンの場所"]),
    ("ﾃﾞｰﾀｾﾝﾀｰ", ["ﾃﾞｰﾀｾﾝﾀｰ", "日本国", "リージョン"]),  # half-width, with the final long vowel mark
    ("mfa setup", ["mfa setup", "multi-factor authentication setup"]),
    ("MFAの設定", ["MFAの設定", "multi-factor authenticationの設定"]),
    ("2FA", ["2FA", "multi-factor authentication"]),
    ("cancelled", ["cancelled", "termination of service"]),  # the same stem
    ("data center", ["data center", "country"]),  # the longest customer word wins
    ("MFA or 2FA", ["MFA or 2FA", "multi-factor authentication or 2FA", "MFA or multi-factor authentication",
                    "multi-factor authentication or multi-factor authentication"]),
    ("バックアップ", ["バックアップ"]),
    ("", [""]),
]


def test_readings_put_the_papers_words_in_place_of_customer_words() -> None:
    payload = {"rows": ROWS, "queries": [query for query, _ in READINGS] + ["a1 b1 c1 d1 e1"]}
    completed = subprocess.run(["node", "-e", READINGS_JS, str(ISOSEARCH)], input=json.dumps(payload), capture_output=True, text=True, check=True)
    *readings, many = json.loads(completed.stdout)
    assert [(query, result) for (query, _), result in zip(READINGS, readings)] == READINGS
    assert len(many) == 16 and many[0] == "a1 b1 c1 d1 e1"  # 32 combinations, the first 16 kept


WORKER_JS = """
const vm = require("vm"), fs = require("fs"), path = require("path")
const folder = process.argv[1]
const { index, queries } = JSON.parse(fs.readFileSync(0, "utf8"))
const listeners = [], results = []
const context = {
  console, URL, Map, Set, Promise, Date, setTimeout,
  location: { href: "https://example.org/assets/javascripts/isosearch/worker.js?index=i.json" },
  importScripts: (...files) => files.forEach(file => vm.runInContext(fs.readFileSync(path.join(folder, file), "utf8"), context)),
  fetch: () => Promise.resolve({ ok: true, json: () => Promise.resolve(index) }),
  postMessage: message => { if (message.type === 3) results.push(message.data) },
  addEventListener: (type, listener) => listeners.push(listener),
}
context.self = context
vm.createContext(context)
vm.runInContext(fs.readFileSync(path.join(folder, "worker.js"), "utf8"), context)
queries.forEach(query => listeners.forEach(listener => listener({ data: { type: 2, data: query } })))
const done = () => results.length < queries.length ? setTimeout(done, 5) :
  console.log(JSON.stringify(results.map(result => result.items.flat().filter(item => item.score > 0).map(item => item.location))))
done()
"""


def _worker(docs: list[dict[str, str]], vocabulary: list[list[Any]], reference: list[str], queries: list[str]) -> list[list[str]]:
    """Each query's result locations, in the order the worker ranks them (page headers left out)."""
    index = {"format": 2, "lang": "en", "docs": docs, "cites": {}, "vocabulary": vocabulary, "reference": reference}
    payload = {"index": index, "queries": queries}
    completed = subprocess.run(["node", "-e", WORKER_JS, str(ISOSEARCH)], input=json.dumps(payload), capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


DOCS = [
    {"location": "ops/#enc", "title": "Encryption", "text": "<p>Access needs multi-factor authentication; multi-factor authentication again.</p>"},
    {"location": "ops/#mfa", "title": "Accounts", "text": "<p>Administrators sign in with MFA.</p>"},
    {"location": "controls/#mfa", "title": "MFA", "text": "<p>MFA</p>"},
    {"location": "controls/#x", "title": "2022 facilities", "text": "<p>Facilities, 2022.</p>"},
    {"location": "ops/#other", "title": "Backup", "text": "<p>Daily.</p>"},
]


def test_worker_ranks_the_customers_own_word_first_then_the_papers_words() -> None:
    vocabulary = [["MFA", ["multi-factor authentication"]], ["2FA", ["multi-factor authentication"]]]
    mfa, two_fa, paper, backup = _worker(DOCS, vocabulary, ["controls/"], ["MFA", "2FA", "multi-factor authentication", "backup"])
    # A section of the paper holding "MFA" itself; then the paper's word, as if typed; then a page about the paper.
    assert mfa == ["ops/#mfa", "ops/#enc", "controls/#mfa"]
    # "2fa" is not in "2022 facilities": that prefix match comes after the paper's word.
    assert two_fa[0] == "ops/#enc" and "controls/#x" in two_fa[1:]
    # Words that are no customer word are searched as before.
    assert paper[0] == "ops/#enc" and backup == ["ops/#other"]


def test_worker_without_vocabulary_finds_only_the_typed_word() -> None:
    [mfa] = _worker(DOCS, [], [], ["MFA"])
    assert sorted(mfa) == ["controls/#mfa", "ops/#mfa"]
