/* Search with Pagefind. The index and its code (pagefind.js, WebAssembly,
   index chunks) load only when the reader starts a search. Filters come
   from the form, rendered at build time, so nothing loads before that.
   A large hub's index comes in parts, newest posts first (listed in
   pelita-parts.json, see plugins/sitesearch/parts.py): every part is
   searched, results of a query are merged by score, and "newest first"
   browsing takes the parts in their order. Pagefind scores with BM25,
   whose word weight (IDF) each part computes from its own pages: a name
   common in the small newest part (every kelurahan page of Tembalang says
   "Tembalang") weighs less there than in an old part where two posts say
   it. Before merging, each part's scores are scaled to the weights the
   words have over all parts together (see rescale), so the order is the
   one a single index would give.
   The excerpt under a result is cut here, not by Pagefind: it starts after
   the headline (already shown as the result's title) and around the first
   word found there, so it never repeats the title. */
(function () {
  "use strict";
  var form = document.querySelector("[data-search]");
  if (!form) return;
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var input = form.querySelector("input[type=search]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var pagefind = null;
  var results = [];
  var shown = 0;
  var PAGE = 10;
  var EXCERPT_WORDS = 28;
  var run = 0;
  var moreButton = null;

  function text(key, values) {
    var template = form.getAttribute("data-" + key) || "";
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function open(bundle, root) {
    return import(bundle + "pagefind.js").then(function (module) {
      return module.options({ baseUrl: root, excerptLength: 24 }).then(function () {
        return module;
      });
    });
  }

  function partsOf(bundle) {
    return fetch(bundle + "pelita-parts.json").then(function (response) {
      return response.ok ? response.json() : { parts: [] };
    }).then(function (listed) {
      return (listed.parts || []).map(function (part) { return new URL(part, bundle).href; });
    }, function () { return []; });
  }

  /* How many pages a part holds (its pagefind-entry.json, which Pagefind
     has fetched already, so this comes from the browser's cache). */
  function pagesOf(bundle) {
    return fetch(bundle + "pagefind-entry.json").then(function (response) {
      return response.json();
    }).then(function (entry) {
      var languages = entry.languages || {};
      return Object.keys(languages).reduce(function (sum, key) {
        return sum + (languages[key].page_count || 0);
      }, 0);
    }, function () { return 0; });
  }

  /* Every part of the index, the newest first: a promise of
     { module, pages } (its Pagefind module and how many pages it holds). */
  function load() {
    if (!pagefind) {
      var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
      var root = new URL(form.getAttribute("data-root"), document.baseURI).pathname;
      pagefind = partsOf(bundle).then(function (parts) {
        return Promise.all([bundle].concat(parts).map(function (part) {
          return Promise.all([open(part, root), pagesOf(part)]).then(function (both) {
            return { module: both[0], pages: both[1] };
          });
        }));
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  /* BM25's weight of a word found on n of N pages (Pagefind's formula). */
  function idf(pages, having) {
    return Math.log((pages - having + 0.5) / (having + 0.5) + 1);
  }

  /* One factor per part that turns its scores into scores over all parts:
     the query's words weighed over every page, divided by their weight in
     that part (only the words the part has count, as only they scored).
     How many pages of a part have a word is the length of its results for
     that word alone: Pagefind stems and matches it as for the query. */
  function rescale(parts, query) {
    var words = query.split(/\s+/).filter(Boolean);
    return Promise.all(parts.map(function (part) {
      return Promise.all(words.map(function (word) {
        return part.module.search(word).then(function (found) {
          return found.results.length;
        });
      }));
    })).then(function (having) {
      var total = parts.reduce(function (sum, part) { return sum + part.pages; }, 0);
      var overall = words.map(function (_, w) {
        return having.reduce(function (sum, counts) { return sum + counts[w]; }, 0);
      });
      return parts.map(function (part, p) {
        var own = 0, global = 0;
        words.forEach(function (_, w) {
          if (!having[p][w]) return;
          own += idf(part.pages, having[p][w]);
          global += idf(total, overall[w]);
        });
        return own > 0 ? global / own : 1;
      });
    });
  }

  function searchAll(parts, query, chosen) {
    var options = { filters: chosen, sort: query ? undefined : { date: "desc" } };
    var found = Promise.all(parts.map(function (part) {
      return part.module.search(query || null, options);
    }));
    if (!query || parts.length < 2) {
      return found.then(function (all) {
        return [].concat.apply([], all.map(function (f) { return f.results; }));
      });
    }
    return Promise.all([found, rescale(parts, query)]).then(function (both) {
      var merged = [];
      both[0].forEach(function (f, p) {
        f.results.forEach(function (result) {
          merged.push({ result: result, score: result.score * both[1][p] });
        });
      });
      merged.sort(function (a, b) { return b.score - a.score; });
      return merged.map(function (entry) { return entry.result; });
    });
  }

  function filters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.name] = select.value;
    });
    return chosen;
  }

  function syncUrl(query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    selects.forEach(function (select) {
      if (select.value) params.set(select.name, select.value);
    });
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  function plain(word) {
    return word.toLowerCase().replace(/[^0-9a-z\u00c0-\uffff]/g, "");
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* How many words at the start of the indexed text are the title. */
  function titleWords(words, title) {
    var wanted = (title || "").split(/\s+/).map(plain).filter(Boolean);
    if (!wanted.length) return 0;
    for (var start = 0; start < Math.min(words.length, 40); start++) {
      var at = start, matched = 0;
      while (matched < wanted.length && at < words.length) {
        var word = plain(words[at]);
        if (!word) { at++; continue; }
        if (word !== wanted[matched]) break;
        matched++; at++;
      }
      if (matched === wanted.length) return at;
    }
    return 0;
  }

  /* The excerpt: EXCERPT_WORDS words after the title, from a little before
     the first word found there, found words marked. Pagefind's content is
     the page's raw text: every word is escaped before <mark> is added. */
  function excerptOf(data) {
    var words = (data.content || "").split(/[\r\n\s]+/g);
    var skip = titleWords(words, data.meta.title);
    var found = (data.locations || []).filter(function (at) { return at >= skip; });
    var start = found.length ? Math.max(skip, found[0] - 6) : skip;
    if (start + EXCERPT_WORDS > words.length) start = Math.max(skip, words.length - EXCERPT_WORDS);
    var marked = {};
    found.forEach(function (at) { marked[at] = true; });
    var picked = [];
    for (var i = start; i < Math.min(words.length, start + EXCERPT_WORDS); i++) {
      var word = escapeHtml(words[i]);
      picked.push(marked[i] ? "<mark>" + word + "</mark>" : word);
    }
    var text = picked.join(" ").trim();
    return (start > skip ? "… " : "") + text + (start + EXCERPT_WORDS < words.length ? " …" : "");
  }

  function item(data) {
    var li = document.createElement("li");
    var meta = document.createElement("p");
    meta.className = "card-meta";
    meta.textContent = [data.meta.kategori, data.meta.tanggal, data.meta.putusan]
      .filter(Boolean).join(" · ");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    var excerpt = document.createElement("p");
    excerpt.innerHTML = excerptOf(data); /* escaped words, and <mark> */
    li.append(meta, heading, excerpt);
    return li;
  }

  function showMore() {
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      items.forEach(function (data) { list.appendChild(item(data)); });
      moreButton.hidden = shown >= results.length;
    });
  }

  function search() {
    var query = input.value.trim();
    var chosen = filters();
    var mine = ++run;
    syncUrl(query);
    if (!query && !Object.keys(chosen).length) {
      list.textContent = "";
      status.textContent = "";
      if (moreButton) moreButton.hidden = true;
      return;
    }
    status.textContent = text("loading", {});
    load().then(function (parts) {
      return searchAll(parts, query, chosen);
    }).then(function (found) {
      if (mine !== run) return;
      results = found;
      shown = 0;
      list.textContent = "";
      var count = results.length;
      var key = count === 0 ? "none" : count === 1 ? "one" : "many";
      status.textContent = text(key, { count: count, query: query });
      if (!moreButton) {
        moreButton = document.createElement("button");
        moreButton.type = "button";
        moreButton.className = "button button--secondary";
        moreButton.textContent = form.getAttribute("data-more");
        moreButton.addEventListener("click", showMore);
        list.after(moreButton);
      }
      return showMore();
    }).catch(function () {
      if (mine === run) status.textContent = text("failed", {});
    });
  }

  var timer = 0;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  selects.forEach(function (select) { select.addEventListener("change", search); });

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted) select.value = wanted;
  });
  if (input.value || selects.some(function (s) { return s.value; })) search();
})();
