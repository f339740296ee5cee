/* xinyu: client-side facet filters and sorting over a plain list.
 *
 * Progressive enhancement: without JavaScript the page is the complete list
 * and the filter form stays hidden. State lives in the URL query, so a
 * filtered view can be shared as a link.
 *
 * Markup: <form class="xinyu-facets" data-target="LIST_ID" hidden> with
 * <select name="FACET"> (and optionally <select name="sort">). The items are
 * the [data-facets-item] elements inside the list (or its children), and
 * carry data-facet-FACET="a|b" and data-sort-KEY="value"; a [data-facets-group]
 * is hidden while none of its items is shown.
 */
(function () {
  "use strict";

  function values(item, facet) {
    var raw = item.getAttribute("data-facet-" + facet);
    return raw ? raw.split("|") : [];
  }

  function compare(key) {
    var descending = key.charAt(0) === "-";
    var attribute = "data-sort-" + (descending ? key.slice(1) : key);
    return function (a, b) {
      var x = a.getAttribute(attribute) || "", y = b.getAttribute(attribute) || "";
      var result = x.localeCompare(y, "zh-Hans-CN", { numeric: true });
      if (result === 0) result = Number(a.dataset.order) - Number(b.dataset.order);
      return descending ? -result : result;
    };
  }

  function setup(form) {
    if (form.dataset.ready) return;
    form.dataset.ready = "1";
    var list = document.getElementById(form.getAttribute("data-target"));
    if (!list) return;
    var marked = list.querySelectorAll("[data-facets-item]");
    var items = Array.prototype.slice.call(marked.length ? marked : list.children);
    var groups = Array.prototype.slice.call(list.querySelectorAll("[data-facets-group]"));
    items.forEach(function (item, index) { item.dataset.order = String(index); });
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = form.querySelector(".xinyu-facets__count");
    var empty = document.getElementById(form.getAttribute("data-empty"));

    var query = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = query.get(select.name);
      if (wanted !== null && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        select.value = wanted;
      }
    });

    function apply(updateUrl) {
      var params = new URLSearchParams(window.location.search);
      var shown = 0;
      var sort = null;
      var filters = [];
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
        if (select.name === "sort") sort = select.value; else if (select.value) filters.push(select);
      });
      if (sort) items.slice().sort(compare(sort)).forEach(function (item) { item.parentNode.appendChild(item); });
      items.forEach(function (item) {
        var visible = filters.every(function (select) {
          return values(item, select.name).indexOf(select.value) !== -1;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      // each option shows how many items it would leave, given the other filters
      selects.forEach(function (select) {
        if (select.name === "sort") return;
        var others = filters.filter(function (other) { return other !== select; });
        Array.prototype.forEach.call(select.options, function (option) {
          if (!option.value) return;
          var label = option.getAttribute("data-label") || option.textContent;
          var n = items.filter(function (item) {
            return values(item, select.name).indexOf(option.value) !== -1 && others.every(function (other) {
              return values(item, other.name).indexOf(other.value) !== -1;
            });
          }).length;
          option.textContent = label + "（" + n + "）";
        });
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-facets-item]:not([hidden])");
      });
      if (count) count.textContent = "共 " + shown + " 项";
      if (empty) empty.hidden = shown !== 0;
      if (updateUrl) {
        var search = params.toString();
        history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
      }
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(true); });
    });
    var reset = form.querySelector("[type=reset]");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        selects.forEach(function (select) { select.value = select.name === "sort" ? select.options[0].value : ""; });
        apply(true);
      });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
    form.hidden = false;  // shown once the list already reflects it
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.xinyu-facets"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
