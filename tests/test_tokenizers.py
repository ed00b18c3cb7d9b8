"""The two tokenizers, the index writer's (``sitesearch/tokens.py``) and the
client's (``docs/assets/search/search.js``, run by Node with the rules the index
writes into ``meta.js``), cut the same texts into the same terms and file them in
the same shards. A missing ``node`` fails the test (Debian's ``nodejs``)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from sitesearch.index import build_index, index_files
from sitesearch.pages import SearchPage
from sitesearch.tokens import shard_of, terms_of, tokenize

CLIENT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "search" / "search.js"
SHARDS = 613

TEXTS = [
    # Han, with punctuation and spaces between runs
    "国家标准化管理委员会发布《电动汽车标准化路线图》，自 2024 年起实施。",
    "标准 化，标准化。",
    # Latin, digits and their mixtures
    "Tomas·Lamanauskas 在对 ITU 标准化顾问小组的讲话中强调",
    "DC-即服务（DCaaS）和/或 V2G，ISO/IEC 15118-20:2022",
    "IEC62208 与 iec 62208",
    # standard numbers as the bulletin writes them
    "GB/T 7714-2015《信息与文献 参考文献著录规则》",
    "GB 18384—2020、GB/T 31467.3-2015、JJF 1059.1—2012",
    "ISO 9001:2015 / ISO/TS 16949",
    # full-width forms, compatibility characters, beyond the basic plane
    "ＩＥＣ６２２０８与ＩＳＯ／ＩＥＣ　１５１１８，ＧＢ／Ｔ　７７１４－２０１５",
    "𠀀𠀁 名字 ﬁ ㎏ Ⅻ ① ⑴ 2.0 版 ㍿ 丽",
    "e\u0301 café İstanbul Straße ǅ",
    "",
    "。，、！？",
]

NODE_SCRIPT = """
const fs = require("fs");
const vm = require("vm");
const [client, metaFile, textsFile] = process.argv.slice(1);
const context = {
  URL,
  Promise,
  console,
  document: {
    currentScript: { src: "file:///site/assets/search/search.js" },
    readyState: "loading",
    querySelector: () => null,
    addEventListener: () => {},
  },
};
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(client, "utf8"), context);
vm.runInContext(fs.readFileSync(metaFile, "utf8"), context);
const api = context.bulletinSearch;
const out = JSON.parse(fs.readFileSync(textsFile, "utf8")).map((text) => {
  const terms = api.termsOf(api.tokenize(text));
  return { terms, shards: terms.map((term) => api.shardOf(term, %d)) };
});
process.stdout.write(JSON.stringify(out));
"""


def client_terms(texts: list[str], tmp_path: Path) -> list[dict[str, list[object]]]:
    node = shutil.which("node") or shutil.which("nodejs")
    assert node, "node is missing: install Debian's nodejs"
    files = index_files(build_index([SearchPage("a", "标题", "", "正文")]), True)
    meta = tmp_path / "meta.js"
    meta.write_text(files["meta.js"], encoding="utf-8")
    given = tmp_path / "texts.json"
    given.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    script = NODE_SCRIPT % SHARDS
    ran = subprocess.run(
        [node, "-e", script, str(CLIENT), str(meta), str(given)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    found: list[dict[str, list[object]]] = json.loads(ran.stdout)
    return found


def test_the_client_cuts_and_files_terms_as_the_index_writer_does(tmp_path: Path) -> None:
    for text, client in zip(TEXTS, client_terms(TEXTS, tmp_path), strict=True):
        terms = terms_of(tokenize(text))
        assert client["terms"] == terms, text
        assert client["shards"] == [shard_of(term, SHARDS) for term in terms], text


def test_the_texts_cover_each_kind_of_token() -> None:
    kinds = {token.kind.value for text in TEXTS for token in tokenize(text)}
    assert kinds == {"han", "latin", "digit"}
    assert any(ord(char) > 0xFFFF for text in TEXTS for char in text)
