/* Search with Pagefind. The index and its code (pagefind.js, WebAssembly,
   index chunks) load only when the reader starts a search. Filters come
   from the form, rendered at build time, so nothing loads before that.
   A large hub's index comes in parts, newest posts first (listed in
   pelita-parts.json, see plugins/sitesearch/parts.py): every part is
   searched, results of a query are merged by score, and "newest first"
   browsing takes the parts in their order. */
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

  /* Every part of the index, the newest first: a promise of modules. */
  function load() {
    if (!pagefind) {
      var bundle = new URL(form.getAttribute("data-bundle"), document.baseURI).href;
      var root = new URL(form.getAttribute("data-root"), document.baseURI).pathname;
      pagefind = Promise.all([open(bundle, root), partsOf(bundle)]).then(function (first) {
        return Promise.all(first[1].map(function (part) { return open(part, root); }))
          .then(function (more) { return [first[0]].concat(more); });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  function searchAll(modules, query, chosen) {
    var options = { filters: chosen, sort: query ? undefined : { date: "desc" } };
    return Promise.all(modules.map(function (module) {
      return module.search(query || null, options);
    })).then(function (found) {
      var merged = [].concat.apply([], found.map(function (f) { return f.results; }));
      if (query && found.length > 1) {
        merged.sort(function (a, b) { return b.score - a.score; });
      }
      return merged;
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
    excerpt.innerHTML = data.excerpt; /* Pagefind escapes the page text and adds <mark> */
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
    load().then(function (modules) {
      return searchAll(modules, query, chosen);
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
