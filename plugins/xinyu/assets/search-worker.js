/* xinyu: Chinese queries for Material's search worker.
 *
 * Loaded instead of Material's worker (same folder, so Material's relative
 * imports still resolve); it loads that worker and changes only how a query
 * becomes lunr clauses. Material ORs prefix matches of every substring of a
 * Chinese query it finds in the index, so a nonsense query still returns
 * pages through single characters. Here a query is segmented against the
 * index's own vocabulary (longest words first), and every word is required:
 * 三年级 学习适应 finds grade-3 study lessons, 不存在的词汇甲乙 finds nothing.
 * Only when that finds nothing are compound words split into the words they
 * are made of (情绪管理 -> 情绪 + 管理), to find pages that say 管理情绪.
 */
"use strict";

var xinyuQuery = null;
var xinyuSeparator = /[\s\u200b]+/;
var XINYU_STOPWORDS = "的地得了和与及或在是之也很都就还把被让给对从向为以于吗呢吧啊着过".split("");
var XINYU_HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0 && message.data && message.data.config) {          // SETUP
    xinyuSeparator = new RegExp(message.data.config.separator);
  } else if (message.type === 2) {                                        // QUERY
    xinyuQuery = String(message.data || "");
  }
});

/* Material's worker, named in this script's query (?material=search.….min.js).
 * In the offline copy (file://) the iframe-worker shim runs this file as a
 * script in a hidden iframe: then its URL is the script element's, relative
 * names resolve against the page, and importScripts returns a Promise. */
var xinyuSource = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
var xinyuLoaded = importScripts(new URL(
  String(new URL(xinyuSource).searchParams.get("material") || "").split("?")[0],
  xinyuSource).href);

function xinyuVocabulary(index) {
  if (!index.xinyuWords) {
    index.xinyuWords = Object.keys(index.invertedIndex).sort();
  }
  return index.xinyuWords;
}

function xinyuHasPrefix(words, prefix) {
  var low = 0, high = words.length;
  while (low < high) {
    var middle = (low + high) >> 1;
    if (words[middle] < prefix) low = middle + 1; else high = middle;
  }
  return low < words.length && words[low].indexOf(prefix) === 0;
}

/* The words of a run of Chinese characters, each to be required. */
function xinyuSegment(run, index, words) {
  var terms = [];
  for (var i = 0; i < run.length;) {
    var rest = run.slice(i);
    var best = 0;
    for (var length = Math.min(rest.length, 12); length > 0; length--) {
      if (xinyuHas(index, rest.slice(0, length))) {
        best = length;
        break;
      }
    }
    if (rest.length > best && xinyuHasPrefix(words, rest)) {   // a word still being typed
      terms.push(rest);
      break;
    }
    if (best <= 1 && XINYU_STOPWORDS.indexOf(rest.charAt(0)) !== -1) {
      i += 1;                                                    // 的, 和 …: not required
      continue;
    }
    terms.push(rest.slice(0, Math.max(best, 1)));
    i += Math.max(best, 1);
  }
  return terms;
}

function xinyuHas(index, word) {
  return Object.prototype.hasOwnProperty.call(index.invertedIndex, word);
}

/* 情绪管理 -> [情绪, 管理] when both halves are words of the index. */
function xinyuSplit(term, index) {
  for (var cut = 2; cut <= term.length - 2; cut++) {
    if (xinyuHas(index, term.slice(0, cut)) && xinyuHas(index, term.slice(cut))) {
      return [term.slice(0, cut), term.slice(cut)];
    }
  }
  return [term];
}

function xinyuTerms(query, index) {
  var words = xinyuVocabulary(index);
  var terms = [];
  query.toLowerCase().split(xinyuSeparator).forEach(function (chunk) {
    chunk = chunk.replace(/[*+\-:^~"]/g, "");
    var parts = chunk.match(/[\u3400-\u4dbf\u4e00-\u9fff]+|[^\u3400-\u4dbf\u4e00-\u9fff]+/g) || [];
    parts.forEach(function (part) {
      if (XINYU_HAN.test(part)) {
        terms = terms.concat(xinyuSegment(part, index, words));
      } else if (part.trim()) {
        terms.push(part.trim());
      }
    });
  });
  return terms;
}

function xinyuPatch() {
  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (queryString) {
    var query = xinyuQuery;
    if (query === null) return search.call(this, queryString);
    var terms;
    try {
      terms = xinyuTerms(query, this);
    } catch (error) {
      return search.call(this, queryString);
    }
    if (!terms.length) return [];
    var index = this;
    function requireAll(words) {
      return index.query(function (builder) {
        words.forEach(function (word) {
          builder.term(word, {
            presence: lunr.Query.presence.REQUIRED,
            wildcard: lunr.Query.wildcard.TRAILING,
            usePipeline: false
          });
        });
      });
    }
    var results = requireAll(terms);
    if (!results.length) {
      var parts = [].concat.apply([], terms.map(function (term) { return xinyuSplit(term, index); }));
      if (parts.length > terms.length) results = requireAll(parts);
    }
    return results;
  };
}

if (xinyuLoaded && typeof xinyuLoaded.then === "function") {
  xinyuLoaded.then(xinyuPatch);    // the shim: once Material's worker has run
} else {
  xinyuPatch();
}
