/*
 * The site's search client: no framework, no network but the site's own files.
 *
 * The index (written by `python -m sitesearch`, see sitesearch/DESIGN.md) is a set of
 * small scripts under search/ that call window.bulletinSearch; they are loaded with
 * <script> tags, which works over http and from file:// alike. A query loads the
 * shards of its terms, ranks the pages that hold every term, then reads the best
 * pages' text to keep only those that really contain each phrase, ranks them again
 * (title first, then density) and shows them with an excerpt.
 *
 * The tokenizer below follows sitesearch/tokens.py rule for rule.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var INDEX = new URL("search/", ROOT);
  var SHOWN = 10; // results shown
  var BATCH = 12; // pages read at a time to confirm candidates
  // The first batch is smaller: its pages (the best estimates) arrive sooner when
  // fewer share the connection, and the first of them confirmed is shown at once.
  var FIRST_BATCH = 3;
  var MAX_READ = 60; // pages read at most for one query
  var EXCERPT_BEFORE = 24;
  var EXCERPT_LENGTH = 90;

  // --- loading index files -------------------------------------------------------
  var waiting = {};
  var loaded = {};

  function settle(key, data) {
    loaded[key] = data;
    if (waiting[key]) {
      waiting[key].resolve(data);
    }
  }

  function load(key, path) {
    if (loaded[key] !== undefined) {
      return Promise.resolve(loaded[key]);
    }
    if (!waiting[key]) {
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        entry.reject = reject;
      });
      waiting[key] = entry;
      var tag = document.createElement("script");
      tag.src = new URL(path, INDEX).href;
      tag.async = true;
      tag.onerror = function () {
        delete waiting[key];
        entry.reject(new Error("cannot load " + path));
      };
      document.head.appendChild(tag);
    }
    return waiting[key].promise;
  }

  var api = {
    meta: function (data) {
      configure(data.rules);
      settle("meta", data);
    },
    shard: function (number, data) { settle("s" + number, data); },
    page: function (number, data) { settle("p" + number, data); },
    facets: function (data) { settle("facets", data); }
  };
  window.bulletinSearch = api;

  function meta() { return load("meta", "meta.js"); }
  function facets() { return load("facets", "f.js"); }
  function shard(number) { return load("s" + number, "s/" + number + ".js"); }
  function page(number) { return load("p" + number, "d/" + number + ".js"); }

  // --- tokenizer (sitesearch/tokens.py) ------------------------------------------
  // The rules' numbers and character classes are the index's (meta.js "rules",
  // written by sitesearch/index.py client_contract): this file has no copy of them.
  var rules = null;
  var HAN, LATIN, DIGIT;

  function configure(given) {
    rules = given;
    HAN = new RegExp("^[" + given.han + "]$", "u");
    LATIN = new RegExp("^[" + given.latin + "]$", "u");
    DIGIT = new RegExp("^[" + given.digit + "]$", "u");
  }

  function kindOf(ch) {
    if (HAN.test(ch)) { return "han"; }
    if (LATIN.test(ch)) { return "latin"; }
    if (DIGIT.test(ch)) { return "digit"; }
    return null;
  }

  function tokenize(text) {
    var tokens = [];
    var current = "";
    var kind = null;
    var start = 0;
    var previousEnd = -1;
    var index = 0;
    function close(end) {
      var joined = kind === "han" && previousEnd === start;
      tokens.push({ text: current, kind: kind, start: start, end: end, joined: joined });
      previousEnd = kind === "han" ? end : -1;
    }
    while (index < text.length) {
      var raw = String.fromCodePoint(text.codePointAt(index));
      var normal = Array.from(raw.normalize("NFKC").toLowerCase());
      for (var k = 0; k < normal.length; k++) {
        var ch = normal[k];
        var this_ = kindOf(ch);
        if (this_ !== null && this_ === kind && this_ !== "han") {
          current += ch;
          continue;
        }
        if (current && kind !== null) {
          close(index);
        }
        if (this_ === null) {
          current = "";
          kind = null;
          previousEnd = -1;
        } else {
          current = ch;
          kind = this_;
          start = index;
        }
      }
      index += raw.length;
    }
    if (current && kind !== null) {
      close(text.length);
    }
    return tokens;
  }

  function termsOf(tokens) {
    var terms = [];
    tokens.forEach(function (token, i) {
      terms.push(token.text);
      var next = tokens[i + 1];
      if (token.kind === "han" && next && next.joined) { terms.push(token.text + next.text); }
    });
    return terms;
  }

  // Which shard holds a term (sitesearch/tokens.py shard_of): FNV-1a of its key, a
  // Han term itself, a word its first letters (rules.keyLength).
  function fnv1a(text) {
    var value = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      value = Math.imul(value ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return value;
  }

  function shardOf(term, shards) {
    var key = HAN.test(String.fromCodePoint(term.codePointAt(0))) ? term : term.slice(0, rules.keyLength);
    return fnv1a(key) % shards;
  }

  // --- queries -------------------------------------------------------------------
  // A query is groups separated by white space; a page must hold every group, and a
  // group's tokens side by side. The last token of the query may be unfinished.
  function parseQuery(query) {
    var words = query.trim().split(/\s+/).filter(Boolean);
    return words.map(function (word, w) {
      return groupOf(tokenize(word), w === words.length - 1);
    }).filter(function (group) { return group.tokens.length > 0; });
  }

  // What to look up for a group of tokens: the bigram at each Han character followed
  // by another (the run's last character is in the bigram before it), a lone Han
  // character itself, each word; ``open``: the query's last group, whose last word
  // may be unfinished.
  function groupOf(tokens, open) {
    var lookups = [];
    tokens.forEach(function (token, i) {
      var next = tokens[i + 1];
      var last = i === tokens.length - 1;
      if (token.kind === "han" && next && next.joined) {
        lookups.push({ term: token.text + next.text, prefix: false, at: i });
      } else if (token.kind === "han" && token.joined && i > 0) {
        return;
      } else if (token.kind === "han") {
        lookups.push({ term: token.text, prefix: false, at: i });
      } else {
        // A word still being typed is any word it begins (two letters at least).
        var typing = last && open && token.text.length >= 2;
        lookups.push({ term: token.text, prefix: typing, at: i });
      }
    });
    return { tokens: tokens, lookups: lookups, open: open };
  }

  // A bigram that no page holds cannot be inside a phrase of any page: the query
  // joins two words there ("国际标准化组织理事会" → 国际标准化组织 + 理事会; the
  // page says "国际标准化组织第 121 届理事会"). Split the group at it.
  function splitAtAbsent(groups, info, shards) {
    var split = false;
    var result = [];
    groups.forEach(function (group) {
      var absent = group.lookups.filter(function (lookup) {
        return !lookup.prefix && lookup.term.length > 1 && group.tokens[lookup.at].kind === "han" &&
          !Object.keys(postingsOf(lookup, info, shards)).length;
      })[0];
      if (!absent) {
        result.push(group);
        return;
      }
      split = true;
      result.push(groupOf(group.tokens.slice(0, absent.at + 1), false));
      result.push(groupOf(group.tokens.slice(absent.at + 1), group.open));
    });
    return split ? result : null;
  }

  // A posting's weight: density << rules.titleBits | in title (sitesearch/index.py).
  function densityOf(weight) { return weight >> rules.titleBits; }
  function inTitle(weight) { return weight & ((1 << rules.titleBits) - 1) ? 1 : 0; }
  function pack(density, title) { return (density << rules.titleBits) | title; }

  // Occurrences per rules.densityScale terms, smoothed and capped as the index's.
  function densityFrom(count, length) {
    return Math.min(rules.densityCap,
      Math.round(count * rules.densityScale / (length + rules.densitySmoothing)));
  }

  // Weights of one lookup's pages; a prefix adds up the terms it matches.
  function postingsOf(lookup, info, shards) {
    var terms = shards[shardOf(lookup.term, info.shards)] || {};
    var found = {};
    function add(list) {
      var id = 0;
      for (var i = 0; i < list.length; i += 2) {
        id += list[i];
        var weight = list[i + 1];
        var before = found[id];
        found[id] = before === undefined ? weight
          : pack(densityOf(before) + densityOf(weight), inTitle(before) | inTitle(weight));
      }
    }
    if (lookup.prefix) {
      Object.keys(terms).forEach(function (term) {
        if (term.lastIndexOf(lookup.term, 0) === 0) { add(terms[term]); }
      });
    } else if (terms[lookup.term]) {
      add(terms[lookup.term]);
    }
    return found;
  }

  // Pages holding every term, best estimate first: a term in the title, then the
  // rarest term's density (a phrase is never denser than its rarest part).
  function candidates(groups, info, shards) {
    var lookups = [];
    groups.forEach(function (group) { lookups = lookups.concat(group.lookups); });
    var lists = lookups.map(function (lookup) { return postingsOf(lookup, info, shards); });
    lists.sort(function (a, b) { return Object.keys(a).length - Object.keys(b).length; });
    var result = [];
    Object.keys(lists[0] || {}).forEach(function (id) {
      var title = 1;
      var density = Infinity;
      for (var i = 0; i < lists.length; i++) {
        var weight = lists[i][id];
        if (weight === undefined) { return; }
        title = Math.min(title, inTitle(weight));
        density = Math.min(density, densityOf(weight));
      }
      result.push({ id: Number(id), title: title, density: density });
    });
    result.sort(byRank);
    return result;
  }

  function byRank(a, b) {
    return b.title - a.title || b.density - a.density || b.id - a.id;
  }

  // Does the group stand at token i? Same kinds and texts side by side, a Han run
  // of the query within one run of the page; the query's unfinished last word may be
  // the start of a longer one.
  function matchesAt(group, tokens, i) {
    var want = group.tokens;
    for (var k = 0; k < want.length; k++) {
      var have = tokens[i + k];
      var wanted = want[k];
      if (have.kind !== wanted.kind) { return false; }
      if (k > 0 && wanted.joined && !have.joined) { return false; }
      var open = group.open && k === want.length - 1 && wanted.kind !== "han" &&
        wanted.text.length >= 2;
      if (open ? have.text.lastIndexOf(wanted.text, 0) !== 0 : have.text !== wanted.text) {
        return false;
      }
    }
    return true;
  }

  // Where the group stands in these tokens: [first token, end token] pairs.
  function occurrences(group, tokens) {
    var found = [];
    for (var i = 0; i + group.tokens.length <= tokens.length; i++) {
      if (matchesAt(group, tokens, i)) { found.push([i, i + group.tokens.length]); }
    }
    return found;
  }

  // A result links its page by the page's path, relative to the site; a path that a
  // browser would read as something else is never shown: a scheme before the first
  // "/" ("javascript:alert(1)%2F/index"), a "/" or "//" in front (another host), a
  // backslash (a "/" to a browser) or a control character (dropped by URL parsers).
  // The index writer refuses such pages too (sitesearch/pages.py is_site_path).
  var NOT_A_SITE_PATH = /^(?:[^\/]*:|\/)|[\\\u0000-\u001f\u007f]/;

  function isSitePath(path) {
    return typeof path === "string" && !NOT_A_SITE_PATH.test(path);
  }

  // Does the page hold every group (in its title, an author's name or its text)?
  // Its real rank (the phrase in the title or a name; the phrase's density) and
  // what the excerpt needs, or null.
  function confirm(groups, data) {
    if (!isSitePath(data.u)) { return null; }
    var titleTokens = tokenize(data.t);
    var authorTokens = tokenize((data.a || []).join("\n"));
    var textTokens = tokenize(data.x);
    var titled = 1;
    var count = 0;
    var first = null;
    for (var g = 0; g < groups.length; g++) {
      var inText = occurrences(groups[g], textTokens);
      var inFields = occurrences(groups[g], titleTokens).length +
        occurrences(groups[g], authorTokens).length;
      if (!inText.length && !inFields) { return null; }
      if (!inFields) { titled = 0; }
      count += inText.length + inFields;
      if (first === null && inText.length) { first = textTokens[inText[0][0]].start; }
    }
    return {
      title: titled,
      density: densityFrom(count, titleTokens.length + authorTokens.length + textTokens.length),
      data: data,
      titleTokens: titleTokens,
      authorTokens: authorTokens,
      textTokens: textTokens,
      first: first
    };
  }

  var latest = 0;

  // The results of one query: a promise of {results, total, more}. Queries typed
  // before the index is ready wait for it; a later query makes an earlier one stale.
  function search(query, progress) {
    return meta().then(function (info) {
      var groups = parseQuery(query);
      if (!groups.length) { return { results: [], total: 0, more: false, done: true }; }
      return lookUp(groups, info, {}, progress, query);
    });
  }

  // Load the shards the groups need, split groups at bigrams no page holds (which
  // may need more shards), then read the candidates.
  function lookUp(groups, info, shards, progress, query) {
    return gather(groups, info, shards).then(function (found) {
      return read(found.groups, found.candidates, info, progress, query, exact(found.groups));
    });
  }

  // The groups (split where the index proves a word boundary) and every page that
  // holds all their terms, best estimate first.
  function gather(groups, info, shards) {
    var numbers = [];
    groups.forEach(function (group) {
      group.lookups.forEach(function (lookup) {
        var number = shardOf(lookup.term, info.shards);
        if (!(number in shards) && numbers.indexOf(number) < 0) { numbers.push(number); }
      });
    });
    return Promise.all(numbers.map(shard)).then(function (loadedShards) {
      numbers.forEach(function (number, i) { shards[number] = loadedShards[i]; });
      var split = splitAtAbsent(groups, info, shards);
      if (split) { return gather(split, info, shards); }
      return { groups: groups, candidates: candidates(groups, info, shards) };
    });
  }

  // Are the candidates exactly the matches? Yes when each group is one term the
  // index holds as it is (a character, two side by side, a word or a word's start):
  // then no page needs reading to know it matches.
  function exact(groups) {
    return groups.every(function (group) {
      var tokens = group.tokens;
      return group.lookups.length === 1 && (tokens.length === 1 ||
        (tokens.length === 2 && tokens[0].kind === "han" && tokens[1].joined));
    });
  }

  // Read the candidates' pages a batch at a time, best estimate first, keeping those
  // that hold every phrase; ``progress`` sees the results found so far as each page
  // of a batch is confirmed, so the first one shows as soon as its page arrives. The
  // pages read are whole batches, whatever order they arrive in: the final results
  // are the same on every load.
  // ``known``: the candidates are the matches (``exact``), so their count is the total.
  function read(groups, pending, info, progress, query, known) {
    var confirmed = [];
    var next = 0;
    function outcome(done) {
      confirmed.sort(byRank);
      if (known) {
        return {
          results: confirmed.slice(0, SHOWN).map(function (hit) {
            return present(hit, groups, info, query);
          }),
          total: pending.length,
          more: pending.length > Math.min(SHOWN, confirmed.length),
          exact: true,
          done: done
        };
      }
      return {
        results: confirmed.slice(0, SHOWN).map(function (hit) {
          return present(hit, groups, info, query);
        }),
        total: next >= pending.length ? confirmed.length : pending.length,
        more: next < pending.length,
        done: done
      };
    }
    function step() {
      if (confirmed.length >= SHOWN || next >= pending.length || next >= MAX_READ) {
        return outcome(true);
      }
      var batch = pending.slice(next, next + (next ? BATCH : FIRST_BATCH));
      next += batch.length;
      return Promise.all(batch.map(function (c) {
        return page(c.id).then(function (data) {
          var hit = confirm(groups, data);
          if (!hit) { return; }
          hit.id = c.id;
          confirmed.push(hit);
          if (progress) { progress(outcome(false)); }
        });
      })).then(step);
    }
    return step();
  }

  // --- presenting ----------------------------------------------------------------
  // The page's address: "2023/07/01" is 2023/07/01/ on the hosted site and
  // 2023/07/01.html in the offline edition; an index page is its folder.
  // Always "./" + the path: resolved against the site's root, never a URL of its own.
  function pageUrl(path, info) {
    if (!info.directoryUrls) { return new URL("./" + path + ".html", ROOT).href; }
    var folder = path === "index" ? "" : path.replace(/\/index$/, "/");
    return new URL("./" + (folder === path ? path + "/" : folder), ROOT).href;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, function (ch) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[ch];
    });
  }

  // Text with every occurrence of the groups marked.
  function highlight(text, tokens, groups, from, to) {
    var spans = [];
    groups.forEach(function (group) {
      occurrences(group, tokens).forEach(function (range) {
        var start = tokens[range[0]].start;
        var end = tokens[range[1] - 1].end;
        if (end > from && start < to) { spans.push([Math.max(start, from), Math.min(end, to)]); }
      });
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var html = "";
    var at = from;
    spans.forEach(function (span) {
      if (span[0] < at) { return; }
      html += escapeHtml(text.slice(at, span[0])) + "<mark>" + escapeHtml(text.slice(span[0], span[1])) + "</mark>";
      at = span[1];
    });
    return html + escapeHtml(text.slice(at, to));
  }

  function authorsLine(hit, groups) {
    var names = (hit.data.a || []).join("、");
    if (!names) { return ""; }
    return " · 作者：" + highlight(names, tokenize(names), groups, 0, names.length);
  }

  // A result as shown, its link carrying the query (?h=…) for the page to mark it.
  function present(hit, groups, info, query) {
    var text = hit.data.x;
    var start = hit.first === null ? 0 : Math.max(0, hit.first - EXCERPT_BEFORE);
    var end = Math.min(text.length, start + EXCERPT_LENGTH);
    var excerpt = (start > 0 ? "…" : "") + highlight(text, hit.textTokens, groups, start, end) +
      (end < text.length ? "…" : "");
    return {
      path: hit.data.u,
      url: pageUrl(hit.data.u, info) + (query ? "?h=" + encodeURIComponent(query.trim()) : ""),
      title: highlight(hit.data.t, hit.titleTokens, groups, 0, hit.data.t.length),
      meta: escapeHtml(hit.data.m) + authorsLine(hit, groups),
      excerpt: excerpt.replace(/\n/g, " ")
    };
  }

  api.search = search;
  api.ready = meta;
  api.tokenize = tokenize;
  api.termsOf = termsOf;
  api.shardOf = shardOf;

  // --- the search box ------------------------------------------------------------
  var LABELS = {
    placeholder: "搜索",
    loading: "正在搜索…",
    reading: "正在查找更多结果…",
    none: "没有找到包含“{q}”的页面",
    found: "找到 {n} 条结果",
    more: "约 {n} 条结果，显示最相关的 {k} 条",
    many: "找到 {n} 条结果，显示最相关的 {k} 条",
    failed: "搜索索引无法加载",
    close: "关闭搜索",
    all: "查看全部 {n} 条",
    allAbout: "查看全部（约 {n} 条）",
    label: "搜索文章"
  };

  function label(name, values) {
    return LABELS[name].replace(/\{(\w)\}/g, function (_, key) { return values[key]; });
  }

  function build() {
    var host = document.querySelector(".md-header__inner") || document.body;
    var box = document.createElement("div");
    box.className = "bs-search";
    box.innerHTML =
      '<button type="button" class="bs-search__open" aria-label="' + LABELS.placeholder + '">' +
      '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>' +
      "</button>" +
      '<div class="bs-search__panel" role="search">' +
      '<div class="bs-search__bar">' +
      '<input class="bs-search__input" type="search" autocomplete="off" spellcheck="false" ' +
      'role="combobox" aria-expanded="false" aria-controls="bs-results" aria-autocomplete="list" ' +
      'aria-label="' + LABELS.label + '" placeholder="' + LABELS.placeholder + '">' +
      '<button type="button" class="bs-search__close" aria-label="' + LABELS.close + '">×</button>' +
      "</div>" +
      '<div class="bs-search__status" aria-live="polite"></div>' +
      '<ol class="bs-search__results" id="bs-results" role="listbox"></ol>' +
      "</div>";
    var title = host.querySelector(".md-header__title");
    host.insertBefore(box, title ? title.nextSibling : host.firstChild);
    return box;
  }

  // Where the reader's query is kept while they move between pages of the site (this
  // tab only; works from file:// too), so that the box shows it when they come back.
  var KEPT = "bulletinSearch.query";

  function keep(query) {
    try { window.sessionStorage.setItem(KEPT, query); } catch (error) { /* storage off */ }
  }

  function kept() {
    try { return window.sessionStorage.getItem(KEPT) || ""; } catch (error) { return ""; }
  }

  function parameter(name) {
    return new URLSearchParams(window.location.search).get(name) || "";
  }

  // The results page's address for a query: search/ hosted, search/index.html offline.
  function resultsPageUrl(query, info) {
    var path = info.directoryUrls ? "./search/" : "./search/index.html";
    return new URL(path + "?q=" + encodeURIComponent(query.trim()), ROOT).href;
  }

  function attach() {
    var box = build();
    var input = box.querySelector(".bs-search__input");
    var status = box.querySelector(".bs-search__status");
    var list = box.querySelector(".bs-search__results");
    var active = -1;

    function open() {
      box.classList.add("bs-search--open");
      input.focus();
    }
    function hideResults() {
      box.classList.remove("bs-search--showing");
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function close() {
      hideResults();
      box.classList.remove("bs-search--open");
      input.blur();
    }
    function items() { return list.querySelectorAll("[role='option']"); }
    function activate(index) {
      var all = items();
      if (!all.length) { return; }
      active = (index + all.length) % all.length;
      all.forEach(function (item, i) { item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
    function show(query, outcome) {
      if (outcome.done) {
        box.setAttribute("data-answered", query); // for tests and benchmarks
      }
      box.classList.add("bs-search--showing");
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      var html = outcome.results.map(function (r, i) {
        return '<li class="bs-search__result" role="option" id="bs-r' + i + '" aria-selected="false">' +
          '<a href="' + escapeHtml(r.url) + '"><span class="bs-search__title">' + r.title + "</span>" +
          '<span class="bs-search__meta">' + r.meta + "</span>" +
          '<span class="bs-search__excerpt">' + r.excerpt + "</span></a></li>";
      }).join("");
      if (outcome.done && outcome.results.length && loaded.meta) {
        var all = label(outcome.more && !outcome.exact ? "allAbout" : "all", { n: outcome.total });
        html += '<li class="bs-search__all" role="option" id="bs-all" aria-selected="false">' +
          '<a href="' + escapeHtml(resultsPageUrl(query, loaded.meta)) + '">' + all + "</a></li>";
      }
      list.innerHTML = html;
      if (!outcome.done) {
        status.textContent = LABELS.reading;
      } else if (!outcome.results.length) {
        status.textContent = label("none", { q: query });
      } else if (outcome.more) {
        status.textContent = label(outcome.exact ? "many" : "more",
          { n: outcome.total, k: outcome.results.length });
      } else {
        status.textContent = label("found", { n: outcome.total });
      }
    }
    function run() {
      var query = input.value;
      var ticket = ++latest;
      box.removeAttribute("data-answered");
      keep(query);
      if (!query.trim()) {
        list.innerHTML = "";
        status.textContent = "";
        hideResults();
        return;
      }
      box.classList.add("bs-search--showing");
      status.textContent = LABELS.loading;
      search(query, function (partial) {
        if (ticket === latest) { show(query, partial); }
      }).then(function (outcome) {
        if (ticket === latest) { show(query, outcome); }
      }, function () {
        if (ticket === latest) {
          status.textContent = LABELS.failed;
          box.setAttribute("data-answered", query);
        }
      });
    }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () {
      box.classList.add("bs-search--open");
      if (!input.value.trim()) { return; }
      if (box.getAttribute("data-answered") === input.value) {
        box.classList.add("bs-search--showing");
        input.setAttribute("aria-expanded", "true");
      } else {
        run();
      }
    });
    // Esc hides the results and keeps the text; a second Esc clears it.
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { activate(active + 1); event.preventDefault(); }
      else if (event.key === "ArrowUp") { activate(active - 1); event.preventDefault(); }
      else if (event.key === "Enter") {
        var all = items();
        var target = all[active >= 0 ? active : 0];
        if (target) { window.location.href = target.querySelector("a").href; }
        event.preventDefault();
      } else if (event.key === "Escape") {
        if (box.classList.contains("bs-search--showing")) {
          hideResults();
        } else if (input.value) {
          input.value = "";
          run();
        } else {
          close();
        }
        event.preventDefault();
      }
    });
    box.querySelector(".bs-search__open").addEventListener("click", open);
    box.querySelector(".bs-search__close").addEventListener("click", close);
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) {
        hideResults();
        box.classList.remove("bs-search--open");
      }
    });
    document.addEventListener("keydown", function (event) {
      var typing = /input|textarea|select/i.test((event.target && event.target.tagName) || "");
      if (!typing && (event.key === "/" || event.key === "s")) { open(); event.preventDefault(); }
    });
    // Back on a page (the back button, a link), the box shows the reader's query;
    // an address with ?q=… asks it at once (on the results page, the page asks it
    // and the box only shows it: never an earlier query above the page's own).
    input.value = parameter("q") || parameter("h") || kept();
    meta(); // start loading the index's first file with the page
    // The client may run right after the header, before the text and the results
    // page's frame are parsed: what needs them waits for them.
    whenParsed(function () {
      var frame = document.querySelector("[data-bs-page]");
      if (frame) {
        loadResultsPage();
      } else if (parameter("q")) {
        open();
        run();
      }
      if (parameter("h")) { markPage(parameter("h")); }
    });
  }

  function whenParsed(then) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", then);
    } else {
      then();
    }
  }

  // The results page's own code (search-page.js) is loaded on that page only: every
  // other page, and the first results in the box, need none of it.
  function loadResultsPage() {
    var tag = document.createElement("script");
    tag.src = new URL("search-page.js", script.src).href;
    document.head.appendChild(tag);
  }

  api.mark = markPage;

  // What search-page.js builds on.
  api.core = {
    meta: meta, facets: facets, page: page, parseQuery: parseQuery, gather: gather, exact: exact,
    confirm: confirm, present: present, byRank: byRank, escapeHtml: escapeHtml, keep: keep,
    parameter: parameter, LABELS: LABELS, BATCH: BATCH
  };

  // --- the opened page: the query marked --------------------------------------------
  // A result's link carries the query (?h=…): the page marks each place the query's
  // groups stand and scrolls to the first. The text of each block (paragraph, cell,
  // heading…) is read as one, across its links and emphasis, as the index read it:
  // without footnote marks and permalinks; the page's furniture (its tags, meta line,
  // citation, print line) is not what the reader searched.
  var SKIPPED = /^(script|style|mark|textarea|input|select|button|svg)$/i;
  var NOT_TEXT = ".footnote-ref, .headerlink, .bs-search, .md-tags, .article-meta, .bs-cite, .bs-print-source";
  var BLOCK = /^(p|li|td|th|h[1-6]|dd|dt|caption|figcaption|blockquote|pre|div|section|article|table|tr|ul|ol|dl)$/i;

  function markPage(query) {
    var root = document.querySelector(".md-content__inner") || document.querySelector("article");
    if (!root) { return Promise.resolve(); }
    return meta().then(function () {
      var parts = textParts(root);
      var text = parts.map(function (part) { return part.before + part.node.data; }).join("");
      var tokens = tokenize(text);
      var spans = [];
      parseQuery(query).forEach(function (group) {
        occurrences(group, tokens).forEach(function (range) {
          spans.push([tokens[range[0]].start, tokens[range[1] - 1].end]);
        });
      });
      spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      var kept = [];
      spans.forEach(function (span) {
        if (!kept.length || span[0] >= kept[kept.length - 1][1]) { kept.push(span); }
      });
      // From the last span back: a text node split for a later span keeps its start.
      for (var k = kept.length - 1; k >= 0; k--) {
        for (var i = parts.length - 1; i >= 0; i--) {
          var part = parts[i];
          if (kept[k][0] < part.end && kept[k][1] > part.start) { wrap(part, kept[k]); }
        }
      }
      var marks = root.querySelectorAll("mark.bs-hit");
      if (marks.length) { marks[0].scrollIntoView({ block: "center" }); }
      document.documentElement.setAttribute("data-bs-marked", String(marks.length));
    });
  }

  // The root's text nodes in order, each with its offsets in the joined text; a line
  // break between two blocks, so that a phrase never runs from one into the next.
  function textParts(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentNode; el && el !== root; el = el.parentNode) {
          if (SKIPPED.test(el.nodeName) || (el.matches && el.matches(NOT_TEXT))) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var parts = [];
    var at = 0;
    var previous = null;
    while (walker.nextNode()) {
      var node = walker.currentNode;
      var block = root;
      for (var el = node.parentNode; el && el !== root; el = el.parentNode) {
        if (BLOCK.test(el.nodeName)) { block = el; break; }
      }
      var before = previous !== null && block !== previous ? "\n" : "";
      at += before.length;
      parts.push({ node: node, before: before, start: at, end: at + node.data.length });
      at += node.data.length;
      previous = block;
    }
    return parts;
  }

  function wrap(part, span) {
    var from = Math.max(span[0], part.start) - part.start;
    var to = Math.min(span[1], part.end) - part.start;
    var hit = from > 0 ? part.node.splitText(from) : part.node;
    if (to - from < hit.data.length) { hit.splitText(to - from); }
    var mark = document.createElement("mark");
    mark.className = "bs-hit";
    hit.parentNode.replaceChild(mark, hit);
    mark.appendChild(hit);
  }

  // At the end of the page the header is already there: the box can be made at once
  // rather than after the rest of the page's scripts.
  if (document.readyState !== "loading" || document.querySelector(".md-header__inner")) {
    attach();
  } else {
    document.addEventListener("DOMContentLoaded", attach);
  }
})();
