/*
 * The search results page (search/?q=…, made by converter/site/search_page.py),
 * loaded by search.js on that page only (the other pages and the box's first
 * results need none of it), built on search.js's functions (bulletinSearch.core).
 */
(function () {
  "use strict";

  var core = window.bulletinSearch.core;
  var meta = core.meta, facets = core.facets, page = core.page, parseQuery = core.parseQuery;
  var gather = core.gather, exact = core.exact, confirm = core.confirm, present = core.present;
  var byRank = core.byRank, escapeHtml = core.escapeHtml, keep = core.keep;
  var parameter = core.parameter, LABELS = core.LABELS, BATCH = core.BATCH;

  // Every match of the query, filtered by years, section, tag and author (each
  // choice with how many matches it holds), sorted by relevance or date, shown
  // PAGE_SIZE at a time ("加载更多"). The state is the address (?q=&from=&to=&section=
  // &tag=&author=&sort=), so back, forward and a shared link give the same view.
  // Where the index's terms cannot prove a match (a phrase of three characters or
  // more), the pages are read in the background and the counts say "约" until done.
  var PAGE_SIZE = 20;
  // Candidates read in the background at most, best estimate first (about 3 MB of
  // page files at 240 issues). Beyond, a page is read when it is shown, and the
  // counts stay "约" (an upper bound): a common phrase of three characters or more
  // is in thousands of pages, whose text together is tens of MB.
  var BACKGROUND_MAX = 500;
  var FIELDS = ["q", "from", "to", "section", "tag", "author", "sort"];
  var SORTS = [["relevance", "相关度"], ["newest", "日期（新→旧）"], ["oldest", "日期（旧→新）"]];
  var PAGE_LABELS = {
    query: "搜索词",
    search: "搜索",
    years: "年份",
    to: "至",
    section: "栏目",
    tag: "标签",
    author: "作者",
    sort: "排序",
    any: "全部",
    more: "加载更多",
    empty: "请输入搜索词",
    found: "找到 {n} 条结果",
    about: "约 {n} 条结果",
    checking: "（正在核对）",
    shown: "，显示 {k} 条",
    none: "没有找到符合条件的结果"
  };

  function readState() {
    var state = {};
    FIELDS.forEach(function (field) { state[field] = parameter(field); });
    state.sort = state.sort || "relevance";
    return state;
  }

  function stateQuery(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (field) {
      if (state[field] && !(field === "sort" && state[field] === "relevance")) {
        params.set(field, state[field]);
      }
    });
    return "?" + params.toString();
  }

  function pageLabel(name, values) {
    return PAGE_LABELS[name].replace(/\{(\w)\}/g, function (_, key) { return values[key]; });
  }

  function resultsPage(frame) {
    frame.innerHTML =
      '<form class="bs-page__form" role="search">' +
      '<input class="bs-page__query" type="search" name="q" autocomplete="off" spellcheck="false" ' +
      'aria-label="' + PAGE_LABELS.query + '">' +
      '<button type="submit">' + PAGE_LABELS.search + "</button>" +
      "</form>" +
      '<div class="bs-page__filters">' +
      '<label>' + PAGE_LABELS.years + ' <select name="from"></select></label>' +
      '<label>' + PAGE_LABELS.to + ' <select name="to"></select></label>' +
      '<label>' + PAGE_LABELS.section + ' <select name="section"></select></label>' +
      '<label>' + PAGE_LABELS.tag + ' <select name="tag"></select></label>' +
      '<label>' + PAGE_LABELS.author + ' <select name="author"></select></label>' +
      '<label>' + PAGE_LABELS.sort + ' <select name="sort"></select></label>' +
      "</div>" +
      '<p class="bs-page__status" role="status" aria-live="polite"></p>' +
      '<ol class="bs-page__results"></ol>' +
      '<button type="button" class="bs-page__more" hidden>' + PAGE_LABELS.more + "</button>";
    var form = frame.querySelector("form");
    var queryInput = frame.querySelector(".bs-page__query");
    var headerInput = document.querySelector(".bs-search__input"); // the box shows the page's query
    var status = frame.querySelector(".bs-page__status");
    var list = frame.querySelector(".bs-page__results");
    var more = frame.querySelector(".bs-page__more");
    var selects = {};
    frame.querySelectorAll("select").forEach(function (select) { selects[select.name] = select; });
    var state = readState();
    var run = null; // the query's matches: {query, groups, entries, info, facets, complete}
    var limit = PAGE_SIZE;
    var drawn = ""; // the list shown (its pages' ids)
    var wanted = ""; // the list last asked for (shown, or its pages being read)
    var ticket = 0; // the latest query: an earlier one's answers are dropped
    var drawing = 0; // the latest list drawn: an earlier one's pages are dropped

    function go(changes) {
      Object.keys(changes).forEach(function (field) { state[field] = changes[field]; });
      limit = PAGE_SIZE;
      try {
        window.history.pushState(null, "", stateQuery(state));
      } catch (error) { /* some browsers refuse it from file://: the view still follows */ }
      update();
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      keep(queryInput.value);
      go({ q: queryInput.value.trim() });
    });
    Object.keys(selects).forEach(function (name) {
      selects[name].addEventListener("change", function () {
        var change = {};
        change[name] = selects[name].value;
        go(change);
      });
    });
    more.addEventListener("click", function () {
      limit += PAGE_SIZE;
      draw();
    });
    window.addEventListener("popstate", function () {
      state = readState();
      limit = PAGE_SIZE;
      update();
    });

    function update() {
      queryInput.value = state.q;
      if (headerInput && document.activeElement !== headerInput) { headerInput.value = state.q; }
      if (state.q) { keep(state.q); }
      if (!state.q.trim()) {
        ticket++;
        run = null;
        status.textContent = PAGE_LABELS.empty;
        list.innerHTML = "";
        more.hidden = true;
        frame.setAttribute("data-answered", "");
        return;
      }
      if (run && run.query === state.q) {
        draw();
        return;
      }
      var mine = ++ticket;
      frame.removeAttribute("data-answered");
      frame.removeAttribute("data-complete");
      status.textContent = LABELS.loading;
      meta().then(function (info) {
        var groups = parseQuery(state.q);
        var gathering = groups.length ? gather(groups, info, {})
          : Promise.resolve({ groups: [], candidates: [] });
        return Promise.all([gathering, facets()]).then(function (done) {
          if (mine !== ticket) { return; }
          var known = exact(done[0].groups) ? true : undefined;
          var entries = done[0].candidates.map(function (c) {
            return { id: c.id, title: c.title, density: c.density, match: known, hit: null };
          });
          run = {
            query: state.q, groups: done[0].groups, entries: entries,
            info: info, facets: done[1], complete: known === true
          };
          drawn = wanted = "";
          draw();
          if (!run.complete) { confirmAll(run, mine); }
        });
      }).catch(function () {
        status.textContent = LABELS.failed;
        frame.setAttribute("data-answered", state.q);
      });
    }

    // Read every candidate's page, a batch at a time, to keep only real matches.
    function confirmAll(current, mine) {
      var pending = current.entries.filter(function (entry) { return entry.match === undefined; })
        .slice(0, BACKGROUND_MAX);
      var at = 0;
      current.checking = true;
      function step() {
        if (mine !== ticket) { return null; }
        if (at >= pending.length) {
          current.checking = false;
          current.complete = current.entries.every(function (entry) { return entry.match !== undefined; });
          draw();
          return null;
        }
        var batch = pending.slice(at, at + BATCH);
        at += batch.length;
        return Promise.all(batch.map(function (entry) { return check(current, entry); }))
          .then(function () { draw(true); })
          .then(step);
      }
      return step();
    }

    function check(current, entry) {
      if (entry.hit || entry.match === false) { return Promise.resolve(entry); }
      return page(entry.id).then(function (data) {
        var hit = confirm(current.groups, data);
        entry.match = Boolean(hit);
        entry.hit = hit;
        return entry;
      });
    }

    function yearOf(f, id) {
      var issue = f.issue[id];
      return issue >= 0 ? f.issues[issue].slice(0, 4) : "";
    }

    // Does page ``id`` pass every filter but ``except``?
    function passes(f, id, except) {
      var year = yearOf(f, id);
      if (except !== "years" && (state.from || state.to)) {
        if (!year || (state.from && year < state.from) || (state.to && year > state.to)) { return false; }
      }
      if (except !== "section" && state.section) {
        var section = f.section[id];
        if (section < 0 || f.sections[section] !== state.section) { return false; }
      }
      if (except !== "tag" && state.tag && !f.tags[id].some(function (t) { return f.tagNames[t] === state.tag; })) {
        return false;
      }
      if (except !== "author" && state.author &&
          !f.authors[id].some(function (a) { return f.authorNames[a] === state.author; })) {
        return false;
      }
      return true;
    }

    function counted(entries, f, except, valuesOf) {
      var counts = {};
      entries.forEach(function (entry) {
        if (!passes(f, entry.id, except)) { return; }
        valuesOf(entry.id).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
      });
      return counts;
    }

    function fill(select, counts, chosen, order) {
      var values = Object.keys(counts);
      if (chosen && values.indexOf(chosen) < 0) { values.push(chosen); }
      values.sort(order || function (a, b) { return (counts[b] || 0) - (counts[a] || 0) || (a < b ? -1 : 1); });
      select.innerHTML = '<option value="">' + PAGE_LABELS.any + "</option>" + values.map(function (value) {
        return '<option value="' + escapeHtml(value) + '"' + (value === chosen ? " selected" : "") + ">" +
          escapeHtml(value) + "（" + (counts[value] || 0) + "）</option>";
      }).join("");
    }

    function drawFilters(entries, f) {
      var years = counted(entries, f, "years", function (id) { var y = yearOf(f, id); return y ? [y] : []; });
      var byYear = function (a, b) { return a < b ? -1 : a > b ? 1 : 0; };
      fill(selects.from, years, state.from, byYear);
      fill(selects.to, years, state.to, byYear);
      fill(selects.section, counted(entries, f, "section", function (id) {
        return f.section[id] >= 0 ? [f.sections[f.section[id]]] : [];
      }), state.section);
      fill(selects.tag, counted(entries, f, "tag", function (id) {
        return f.tags[id].map(function (t) { return f.tagNames[t]; });
      }), state.tag);
      fill(selects.author, counted(entries, f, "author", function (id) {
        return f.authors[id].map(function (a) { return f.authorNames[a]; });
      }), state.author);
      selects.sort.innerHTML = SORTS.map(function (sort) {
        return '<option value="' + sort[0] + '"' + (sort[0] === state.sort ? " selected" : "") + ">" +
          sort[1] + "</option>";
      }).join("");
    }

    function ordered(entries, f) {
      var sorted = entries.slice();
      if (state.sort === "relevance") {
        sorted.sort(byRank);
      } else {
        var sign = state.sort === "oldest" ? -1 : 1;
        sorted.sort(function (a, b) {
          return sign * (f.date[b.id] - f.date[a.id]) || sign * (b.id - a.id);
        });
      }
      return sorted;
    }

    // The view for the state: filters with their counts, the status, and the first
    // ``limit`` matches (their pages read, to show them and to be sure they match).
    // ``quiet``: a background batch was confirmed; the list is redrawn only if it changed.
    function draw(quiet) {
      if (!run) { return; }
      var current = run;
      var f = current.facets;
      var live = current.entries.filter(function (entry) { return entry.match !== false; });
      drawFilters(live, f);
      var matching = ordered(live.filter(function (entry) { return passes(f, entry.id, null); }), f);
      var shown = matching.slice(0, limit);
      var total = matching.length;
      status.textContent = !total ? PAGE_LABELS.none
        : pageLabel(current.complete ? "found" : "about", { n: total }) +
          (current.checking ? PAGE_LABELS.checking : "") +
          pageLabel("shown", { k: Math.min(total, limit) });
      more.hidden = total <= limit;
      var key = shown.map(function (entry) { return entry.id; }).join(",");
      if (quiet && key === wanted) {
        if (current.complete && key === drawn) { frame.setAttribute("data-complete", current.query); }
        return;
      }
      wanted = key;
      frame.removeAttribute("data-answered"); // set again once the list is drawn
      frame.removeAttribute("data-complete");
      var mine = ++drawing;
      Promise.all(shown.map(function (entry) { return check(current, entry); })).then(function () {
        if (mine !== drawing || run !== current) { return; }
        if (shown.some(function (entry) { return entry.match === false; })) {
          draw();
          return;
        }
        drawn = key;
        list.innerHTML = shown.map(function (entry) {
          var r = present(entry.hit, current.groups, current.info, current.query);
          return '<li class="bs-page__result"><a href="' + escapeHtml(r.url) + '">' +
            '<span class="bs-search__title">' + r.title + "</span></a>" +
            '<span class="bs-search__meta">' + r.meta + "</span>" +
            '<span class="bs-search__excerpt">' + r.excerpt + "</span></li>";
        }).join("");
        frame.setAttribute("data-answered", current.query); // for tests
        if (current.complete) { frame.setAttribute("data-complete", current.query); }
      });
    }

    update();
  }

  var frame = document.querySelector("[data-bs-page]");
  if (frame) { resultsPage(frame); }
})();
