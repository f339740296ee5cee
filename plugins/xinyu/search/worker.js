/* xinyu: the search worker (in place of Material's; same messages).
 *
 * Material's page sends SETUP with the manifest (search/search_index.json,
 * written by index.py: no documents, only where the index files are) and a
 * QUERY for every keystroke; this worker answers READY and RESULT as
 * Material's own would. It fetches only what a query needs: the word
 * buckets of the query's characters, the title chunks of the pages found,
 * and the opening text of the first results.
 *
 * A query is segmented against the words the index has (longest first);
 * every word is required somewhere on the page (三年级 学习适应 finds
 * grade-3 study lessons, 不存在的词汇甲乙 finds nothing); a word matches
 * the index words it begins (情绪 finds 情绪调适). When no page has them
 * all, the pages with at least half of the query's weight are shown (a
 * word weighs more the fewer pages have it: in 孩子 自信, 自信 decides),
 * best covered first, each with its missing words struck through as
 * Material does. A word the index has whole also finds, ranked lower, the
 * pages with the words it is made of (情绪管理 -> 情绪 + 管理, for
 * 管理情绪). Stop characters (的, 和 …) and question words (怎么办, 如何 …)
 * are not required. Items (lessons, cases, courses) are shown before any
 * page that lists or explains them.
 *
 * Offline (file://, the iframe-worker shim runs this file in a hidden
 * iframe), each index file is read as a script that hands its data to
 * xinyuData(); online it is fetched as JSON.
 */
"use strict";

var XINYU_STOPWORDS = "的地得了和与及或在是之也很都就还把被让给对从向为以于吗呢吧啊着过";
/* Words that ask rather than say what is sought, longest first. */
var XINYU_QUESTION_WORDS = ["为什么", "怎么办", "怎么样", "有没有", "怎么", "怎样", "如何",
  "什么", "哪些", "哪里", "是否", "能否", "之间", "一下", "关于", "有关"];
var XINYU_HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
var XINYU_PARTS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
var XINYU_FIRST = 10;           /* results that get their opening text */
var XINYU_SUB_FACTOR = 0.7;     /* a longer word the query word begins */
var XINYU_SPLIT_FACTOR = 0.5;   /* a compound word's parts, found apart */
var XINYU_PARTIAL_FACTOR = 0.5; /* a page without some of the words typed */
var XINYU_COMMON_CHARACTER = 0.1; /* a character more pages have is not required */
var XINYU_COVERAGE = 0.5;       /* the least share of the query's weight a page must have */

var xinyuSource = typeof document !== "undefined" && document.currentScript
  ? document.currentScript.src : self.location.href;
var xinyuOffline = new URL(xinyuSource).protocol === "file:";
/* The worker sits in assets/javascripts/workers/ of the site. */
var xinyuBase = new URL("../../../search/xinyu/", xinyuSource).href;
var xinyuManifest = null;
var xinyuSeparator = /[\s\u200b]+/;
var xinyuFiles = {};            /* name -> Promise of its data */
var xinyuWaiting = {};          /* name -> resolve (offline scripts) */
var xinyuLatest = 0;

function xinyuData(name, data) {  /* called by an offline index script */
  if (xinyuWaiting[name]) xinyuWaiting[name](data);
}
self.xinyuData = xinyuData;

function xinyuLoad(name) {
  if (!xinyuFiles[name]) {
    if (xinyuOffline) {
      xinyuFiles[name] = new Promise(function (resolve, reject) {
        xinyuWaiting[name] = resolve;
        try {
          var loaded = importScripts(xinyuBase + name + ".js");
          if (loaded && typeof loaded.then === "function") loaded.then(null, reject);
        } catch (error) {
          reject(error);
        }
      });
    } else {
      var url = xinyuBase + name + ".json?v=" + encodeURIComponent(xinyuManifest.stamp);
      xinyuFiles[name] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error("xinyu: " + url + " " + response.status);
        return response.json();
      });
    }
    xinyuFiles[name].catch(function () { delete xinyuFiles[name]; });
  }
  return xinyuFiles[name];
}

function xinyuBucket(word) {
  var code = word.codePointAt(0);
  return (code * 2654435761) % 4294967296 % xinyuManifest.buckets;
}

/* The words of every bucket the characters of `text` fall in, merged. */
function xinyuWords(text) {
  var names = {};
  Array.from(text).forEach(function (char) {
    if (!xinyuSeparator.test(char)) names["t" + xinyuBucket(char)] = true;
  });
  var list = Object.keys(names);
  return Promise.all(list.map(xinyuLoad)).then(function (buckets) {
    var words = {};
    buckets.forEach(function (bucket) {
      for (var word in bucket) words[word] = bucket[word];
    });
    return words;
  });
}

function xinyuDecode(text) {
  var numbers = [], value = 0;
  for (var i = 0; i < text.length; i++) {
    var code = text.charCodeAt(i);
    if (code >= 97) value = value * 26 + code - 97;
    else { numbers.push(value * 26 + code - 65); value = 0; }
  }
  return numbers;
}

function xinyuSorted(words) {
  if (!words.xinyuSorted) {
    Object.defineProperty(words, "xinyuSorted", { value: Object.keys(words).sort() });
  }
  return words.xinyuSorted;
}

/* The index words that begin with `prefix`. */
function xinyuBeginning(words, prefix) {
  var sorted = xinyuSorted(words), low = 0, high = sorted.length, found = [];
  while (low < high) {
    var middle = (low + high) >> 1;
    if (sorted[middle] < prefix) low = middle + 1; else high = middle;
  }
  for (var i = low; i < sorted.length && sorted[i].indexOf(prefix) === 0; i++) found.push(sorted[i]);
  return found;
}

function xinyuHas(words, word) {
  return Object.prototype.hasOwnProperty.call(words, word);
}

/* The length of the question word `text` begins with, or 0. */
function xinyuAsking(text) {
  for (var i = 0; i < XINYU_QUESTION_WORDS.length; i++) {
    if (text.indexOf(XINYU_QUESTION_WORDS[i]) === 0) return XINYU_QUESTION_WORDS[i].length;
  }
  return 0;
}

/* A run of Chinese characters as the words to require. */
function xinyuSegment(run, words) {
  var terms = [];
  for (var i = 0; i < run.length;) {
    var rest = run.slice(i), best = 0, asks = xinyuAsking(rest);
    if (asks && (i > 0 || asks < run.length)) { i += asks; continue; }  /* unless asked alone */
    for (var length = Math.min(rest.length, 12); length > 0; length--) {
      if (xinyuHas(words, rest.slice(0, length))) { best = length; break; }
    }
    if (rest.length > best && xinyuBeginning(words, rest).length) {  /* still being typed */
      terms.push(rest);
      break;
    }
    if (best <= 1 && XINYU_STOPWORDS.indexOf(rest.charAt(0)) !== -1) { i += 1; continue; }
    terms.push(rest.slice(0, Math.max(best, 1)));
    i += Math.max(best, 1);
  }
  return terms;
}

/* The words to require, as typed: one list per space-separated chunk. */
function xinyuChunks(query, words) {
  var chunks = [], seen = {};
  query.toLowerCase().split(xinyuSeparator).forEach(function (chunk) {
    var terms = [];
    (chunk.match(XINYU_PARTS) || []).forEach(function (part) {
      if (XINYU_HAN.test(part)) terms = terms.concat(xinyuSegment(part, words));
      else if (part.trim()) terms.push(part.trim());
    });
    terms = terms.filter(function (term) { return !seen[term] && (seen[term] = true); });
    if (terms.length) chunks.push(terms);
  });
  return chunks;
}


/* {page: {score, sections: {section: score}}} for one query word. */
function xinyuMatch(term, words) {
  var pages = {};
  xinyuBeginning(words, term).forEach(function (word) {
    var factor = word === term ? 1 : XINYU_SUB_FACTOR;
    var numbers = xinyuDecode(words[word]), page = 0;
    for (var i = 0; i < numbers.length; i += 3) {
      page += numbers[i];
      var score = numbers[i + 2] * factor, hit = pages[page];
      if (!hit) hit = pages[page] = { score: 0, sections: {} };
      if (!(hit.sections[numbers[i + 1]] >= score)) hit.sections[numbers[i + 1]] = score;
      if (score > hit.score) hit.score = score;
    }
  });
  return pages;
}

/* xinyuMatch, and for a compound word (情绪管理) also the pages that have
 * both its words (管理情绪), ranked below the pages that have it whole. */
function xinyuMatchAny(term, words) {
  var pages = xinyuMatch(term, words), parts = xinyuSplit(term, words);
  if (parts.length < 2) return pages;
  var both = xinyuRank(parts, words, xinyuMatch);
  both.forEach(function (hit) {
    if (pages[hit.page]) return;
    var sections = {};
    for (var section in hit.sections) sections[section] = hit.sections[section] * XINYU_SPLIT_FACTOR;
    pages[hit.page] = { score: hit.score * XINYU_SPLIT_FACTOR, sections: sections };
  });
  return pages;
}

/* Pages with every term: [{page, score, sections: {section: score}}], best first. */
function xinyuRank(terms, words, match) {
  var matches = terms.map(function (term) { return (match || xinyuMatchAny)(term, words); });
  var found = [];
  Object.keys(matches[0] || {}).forEach(function (page) {
    var score = 0, sections = {};
    for (var m = 0; m < matches.length; m++) {
      var hit = matches[m][page];
      if (!hit) return;
      score += hit.score;
      for (var section in hit.sections) {
        sections[section] = (sections[section] || 0) + hit.sections[section];
      }
    }
    found.push({ page: +page, score: score, sections: sections });
  });
  return found.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
}

/* No page has every word typed: the pages with at least XINYU_COVERAGE of
 * the query's weight, where a word weighs log(1 + pages / pages with it)
 * (a word no page has weighs the most), best covered first; the words a
 * page lacks are shown as missing (缺少, struck through). */
function xinyuPartial(terms, words) {
  var total = Math.max(xinyuManifest.pages || 1, 1);
  var matches = terms.map(function (term) { return xinyuMatchAny(term, words); });
  var weights = matches.map(function (pages) {
    return Math.log(1 + total / Math.max(Object.keys(pages).length, 1));
  });
  var sum = weights.reduce(function (a, b) { return a + b; }, 0), byPage = {};
  matches.forEach(function (pages, m) {
    Object.keys(pages).forEach(function (page) {
      var hit = byPage[page] || (byPage[page] = { page: +page, score: 0, sections: {}, covered: 0, terms: {} });
      hit.covered += weights[m];
      hit.score += pages[page].score;
      hit.terms[terms[m]] = true;
      for (var section in pages[page].sections) {
        hit.sections[section] = (hit.sections[section] || 0) + pages[page].sections[section];
      }
    });
  });
  var found = [];
  Object.keys(byPage).forEach(function (page) {
    var hit = byPage[page], share = hit.covered / sum;
    if (share < XINYU_COVERAGE) return;
    terms.forEach(function (term) { if (!hit.terms[term]) hit.terms[term] = false; });
    hit.score *= XINYU_PARTIAL_FACTOR * share;
    hit.share = share;
    found.push(hit);
  });
  return found.sort(function (a, b) { return b.share - a.share || b.score - a.score || a.page - b.page; });
}

/* The words a page need not have add to its score where it has them. */
function xinyuBonus(found, optional, words) {
  optional.forEach(function (term) {
    var pages = xinyuMatchAny(term, words);
    found.forEach(function (hit) {
      var extra = pages[hit.page];
      hit.terms[term] = !!extra;
      if (!extra) return;
      hit.score += extra.score;
      for (var section in extra.sections) {
        if (section in hit.sections) hit.sections[section] += extra.sections[section];
      }
    });
  });
  found.sort(function (a, b) { return (b.share || 1) - (a.share || 1) || b.score - a.score || a.page - b.page; });
}

function xinyuSplit(term, words) {
  for (var cut = 2; cut <= term.length - 2; cut++) {
    if (xinyuHas(words, term.slice(0, cut)) && xinyuHas(words, term.slice(cut))) {
      return [term.slice(0, cut), term.slice(cut)];
    }
  }
  return [term];
}

function xinyuEscape(text) {
  return String(text).replace(/[&<>"']/g, function (char) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[char];
  });
}

/* `text` as HTML with the query's words marked as Material marks them. */
function xinyuMark(text, terms) {
  var lower = text.toLowerCase(), out = "", at = 0;
  while (at < text.length) {
    var next = -1, length = 0;
    terms.forEach(function (term) {
      var i = lower.indexOf(term, at);
      if (i !== -1 && (next === -1 || i < next || (i === next && term.length > length))) {
        next = i; length = term.length;
      }
    });
    if (next === -1) break;
    out += xinyuEscape(text.slice(at, next)) +
      "<mark data-md-highlight>" + xinyuEscape(text.slice(next, next + length)) + "</mark>";
    at = next + length;
  }
  return out + xinyuEscape(text.slice(at));
}

/* Material's result: one group per page, the page first, then its sections. */
function xinyuResult(found, terms, marked, words) {
  var chunk = xinyuManifest.chunk, teasers = xinyuManifest.teasers;
  var names = {};
  found.forEach(function (hit, rank) {
    names["p" + Math.floor(hit.page / chunk)] = true;
    if (rank < XINYU_FIRST) names["x" + Math.floor(hit.page / teasers)] = true;
  });
  var list = Object.keys(names);
  var data = {};
  function load(list) {
    return Promise.all(list.map(xinyuLoad)).then(function (files) {
      list.forEach(function (name, i) { data[name] = files[i]; });
    });
  }
  function row(hit) { return data["p" + Math.floor(hit.page / chunk)][hit.page % chunk]; }
  return load(list).then(function () {
    /* Items first, then the pages that list or explain them (each in rank order);
     * the teasers of a listing that moved down were fetched for nothing, and
     * those of an item that moved up are fetched now. */
    found = found.filter(function (hit) { return !row(hit)[5]; })
      .concat(found.filter(function (hit) { return row(hit)[5]; }));
    return load(found.slice(0, XINYU_FIRST).map(function (hit) {
      return "x" + Math.floor(hit.page / teasers);
    }).filter(function (name) { return !data[name]; }));
  }).then(function () {
    var items = found.map(function (hit, rank) {
      var flags = hit.terms, page = row(hit);
      var texts = rank < XINYU_FIRST ? data["x" + Math.floor(hit.page / teasers)][hit.page % teasers] : [];
      var url = page[0], tags = page[2] || [];
      var article = {
        location: url, title: xinyuMark(page[1], marked), text: xinyuMark(texts[0] || "", marked),
        score: hit.score * 2, terms: flags
      };
      if (tags.length) article.tags = tags.map(xinyuEscape);
      var group = [article];
      Object.keys(hit.sections).forEach(function (section) {
        if (+section === 0) return;
        group.push({
          location: url + page[3][section - 1], title: xinyuMark(page[4][section - 1], marked),
          text: xinyuMark(texts[section] || "", marked), score: hit.sections[section], terms: flags
        });
      });
      var sections = group.slice(1).sort(function (a, b) { return b.score - a.score; });
      return [article].concat(sections);
    });
    var result = { items: items };
    var last = terms[terms.length - 1];
    if (last && items.length) {
      var longer = xinyuBeginning(words, last).filter(function (word) {
        return word !== last && /^[\u3400-\u4dbf\u4e00-\u9fff\w]+$/.test(word);
      });
      if (longer.length) result.suggest = [longer[0]];
    }
    return result;
  });
}

function xinyuSearch(query) {
  if (!xinyuManifest) return Promise.resolve({ items: [] });
  var text = query.replace(/[*+\-:^~"]/g, " ");
  return xinyuWords(text.toLowerCase()).then(function (words) {
    var chunks = xinyuChunks(text, words);
    var terms = [].concat.apply([], chunks);
    if (!terms.length) return { items: [] };
    /* A one-character word that many pages have (做 and 大 in 中考前家长怎么做,
     * 孩子压力大) is not required beside longer ones: the pages that have it
     * rank higher. A rare one (甲, 闹) is required as any word. */
    var common = Math.max(xinyuManifest.pages || 0, 1) * XINYU_COMMON_CHARACTER;
    var required = terms.filter(function (term) {
      return !(term.length === 1 && XINYU_HAN.test(term) &&
               Object.keys(xinyuMatch(term, words)).length > common);
    });
    if (!required.length) required = terms;
    var optional = terms.filter(function (term) { return required.indexOf(term) === -1; });
    var found = xinyuRank(required, words);
    found.forEach(function (hit) {
      hit.terms = {};
      required.forEach(function (term) { hit.terms[term] = true; });
    });
    if (!found.length && required.length > 1) found = xinyuPartial(required, words);
    xinyuBonus(found, optional, words);
    var marked = [].concat.apply(terms, terms.map(function (term) { return xinyuSplit(term, words); }));
    return xinyuResult(found, terms, marked, words);
  });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) {                                               /* SETUP */
    var data = message.data || {};
    if (data.config && data.config.separator) xinyuSeparator = new RegExp(data.config.separator);
    xinyuManifest = (data.config && data.config.xinyu) || null;
    self.postMessage({ type: 1 });                                        /* READY */
  } else if (message.type === 2) {                                        /* QUERY */
    var number = ++xinyuLatest;
    xinyuSearch(String(message.data || "")).then(function (result) {
      if (number === xinyuLatest) self.postMessage({ type: 3, data: result });
    }, function (error) {
      console.warn("xinyu: search failed", error);
      if (number === xinyuLatest) self.postMessage({ type: 3, data: { items: [] } });
    });
  }
});
