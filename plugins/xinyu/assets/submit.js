/* xinyu: 投稿 — contributing a lesson, case, course or training module
 * without Git.
 *
 * The form is built from the same declarations `xinyu check` validates
 * against (the tool's data, xinyu/submission.py: each kind's fields, their
 * types, the body sections, the rules across fields) and every message is
 * the checker's own template (core/rules.py), filled the way
 * core/validate.py and rules.report fill them. The page validates the very
 * file it writes: each value is written so that YAML reads back exactly
 * what is checked here (strings as double-quoted JSON-style strings,
 * integers only when they are plain digits, a date only when it is a real
 * date), so the page and `xinyu check` see the same file.
 *
 * Nothing leaves the browser unless the teacher takes it: no request is
 * made; the file is downloaded (Blob), copied, put in a mailto: link or in
 * the repository's new-file link. The draft is kept in localStorage; the
 * kind being written is in the address (?kind=case) so a link opens the
 * right form (the draft itself is never put in a link: it may hold text a
 * teacher would not want in a chat).
 */
(function () {
  "use strict";

  var STORE = "xinyu-submit";
  var MAILTO_MAX = 6000;  // characters of a mailto: address; a longer file is cut, with a note
  var REPO_URL_MAX = 8000;  // a new-file address with the text in it; longer: the text is pasted
  var DRAFT = "（草稿）";  // what loader._as_warning puts before a draft's messages

  /* ---------- Python's text semantics (core/fields.py) ---------- */

  // str.isspace(), which str.strip() and str.split() use, and re's \s on str
  var PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var STRIP = new RegExp("^[" + PY_SPACE + "]+|[" + PY_SPACE + "]+$", "g");
  var SPACES = new RegExp("[" + PY_SPACE + "]+", "g");
  var INT_HINT = new RegExp("^[" + PY_SPACE + "]*(\\p{Nd}+)", "u");
  var FULLWIDTH_COMMA = new RegExp("\\p{Nd}[" + PY_SPACE + "]*[，、][" + PY_SPACE + "]*\\p{Nd}", "u");
  var DIGITS_ONLY = new RegExp("^[" + PY_SPACE + "]*[0-9]+[" + PY_SPACE + "]*$");
  var MONTH = /^(\p{Nd}{4})-(\p{Nd}{1,2})$/u;
  var LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

  function strip(text) { return String(text).replace(STRIP, ""); }

  // What the page writes: no NUL, no half of a surrogate pair (neither can be saved as UTF-8).
  function clean(value) {
    if (value === null || value === undefined) return "";
    return String(value).replace(LONE_SURROGATE, "\uFFFD").replace(/\u0000/g, "");
  }

  // fields._shown: a value as typed, on one line and bounded
  function shown(value) {
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "bigint" || typeof value === "number") return String(value);
    var text = strip(String(value)).replace(SPACES, " ");
    var list = Array.from(text);
    return list.length <= 60 ? text : list.slice(0, 57).join("") + "…";
  }

  // fields._describe, for the texts the page writes
  function describe(value) { return "“" + shown(value) + "”"; }

  // A decimal digit's value (Unicode keeps each script's digits 0-9 in a row).
  function digitValue(character) {
    var code = character.codePointAt(0), count = 0;
    while (count < 10 && /\p{Nd}/u.test(String.fromCodePoint(code - count - 1))) count += 1;
    return count % 10;
  }

  function decimal(text) {
    return Array.from(text).reduce(function (total, c) { return total * 10 + digitValue(c); }, 0);
  }

  function byCodePoint(a, b) {
    var x = Array.from(a), y = Array.from(b);
    for (var i = 0; i < Math.min(x.length, y.length); i += 1) {
      var d = x[i].codePointAt(0) - y[i].codePointAt(0);
      if (d) return d;
    }
    return x.length - y.length;
  }

  /* difflib.SequenceMatcher(None, candidate, word).ratio() and
     get_close_matches(word, choices, n=1, cutoff=0.6), for rules.did_you_mean */
  function ratio(a, b) {
    var la = a.length, lb = b.length;
    if (!la && !lb) return 1;
    var b2j = new Map();
    b.forEach(function (element, j) {
      if (!b2j.has(element)) b2j.set(element, []);
      b2j.get(element).push(j);
    });
    if (lb >= 200) {  // autojunk: elements in more than 1% of a long b are not indexed
      var limit = Math.floor(lb / 100) + 1;
      Array.from(b2j.keys()).forEach(function (element) {
        if (b2j.get(element).length > limit) b2j.delete(element);
      });
    }
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = new Map();
      for (var i = alo; i < ahi; i += 1) {
        var next = new Map(), positions = b2j.get(a[i]) || [];
        for (var n = 0; n < positions.length; n += 1) {
          var j = positions[n];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = (j2len.get(j - 1) || 0) + 1;
          next.set(j, k);
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        j2len = next;
      }
      while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti -= 1; bestj -= 1; bestsize += 1; }
      while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize += 1;
      return [besti, bestj, bestsize];
    }
    var matches = 0, queue = [[0, la, 0, lb]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        matches += m[2];
        if (q[0] < m[0] && q[2] < m[1]) queue.push([q[0], m[0], q[2], m[1]]);
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
      }
    }
    return 2 * matches / (la + lb);
  }

  function didYouMean(value, choices) {
    var word = Array.from(String(value)), best = null, bestScore = -1;
    choices.forEach(function (choice) {
      var score = ratio(Array.from(String(choice)), word);
      if (score >= 0.6 && (score > bestScore || (score === bestScore && byCodePoint(String(choice), best) > 0))) {
        best = String(choice);
        bestScore = score;
      }
    });
    return best === null ? "" : "（是不是想写 " + best + "？）";
  }

  /* ---------- YAML the checker reads back exactly ---------- */

  // A double-quoted scalar (JSON-style escapes are YAML escapes): one line,
  // whatever the text holds (quotes, '---', '#', ': ').
  function quote(text) {
    var out = "\"";
    Array.from(text).forEach(function (ch) {
      var code = ch.codePointAt(0);
      if (ch === "\"" || ch === "\\") out += "\\" + ch;
      else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 ||
               code === 0xfeff || code === 0xfffe || code === 0xffff) {
        out += "\\u" + ("000" + code.toString(16)).slice(-4);
      } else out += ch;
    });
    return out + "\"";
  }

  function validDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m || Number(m[1]) < 1) return false;
    var date = new Date(Date.UTC(2000, Number(m[2]) - 1, Number(m[3])));
    date.setUTCFullYear(Number(m[1]));
    return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 &&
      date.getUTCDate() === Number(m[3]);
  }

  /* ---------- messages: rules.report ---------- */

  function fill(rules, key, values) {
    var rule = rules[key];
    return rule.template.replace(/\{([A-Za-z_]+)\}/g, function (_, name) {
      var value = values[name];
      return value === undefined || value === null ? "" : String(value);
    });
  }

  /* ---------- Markdown structure: core/markdown.py ---------- */

  var FENCE = /^([ \t]*)(`{3,}|~{3,})([^\n]*)$/;
  var LIST_ITEM = /^[ ]{0,3}(?:[-*+]|\p{Nd}{1,9}[.)])(?:[ \t]|$)/u;
  var INDENTED = /^(?: {4}|\t)/;
  var HEADING = /^[ ]{0,3}(#{1,6})(?:[ \t]+([^\n]*?))?[ \t]*(?:[ \t]#+)?[ \t]*$/;

  function indent(line) {
    var width = 0;
    for (var i = 0; i < line.length; i += 1) {
      if (line[i] === " ") width += 1;
      else if (line[i] === "\t") width += 4 - width % 4;
      else break;
    }
    return width;
  }

  function codeLines(body) {
    var flags = [], fence = null, blankBefore = true, inList = false;
    body.split("\n").forEach(function (line) {
      if (fence !== null) {
        flags.push(true);
        var closing = FENCE.exec(line);
        if (closing && closing[2][0] === fence[0] && closing[2].length >= fence[1] && !strip(closing[3])) fence = null;
        return;
      }
      var opening = FENCE.exec(line);
      if (opening && !(opening[2][0] === "`" && opening[3].indexOf("`") !== -1)) {
        fence = [opening[2][0], opening[2].length];
        flags.push(true);
        blankBefore = false;
        return;
      }
      if (!strip(line)) { flags.push(false); blankBefore = true; return; }
      if (LIST_ITEM.test(line)) {
        inList = true;
        flags.push(false);
      } else if (INDENTED.test(line)) {
        var depth = inList ? 2 : 1;
        var continuing = flags.length > 0 && flags[flags.length - 1];
        flags.push((blankBefore || continuing) && indent(line) >= 4 * depth);
      } else {
        if (blankBefore) inList = false;
        flags.push(false);
      }
      blankBefore = false;
    });
    return flags;
  }

  function blankCodeSpans(line) {
    if (line.indexOf("`") === -1) return line;
    var spans = [], open = [], run = /`+/g, m;
    while ((m = run.exec(line))) {
      var size = m[0].length, at = -1;
      for (var i = 0; i < open.length; i += 1) if (open[i][0] === size) at = i;
      if (at !== -1) {
        var start = open[at][1];
        spans.push([start, m.index + size]);
        open.splice(at, 1);
        open = open.filter(function (o) { return o[1] < start; });
      } else open.push([size, m.index]);
    }
    spans.forEach(function (s) {
      line = line.slice(0, s[0]) + " ".repeat(s[1] - s[0]) + line.slice(s[1]);
    });
    return line;
  }

  function prose(body) {
    var flags = codeLines(body);
    return body.split("\n").map(function (line, i) {
      return flags[i] ? " ".repeat(line.length) : blankCodeSpans(line);
    }).join("\n");
  }

  function headings(body) {
    var found = [];
    prose(body).split("\n").forEach(function (line, i) {
      var m = line.indexOf("#") !== -1 && HEADING.exec(line);
      if (m) found.push([i + 1, m[1].length, strip(m[2] || "")]);
    });
    return found;
  }

  /* ---------- personal data: a subset of core/privacy.py ---------- */

  // A Python pattern as JavaScript reads it (with /u): \w and \b are
  // Unicode in Python, and /u refuses identity escapes such as \" and \'.
  function jsPattern(source, inClass) {
    var out = "", WORD = "\\p{L}\\p{N}_";
    for (var i = 0; i < source.length; i += 1) {
      var c = source[i];
      if (c === "\\") {
        var n = source[i + 1];
        i += 1;
        if (n === "w") out += inClass ? WORD : "[" + WORD + "]";
        else if (n === "b" && !inClass) out += "(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))";
        else if (n === "-") out += inClass ? "\\-" : "-";
        else if (/[A-Za-z0-9]/.test(n) || "\\^$.*+?()[]{}|/".indexOf(n) !== -1) out += "\\" + n;
        else out += n;
        continue;
      }
      if (c === "[" && !inClass) inClass = true;
      else if (c === "]" && inClass) inClass = false;
      out += c;
    }
    return out;
  }

  function Privacy(data) {
    var p = data.privacy;
    var patterns = {};
    Object.keys(p.patterns).forEach(function (name) { patterns[name] = new RegExp(jsPattern(p.patterns[name]), "gu"); });
    var at = new RegExp(jsPattern(p.at), "giu"), dot = new RegExp(jsPattern(p.dot), "giu");
    var split = "[" + jsPattern(p.split, true) + "]";
    function between(word) {
      return new RegExp("(?<=" + word + ")(?:" + split + "{1,4}|" + split + "{0,3}\\n" + split + "{0,3})(?=" + word + ")", "gu");
    }
    var betweenWords = between("[" + p.cjk + "0-9]"), betweenDigits = between("[0-9]");
    var numeralRun = new RegExp("[0-9" + p.numerals + "]{7,}", "gu");
    var allow = /xinyu-allow:\s*([a-z]+)\s*([^\n]*?)\s*(?:-->|$)/g;

    function reading(text, markup) {
      if (markup) {
        text = text.replace(/<!--[\s\S]*?(?:-->|$)/g, "").replace(/<\/?[A-Za-z][^<>]*>/g, "")
          .replace(/\\(?=[!-/:-@[-`{-~])|[*~`]+/g, "");
      }
      text = text.replace(/&#([0-9]{1,8});?|&#[xX]([0-9A-Fa-f]{1,7});?/g, function (m, d, h) {
        var code = d ? parseInt(d, 10) : parseInt(h, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      });
      text = text.replace(/(?:%[0-9A-Fa-f]{2})+/g, function (m) {
        try { return decodeURIComponent(m); } catch (error) { return m; }
      });
      text = text.normalize("NFKC").replace(/[\p{Cf}\p{Mn}\p{Me}]/gu, "")
        .replace(/\p{Nd}/gu, function (c) { return String(digitValue(c)); });
      return text.replace(dot, ".").replace(at, "@");
    }

    function collapse(text) {
      text = text.replace(betweenWords, "").replace(numeralRun, function (m) {
        return Array.from(m).map(function (c) {
          var i = p.numerals.indexOf(c);
          return i === -1 ? c : p.numeral_values[i];
        }).join("");
      });
      return text.replace(betweenDigits, "");
    }

    function validId18(digits) {
      var total = 0;
      for (var i = 0; i < 17; i += 1) total += Number(digits[i]) * p.id_weights[i];
      var year = Number(digits.slice(6, 10));
      return p.id_check[total % 11] === digits[17].toUpperCase() && year >= 1850 && year <= 2100 &&
        validDate(digits.slice(6, 10) + "-" + digits.slice(10, 12) + "-" + digits.slice(12, 14));
    }

    function canonical(rule, value) {
      if (rule === "phone" || rule === "id") {
        var digits = value.replace(/[^0-9Xx]/g, "").toUpperCase();
        if (rule === "phone" && digits.indexOf("86") === 0 && digits.length === 13) return digits.slice(2);
        if (rule === "phone" && digits.indexOf("0086") === 0) return digits.slice(4);
        return digits;
      }
      return value.toLowerCase();
    }

    function find(text) {
      var found = [], ids = [];
      function each(name, rule, keep) {
        patterns[name].lastIndex = 0;
        var m;
        while ((m = patterns[name].exec(text))) {
          if (keep(m)) found.push({ rule: rule, value: m[0], start: m.index, end: m.index + m[0].length });
          if (!m[0].length) patterns[name].lastIndex += 1;
        }
      }
      each("id18", "id", function (m) { return validId18(m[0]); });
      each("id15", "id", function (m) {
        var d = m[0];
        return validDate("19" + d.slice(6, 8) + "-" + d.slice(8, 10) + "-" + d.slice(10, 12));
      });
      found.forEach(function (f) { ids.push([f.start, f.end]); });
      function outsideIds(m) {
        return !ids.some(function (span) { return span[0] < m.index + m[0].length && m.index < span[1]; });
      }
      each("mobile", "phone", outsideIds);
      each("landline", "phone", outsideIds);
      if (text.indexOf("@") !== -1) each("email", "email", function () { return true; });
      return found.filter(function (f) {
        var key = canonical(f.rule, f.value);
        return !(f.rule === "email" && p.allowed_emails.indexOf(key) !== -1) &&
          !(f.rule === "phone" && p.allowed_phones.indexOf(key) !== -1);
      });
    }

    // privacy.mask: enough to find the spot, never enough to read the data
    function mask(text) {
      var list = Array.from(text).filter(function (c) { return !new RegExp("[" + PY_SPACE + "]").test(c); });
      if (list.length <= 2) return list.length ? list[0] + "*".repeat(list.length - 1) : "";
      var keep = list.length <= 6 ? 1 : 3, tail = list.length <= 6 ? 0 : 2;
      return list.slice(0, keep).join("") + "*".repeat(list.length - keep - tail) + list.slice(list.length - tail).join("");
    }

    function allowed(line) {
      var rules = {};
      allow.lastIndex = 0;
      var m;
      while ((m = allow.exec(line))) if (m[2] && p.what[m[1]] !== undefined) rules[m[1]] = true;
      return rules;
    }

    // Each finding in a text (a field's value, or a body line by line), once
    // per kind and value: {what, found} as the personal-data message needs.
    this.scan = function (text, markup) {
      var lines = markup ? text.split("\n") : [text], results = [], seen = {};
      lines.forEach(function (line, i) {
        if (!line) return;
        var kept = reading(line, markup), readings = [collapse(kept), kept];
        var permits = allowed(line);
        if (i > 0 && /xinyu-allow:/.test(lines[i - 1]) &&
            !lines[i - 1].replace(allow, "").replace(/^[ \t<!\-#>]+|[ \t<!\-#>]+$/g, "")) {
          var before = allowed(lines[i - 1]);
          Object.keys(before).forEach(function (rule) { permits[rule] = true; });
        }
        readings.forEach(function (text) {
          find(text).forEach(function (f) {
            var key = f.rule + "\u0000" + canonical(f.rule, f.value);
            if (permits[f.rule] || seen[key]) return;
            seen[key] = true;
            results.push({ what: p.what[f.rule], found: mask(f.value) });
          });
        });
      });
      return results;
    };
  }

  /* ---------- the form's model: a kind's draft → file and problems ---------- */

  function walkFields(fields, visit) {
    fields.forEach(function (field) {
      if (field.type.type === "group") walkFields(field.fields, visit);
      else visit(field);
    });
  }

  // One plain field's raw draft value → {present, yaml, value (clean, when
  // valid), error: [rule, values]} — fields.py's parse, on what is written.
  function parseField(field, raw) {
    var type = field.type, keys, labels, s, items;
    function absent() { return { present: false }; }
    function bad(rule, values, yaml) { return { present: true, yaml: yaml, error: [rule, values] }; }
    function good(yaml, value) { return { present: true, yaml: yaml, value: value }; }
    if (type.type === "consent") return raw === true ? good("true", true) : bad("consent-missing", { found: "false" }, "false");
    if (type.type === "grades" || type.type === "choices" || type.type === "activities") {
      items = (Array.isArray(raw) ? raw : []).map(function (item) {
        return typeof item === "number" && Number.isInteger(item) ? item : strip(clean(item));
      }).filter(function (item) { return item !== ""; });
      if (!items.length) return absent();
    } else {
      s = strip(clean(raw));
      if (s === "") return absent();
    }
    switch (type.type) {
      case "text": {
        var yaml = quote(s), text = type.upper && /^[\x00-\x7f]*$/.test(s) ? s.toUpperCase() : s;
        if (type.pattern && !new RegExp("^(?:" + type.pattern + ")$").test(text)) {
          return bad("text-pattern", { found: shown(text), form: type.form }, yaml);
        }
        return good(yaml, text);
      }
      case "text_list": {
        var parts = s.split(/[,，、;；]/).map(strip).filter(Boolean);
        return parts.length ? good("[" + parts.map(quote).join(", ") + "]", parts) : absent();
      }
      case "integer": {
        if (/^[+-]?[0-9]+$/.test(s)) {
          var n = BigInt(s);
          if (n < BigInt(type.minimum) || (type.maximum !== null && n > BigInt(type.maximum))) {
            return bad("integer-range", { found: n.toString(), allowed: type.allowed }, n.toString());
          }
          return good(n.toString(), Number(n));
        }
        var number = INT_HINT.exec(s);
        return bad("integer-type", { found: describe(s), hint: number ? "；只写数字：" + number[1] : "" }, quote(s));
      }
      case "choice":
      case "semester":
      case "topic": {
        keys = type.choices.map(function (c) { return String(c.value); });
        if (type.type === "semester" && /^[+-]?[0-9]+$/.test(s)) {
          var k = BigInt(s).toString();
          return keys.indexOf(k) !== -1 ? good(k, Number(k)) : bad("semester", { found: k }, k);
        }
        if (keys.indexOf(s) !== -1) return good(quote(s), s);
        if (type.type === "semester") {
          var label = type.choices.filter(function (c) {
            return s === c.label || s === Array.from(c.label)[0] || s === String(c.value);
          })[0];
          return label ? bad("semester-label", { key: label.value, label: label.label, found: shown(s) }, quote(s))
            : bad("semester", { found: shown(s) }, quote(s));
        }
        if (type.type === "topic") {
          var topic = type.choices.filter(function (c) { return c.label === s; })[0];
          if (topic) return bad("topic-label", { key: topic.value, label: topic.label }, quote(s));
          return bad("topic-unknown", {
            found: shown(s), hint: didYouMean(s, keys),
            allowed: type.choices.map(function (c) { return c.value + "（" + c.label + "）"; }).join("、")
          }, quote(s));
        }
        return bad("choice", { found: shown(s), allowed: keys.join("、"), hint: didYouMean(s, keys) }, quote(s));
      }
      case "choices":
      case "activities": {
        keys = type.choices.map(function (c) { return c.value; });
        labels = type.choices.map(function (c) { return c.label; });
        var listYaml = "[" + items.map(quote).join(", ") + "]", value = [];
        var words = [];
        items.forEach(function (item) {
          words = words.concat(item.split(/[,，、;；]/).map(strip).filter(Boolean));
        });
        for (var w = 0; w < words.length; w += 1) {
          var word = words[w], at = keys.indexOf(word);
          if (type.type === "activities" && at === -1) at = labels.indexOf(word);
          if (at === -1) {
            if (type.type === "activities") {
              return bad("activity-unknown", {
                found: shown(word), hint: didYouMean(word, keys),
                allowed: type.choices.map(function (c) { return c.value + "（" + c.label + "）"; }).join("、")
              }, listYaml);
            }
            return bad("choice", { found: shown(word), allowed: keys.join("、"), hint: didYouMean(word, keys) }, listYaml);
          }
          if (value.indexOf(keys[at]) === -1) value.push(keys[at]);
        }
        return words.length ? good(listYaml, value) : absent();
      }
      case "grades": {
        var written = items.map(function (item) {
          if (typeof item === "number" && Number.isInteger(item)) return String(item);
          return /^[0-9]+$/.test(item) ? BigInt(item).toString() : quote(item);
        });
        var grades = [], gradeKeys = type.choices.map(function (c) { return c.value; });
        for (var g = 0; g < items.length; g += 1) {
          var item = items[g], grade;
          if (typeof item === "number" || /^[0-9]+$/.test(item)) grade = Number(item);
          else if (FULLWIDTH_COMMA.test(item)) return bad("grades-fullwidth-comma", { found: item }, "[" + written.join(", ") + "]");
          else if (DIGITS_ONLY.test(item)) grade = Number(strip(item));
          else {
            var named = type.choices.filter(function (c) { return c.label === item; })[0];
            return named ? bad("grade-label", { key: named.value, label: named.label }, "[" + written.join(", ") + "]")
              : bad("grade-type", { found: describe(item) }, "[" + written.join(", ") + "]");
          }
          if (gradeKeys.indexOf(grade) === -1) {
            return bad("grade-unknown", { found: typeof item === "number" ? item : BigInt(strip(item)).toString(), allowed: type.span },
                       "[" + written.join(", ") + "]");
          }
          if (grades.indexOf(grade) === -1) grades.push(grade);
        }
        return good("[" + written.join(", ") + "]", grades.sort(function (a, b) { return a - b; }));
      }
      case "date":
        return validDate(s) ? good(s, s) : bad("date", { found: shown(s) }, quote(s));
      case "month": {
        var month = MONTH.exec(s);
        var ok = month && decimal(month[2]) >= 1 && decimal(month[2]) <= 12;
        return ok ? good(quote(s), s) : bad("month", { found: shown(s) }, quote(s));
      }
      case "url": {
        var scheme = /^([A-Za-z][A-Za-z0-9+\-.]*):/.exec(s);
        var web = scheme && ["http", "https"].indexOf(scheme[1].toLowerCase()) !== -1;
        return web ? good(quote(s), s) : bad("url", { found: shown(s) }, quote(s));
      }
    }
    return absent();
  }

  function Model(data, privacy) {
    var rules = data.rules;

    function problem(rule, values, where) {
      return { rule: rule, where: where, severity: rules[rule].severity, message: fill(rules, rule, values) };
    }

    function textsOf(field, draft) {
      var raw = rawOf(draft, field);
      return (Array.isArray(raw) ? raw : [raw]).filter(function (v) { return typeof v === "string"; })
        .map(function (v) { return strip(clean(v)); }).filter(Boolean);
    }

    // The value a kind's field has in `draft` (select fields start at their default).
    function rawOf(draft, field) {
      return Object.prototype.hasOwnProperty.call(draft.values, field.path) ? draft.values[field.path] : undefined;
    }

    // Fields hidden by a rule across fields (a lesson's subject unless 学科渗透)
    // are neither shown nor written.
    function hiddenFields(kind, meta) {
      var hidden = {};
      var needed = kind.cross.filter(function (row) {
        return row.problems.some(function (p) { return p.rule === "field-needed-with"; });
      });
      needed.forEach(function (row) { hidden[row.other] = true; });
      needed.forEach(function (row) {
        var value = Object.prototype.hasOwnProperty.call(meta, row.field) ? meta[row.field] : null;
        if (value === row.value) delete hidden[row.other];
      });
      return hidden;
    }

    this.hiddenFields = hiddenFields;

    // The file and every problem the checker would report in it.
    this.evaluate = function (kind, draft) {
      var problems = [], lines = [], meta = {}, firstPass = {};
      // the choice fields first, so the rules across fields know what to hide
      kind.fields.forEach(function (field) {
        if (field.type.type === "choice") {
          var parsed = parseField(field, rawOf(draft, field));
          if (parsed.present && !parsed.error) firstPass[field.name] = parsed.value;
          else if (!parsed.present && field.default !== null) firstPass[field.name] = field.default;
        }
      });
      var hidden = hiddenFields(kind, firstPass);

      function one(field, into, indentText) {
        var raw = rawOf(draft, field);
        if (field.type.type === "choice" && field.default !== null && strip(clean(raw)) === field.default) raw = "";
        var parsed = hidden[field.path] ? { present: false } : parseField(field, raw);
        if (!parsed.present) {
          if (field.required) problems.push(problem("missing-field", { field: field.called, example: field.example }, field.path));
          if (field.default !== null) into[field.name] = field.default;
          return;
        }
        lines.push(indentText + field.name + ": " + parsed.yaml);
        // what is written is published text: the privacy check reads it, valid or not
        textsOf(field, draft).forEach(function (text) {
          privacy.scan(text, true).forEach(function (hit) { problems.push(problem("personal-data", hit, field.path)); });
        });
        if (parsed.error) {
          var values = Object.assign({ field: field.called }, parsed.error[1]);
          problems.push(problem(parsed.error[0], values, field.path));
          return;
        }
        into[field.name] = parsed.value;
        if (field.reference) {
          var keys = field.reference.keys.map(function (k) { return k.value; });
          if (keys.indexOf(parsed.value) === -1) {
            problems.push(problem("unknown-reference", {
              field: field.called, found: parsed.value, hint: didYouMean(parsed.value, keys),
              registry: field.reference.registry, allowed: keys.join("、") || "（还没有）"
            }, field.path));
          }
        }
      }

      kind.fields.forEach(function (field) {
        if (field.type.type !== "group") { one(field, meta, ""); return; }
        var filled = field.fields.some(function (sub) {
          var raw = rawOf(draft, sub);
          return Array.isArray(raw) ? raw.length > 0 : strip(clean(raw)) !== "";
        });
        if (!filled) return;
        lines.push(field.name + ":");
        meta[field.name] = {};
        field.fields.forEach(function (sub) { one(sub, meta[field.name], "  "); });
      });

      // rules across fields (kinds.py cross_checks, as rows of data)
      kind.cross.forEach(function (row) {
        var chosen = Object.prototype.hasOwnProperty.call(meta, row.field) ? meta[row.field] : null;
        var present = Boolean(meta[row.other]) && !(Array.isArray(meta[row.other]) && !meta[row.other].length);
        if (chosen === row.value && present === row.present) {
          row.problems.forEach(function (p) {
            var field = kind.fields.filter(function (f) { return f.name === p.field; })[0];
            problems.push(problem(p.rule, Object.assign({ field: field ? field.called : p.field }, p.values), p.field));
          });
        }
      });

      // the body: each required section's text under its heading, then the rest
      var sections = sectionsOf(kind, meta);
      var parts = [];
      sections.forEach(function (name) {
        var text = trimBlock(clean(draft.sections[name]));
        if (text) parts.push("## " + name + "\n\n" + text);
      });
      var rest = trimBlock(clean(draft.body));
      if (rest) parts.push(rest);
      var body = parts.length ? parts.join("\n\n") + "\n" : "";
      var found = headings(body);
      sections.forEach(function (name) {
        var level2 = found.some(function (h) { return h[1] === 2 && h[2].indexOf(name) === 0; });
        if (level2) return;
        var elsewhere = found.filter(function (h) { return h[2].indexOf(name) === 0; })[0];
        problems.push(problem(elsewhere ? "section-level" : "section-missing", { section: name }, "section:" + name));
      });
      prose(body).split("\n").forEach(function (line) {
        if (line.indexOf(data.scaffold_hint) !== -1) problems.push(problem("scaffold-hint-left", {}, "body"));
      });
      privacy.scan(body, true).forEach(function (hit) { problems.push(problem("personal-data", hit, "body")); });

      // a draft's problems are warnings (loader._as_warning)
      if (meta.status === kind.draft) {
        problems.forEach(function (p) { p.severity = "warning"; p.message = DRAFT + p.message; });
      }
      var text = "---\n" + lines.map(function (l) { return l + "\n"; }).join("") + "---\n" + (body ? "\n" + body : "");
      return { text: text, problems: problems, meta: meta, hidden: hidden, sections: sections };
    };

    function sectionsOf(kind, meta) {
      var s = kind.sections;
      if (s.field && Object.prototype.hasOwnProperty.call(meta, s.field) && s.by_value[meta[s.field]]) {
        return s.by_value[meta[s.field]];
      }
      return s.default;
    }
    this.sectionsOf = sectionsOf;

    // The file name: exactly the checker's rule (files.SLUG, which allows
    // Chinese; reserved names), then the names already on the site.
    var slugRule = new RegExp("^(?:" + data.slug.pattern + ")$", "u");
    var notAllowed = new RegExp("[^" + data.slug.chars + "_-]+", "gu");
    this.slugProblems = function (kind, slug) {
      var what = data.slug.what;
      if (!slug) return [{ where: "slug", severity: "error", message: "请填写文件名：可以用中文、英文字母、数字和“-”，例如 情绪天气预报 或 feelings-weather-report" }];
      if (data.slug.reserved.indexOf(slug.toLowerCase()) !== -1) return [problem("name-reserved", { what: what, name: slug }, "slug")];
      if (!slugRule.test(slug)) return [problem("name-invalid", { what: what, name: slug }, "slug")];
      if (kind.existing.indexOf(slug.toLowerCase()) !== -1) {
        return [{ where: "slug", severity: "error",
                  message: "网站上已经有文件名为“" + slug + "”的" + kind.label + "（文件名就是网页地址）；请换一个" }];
      }
      return [];
    };
    // A file name made from the title (情绪天气预报（投稿） -> 情绪天气预报投稿)
    // that the rule above accepts and the site does not have yet; "" if none.
    this.suggestSlug = function (kind, title) {
      var name = String(title || "").trim().replace(/\s+/g, "-").replace(notAllowed, "")
        .replace(/[A-Z]+/g, function (letters) { return letters.toLowerCase(); })
        .replace(/-{2,}/g, "-").replace(/^[_-]+/, "");
      name = Array.from(name).slice(0, 90).join("").replace(/[_-]+$/, "");
      if (!name || !slugRule.test(name) || data.slug.reserved.indexOf(name) !== -1) return "";
      var candidate = name;
      for (var n = 2; kind.existing.indexOf(candidate.toLowerCase()) !== -1; n += 1) candidate = name + "-" + n;
      return candidate;
    };
  }

  // A block of text: no blank lines before it, no spaces after it.
  function trimBlock(text) {
    return text.replace(/^(?:[ \t]*\n)+/, "").replace(/\s+$/, "");
  }

  /* ---------- the page ---------- */

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
        node.setAttribute(name, attributes[name] === true ? "" : attributes[name]);
      }
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function loadStore() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return stored && typeof stored === "object" ? stored : {};
    } catch (error) {
      return {};
    }
  }

  function saveStore(store) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(store));
    } catch (error) { /* private mode: the draft lives as long as the page */ }
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  function newDraft(kind) {
    var draft = { values: {}, sections: {}, body: "", slug: "" };
    walkFields(kind.fields, function (field) {
      if (field.type.type === "date" && field.required) draft.values[field.path] = today();
    });
    return draft;
  }

  function normaliseDraft(draft, kind) {
    if (!draft || typeof draft !== "object") return newDraft(kind);
    return {
      values: draft.values && typeof draft.values === "object" ? draft.values : {},
      sections: draft.sections && typeof draft.sections === "object" ? draft.sections : {},
      body: typeof draft.body === "string" ? draft.body : "",
      slug: typeof draft.slug === "string" ? draft.slug : ""
    };
  }

  function setup(root) {
    if (root.dataset.ready) return;
    var source = document.getElementById("xinyu-submit-data");
    if (!source) return;
    root.dataset.ready = "1";
    var data = JSON.parse(source.textContent);
    var privacy = new Privacy(data);
    var model = new Model(data, privacy);
    var kinds = {};
    data.kinds.forEach(function (kind) { kinds[kind.key] = kind; });

    var form = root.querySelector(".xinyu-submit__form");
    var kindBox = root.querySelector(".xinyu-submit__kinds");
    var fieldsBox = root.querySelector(".xinyu-submit__fields");
    var summary = root.querySelector(".xinyu-submit__summary");
    var count = root.querySelector(".xinyu-submit__count");
    var list = root.querySelector(".xinyu-submit__problems");
    var output = root.querySelector(".xinyu-submit__output");
    var pathLine = root.querySelector(".xinyu-submit__path");
    var preview = root.querySelector(".xinyu-submit__preview code");
    var blocked = root.querySelector(".xinyu-submit__blocked");
    var mail = root.querySelector(".xinyu-submit__mail");
    var mailNote = root.querySelector(".xinyu-submit__mailnote");
    var repo = root.querySelector(".xinyu-submit__repo");
    var repoNote = root.querySelector(".xinyu-submit__reponote");
    var copied = root.querySelector(".xinyu-submit__copied");
    var copyText = root.querySelector(".xinyu-submit__copytext");
    var status = root.querySelector(".xinyu-submit__status");

    var store = loadStore();
    store.drafts = store.drafts && typeof store.drafts === "object" ? store.drafts : {};
    var wanted = new URLSearchParams(window.location.search).get("kind");
    var current = kinds[wanted] ? wanted : kinds[store.kind] ? store.kind : data.kinds[0].key;
    var touched = {};
    var showAll = false;
    var result = null;
    var suggest = null;  // the button that fills in the file name made from the title
    var controls = {};  // where (field path, "section:…", "body", "slug") -> its control element
    var messages = {};  // where -> its message element
    var undo = null;

    var normalised = {};  // kinds whose stored draft has been checked (once: controls keep the object)
    function draftOf(key) {
      if (!normalised[key] || !store.drafts[key]) {
        store.drafts[key] = store.drafts[key] ? normaliseDraft(store.drafts[key], kinds[key]) : newDraft(kinds[key]);
        normalised[key] = true;
      }
      return store.drafts[key];
    }

    function save() {
      store.kind = current;
      saveStore(store);
    }

    function idOf(where) {
      return "xinyu-submit-" + current + "-" + where.replace(/[^A-Za-z0-9_-]/g, function (c) {
        return "_" + c.codePointAt(0).toString(16);
      });
    }

    // A labelled control with its help and its messages.
    function wrap(where, labelText, help, control, required, group) {
      var box = el(group ? "fieldset" : "div", { "class": "xinyu-submit__field", "data-where": where });
      var id = idOf(where);
      var label = el(group ? "legend" : "label", group ? {} : { "for": id });
      label.appendChild(document.createTextNode(labelText));
      if (required) {
        // a required field of an optional group (a showcase's collection) is required only with the group
        label.appendChild(el("span", { "class": "xinyu-submit__required" }, where.indexOf(".") === -1 ? "（必填）" : "（填写本组时必填）"));
      }
      box.appendChild(label);
      var described = [];
      if (help) {
        box.appendChild(el("p", { "class": "xinyu-submit__help", id: id + "-help" }, help));
        described.push(id + "-help");
      }
      if (!group) control.id = id;
      box.appendChild(control);
      var message = el("div", { "class": "xinyu-submit__message", id: id + "-message" });
      box.appendChild(message);
      described.push(id + "-message");
      (group ? box : control).setAttribute("aria-describedby", described.join(" "));
      controls[where] = group ? box : control;
      messages[where] = message;
      return box;
    }

    function touch(where) {
      touched[where] = true;
    }

    function fieldControl(field, draft) {
      var type = field.type, raw = draft.values[field.path], control;
      // Under a drop-down or check boxes, the form's own help (or none), not the YAML's.
      var help = Object.prototype.hasOwnProperty.call(field, "form_help") ? field.form_help : field.help;
      function set(value) { draft.values[field.path] = value; touch(field.path); update(); }
      var options = type.choices || (field.reference && field.reference.keys.length ? field.reference.keys : null);
      if (type.type === "grades" || type.type === "choices" || type.type === "activities") {
        var chosen = Array.isArray(raw) ? raw.map(String) : [];
        var box = el("div", { "class": "xinyu-submit__checks" });
        var known = type.choices.map(function (c) { return String(c.value); });
        var extra = chosen.filter(function (v) { return known.indexOf(v) === -1; });
        type.choices.map(function (c) { return { value: String(c.value), label: c.label }; })
          .concat(extra.map(function (v) { return { value: v, label: v + "（不在可选范围内）" }; }))
          .forEach(function (choice) {
            var input = el("input", { type: "checkbox", value: choice.value });
            input.checked = chosen.indexOf(choice.value) !== -1;
            input.addEventListener("change", function () {
              var values = Array.prototype.filter.call(box.querySelectorAll("input"), function (i) { return i.checked; })
                .map(function (i) { return type.type === "grades" && /^[0-9]+$/.test(i.value) ? Number(i.value) : i.value; });
              set(values);
            });
            var label = el("label", { "class": "xinyu-submit__check" });
            label.appendChild(input);
            label.appendChild(document.createTextNode(" " + choice.label));
            box.appendChild(label);
          });
        return wrap(field.path, field.label, help, box, field.required, true);
      }
      if (type.type === "consent") {
        control = el("input", { type: "checkbox" });
        control.checked = raw === true;
        control.addEventListener("change", function () { set(control.checked); });
        var wrapped = wrap(field.path, field.label, help, control, field.required, false);
        wrapped.classList.add("xinyu-submit__field--check");
        return wrapped;
      }
      if (options) {
        control = el("select");
        var value = raw === undefined || raw === null ? (field.default !== null ? String(field.default) : "") : String(raw);
        if (field.default === null) control.appendChild(el("option", { value: "" }, field.required ? "请选择" : "（不填）"));
        var values = options.map(function (c) { return String(c.value); });
        options.forEach(function (c) {
          control.appendChild(el("option", { value: String(c.value) }, c.label));
        });
        if (value && values.indexOf(value) === -1) {
          control.appendChild(el("option", { value: value }, value + "（不在可选范围内）"));
        }
        control.value = value;
        control.addEventListener("change", function () { set(control.value); });
        return wrap(field.path, field.label, help, control, field.required, false);
      }
      var attributes = { type: "text", autocomplete: "off" };
      if (type.type === "integer") attributes.inputmode = "numeric";
      if (type.type === "date") attributes.type = "date";
      if (type.type === "url") attributes.type = "url";
      if (type.type === "month") attributes.placeholder = "例如 2024-05";
      control = el("input", attributes);
      control.value = raw === undefined || raw === null ? "" : String(raw);
      control.addEventListener("input", function () { draft.values[field.path] = control.value; update(); });
      control.addEventListener("change", function () { set(control.value); });
      return wrap(field.path, field.label, help, control, field.required, false);
    }

    function sectionControl(kind, name, draft) {
      var where = "section:" + name;
      var control = el("textarea", { rows: "6" });
      control.value = typeof draft.sections[name] === "string" ? draft.sections[name] : "";
      control.addEventListener("input", function () { draft.sections[name] = control.value; update(); });
      control.addEventListener("change", function () { touch(where); update(); });
      var help = (kind.section_hints[name] || "") + "（写在文件的“## " + name + "”标题下。）";
      var box = wrap(where, "## " + name, help, control, true, false);
      box.classList.add("xinyu-submit__field--section");
      return box;
    }

    function build() {
      var kind = kinds[current], draft = draftOf(current);
      controls = {};
      messages = {};
      touched = {};
      showAll = false;
      fieldsBox.textContent = "";
      var fields = el("div", { "class": "xinyu-submit__group" });
      fieldsBox.appendChild(el("h2", { "class": "xinyu-submit__heading" }, "头信息"));
      fieldsBox.appendChild(fields);
      kind.fields.forEach(function (field) {
        if (field.type.type !== "group") { fields.appendChild(fieldControl(field, draft)); return; }
        var set = el("fieldset", { "class": "xinyu-submit__subgroup" });
        set.appendChild(el("legend", {}, field.label + "（选填）"));
        if (field.help) set.appendChild(el("p", { "class": "xinyu-submit__help" }, field.help));
        field.fields.forEach(function (sub) { set.appendChild(fieldControl(sub, draft)); });
        fields.appendChild(set);
      });
      fieldsBox.appendChild(el("h2", { "class": "xinyu-submit__heading" }, "正文"));
      var body = el("div", { "class": "xinyu-submit__group xinyu-submit__body" });
      fieldsBox.appendChild(body);
      var allSections = [];
      [kind.sections.default].concat(Object.keys(kind.sections.by_value).map(function (v) {
        return kind.sections.by_value[v];
      })).forEach(function (names) {
        names.forEach(function (name) { if (allSections.indexOf(name) === -1) allSections.push(name); });
      });
      allSections.forEach(function (name) { body.appendChild(sectionControl(kind, name, draft)); });
      var rest = el("textarea", { rows: "8" });
      rest.value = draft.body;
      rest.addEventListener("input", function () { draft.body = rest.value; update(); });
      rest.addEventListener("change", function () { touch("body"); update(); });
      body.appendChild(wrap("body", "其他内容（选填）",
        "其余的小节写在这里，每节用“## 小节名”开头，如“## 教学准备”。提到学生时一律用化名。", rest, false, false));
      fieldsBox.appendChild(el("h2", { "class": "xinyu-submit__heading" }, "文件名"));
      var slug = el("input", { type: "text", autocomplete: "off", spellcheck: "false", autocapitalize: "off" });
      slug.value = draft.slug;
      slug.addEventListener("input", function () { draft.slug = slug.value; update(); });
      slug.addEventListener("change", function () { touch("slug"); update(); });
      var slugBox = wrap("slug", "文件名（不带 .md）",
        "文件名就是网页地址：可以用中文、英文字母、数字和“-”，例如 情绪天气预报 或 feelings-weather-report。文件会放在仓库的 " +
        kind.folder + "/ 文件夹里。", slug, true, false);
      suggest = el("button", { type: "button", "class": "md-button xinyu-submit__suggest", hidden: "" });
      suggest.addEventListener("click", function () {
        var name = model.suggestSlug(kinds[current], draftOf(current).values.title);
        if (!name) return;
        slug.value = name;
        draft.slug = name;
        touch("slug");
        update();
        slug.focus();
      });
      slugBox.appendChild(suggest);
      fieldsBox.appendChild(slugBox);
      Array.prototype.forEach.call(kindBox.querySelectorAll("input"), function (input) {
        input.checked = input.value === current;
      });
      update();
    }

    function visible(where) {
      if (showAll || touched[where]) return true;
      var draft = draftOf(current);
      if (where === "slug") return draft.slug !== "";
      if (where === "body") return strip(draft.body) !== "";
      if (where.indexOf("section:") === 0) return strip(clean(draft.sections[where.slice(8)])) !== "";
      var raw = draft.values[where];
      return Array.isArray(raw) ? raw.length > 0 : typeof raw === "boolean" ? raw : raw !== undefined && strip(clean(raw)) !== "";
    }

    function update() {
      var kind = kinds[current], draft = draftOf(current);
      save();
      result = model.evaluate(kind, draft);
      var slug = strip(draft.slug);
      var problems = result.problems.concat(model.slugProblems(kind, slug));
      var errors = problems.filter(function (p) { return p.severity === "error"; });
      // fields shown for this lesson type; sections required for it
      Object.keys(controls).forEach(function (where) {
        var box = controls[where].closest(".xinyu-submit__field");
        if (where.indexOf("section:") === 0) box.hidden = result.sections.indexOf(where.slice(8)) === -1;
        else if (result.hidden[where]) box.hidden = true;
        else box.hidden = false;
      });
      // next to each field
      Object.keys(messages).forEach(function (where) {
        var own = problems.filter(function (p) { return p.where === where; });
        var shownHere = visible(where) ? own : [];
        messages[where].textContent = "";
        shownHere.forEach(function (p) {
          messages[where].appendChild(el("p", { "class": "xinyu-submit__problem xinyu-submit__problem--" + p.severity },
                                         (p.severity === "error" ? "错误：" : "警告：") + p.message));
        });
        var invalid = shownHere.some(function (p) { return p.severity === "error"; });
        var target = controls[where];
        var inputs = target.tagName === "FIELDSET" ? target.querySelectorAll("input") : [target];
        Array.prototype.forEach.call(inputs, function (input) {
          if (invalid) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
        });
      });
      // the summary: every problem, in the order of the form
      list.textContent = "";
      problems.forEach(function (p) {
        var item = el("li", { "class": "xinyu-submit__problem xinyu-submit__problem--" + p.severity, "data-rule": p.rule || "" });
        item.appendChild(el("span", { "class": "xinyu-submit__level" }, p.severity === "error" ? "错误" : "警告"));
        item.appendChild(document.createTextNode(" "));
        var target = controls[p.where];
        var link = el("a", { "class": "xinyu-submit__text" }, p.message);
        if (target) {
          if (!target.id) target.id = idOf(p.where) + "-group";
          link.setAttribute("href", "#" + target.id);
        }
        item.appendChild(link);
        list.appendChild(item);
      });
      var warnings = problems.length - errors.length;
      count.textContent = errors.length
        ? "还有 " + errors.length + " 个错误" + (warnings ? "、" + warnings + " 个警告" : "") + "：改好后才能下载和发送。"
        : warnings ? "没有错误，有 " + warnings + " 个警告；可以下载和发送。" : "没有发现问题，可以下载和发送。";
      // the file
      var path = kind.folder + "/" + (slug || "（文件名）") + ".md";
      pathLine.textContent = "文件：" + path;
      preview.textContent = result.text;
      root.classList.toggle("xinyu-submit--blocked", errors.length > 0);
      blocked.textContent = errors.length ? "还有 " + errors.length + " 个错误，改好后才能下载、复制和发送（见上面的检查结果）。" : "";
      updateLinks(kind, path, slug);
      // an empty file name: the one made from the title, on a button
      var suggested = slug ? "" : model.suggestSlug(kind, draft.values.title);
      if (suggest) {
        suggest.hidden = !suggested;
        suggest.textContent = suggested ? "用“" + suggested + "”作文件名" : "";
      }
      if (controls.slug) controls.slug.placeholder = suggested ? "例如 " + suggested : "";
    }

    function title() {
      var value = draftOf(current).values.title;
      return strip(clean(value)) || "（无标题）";
    }

    function mailto(subject, body) {
      var address = data.submit_email.split("@").map(encodeURIComponent).join("@");
      return "mailto:" + address + "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
    }

    function updateLinks(kind, path, slug) {
      var text = result.text;
      if (data.submit_email) {
        var subject = "投稿：" + kind.label + "《" + title() + "》";
        var intro = "文件：" + path + "\n下面是文件的全部内容（也可以把下载的文件作为附件一起发送）。\n\n";
        var href = mailto(subject, intro + text);
        mailNote.hidden = true;
        if (href.length > MAILTO_MAX) {
          var note = "\n\n（文件太长，邮件里只放得下上面的开头部分：请把下载的文件作为附件一起发送。）";
          var all = Array.from(text), low = 0, high = all.length;
          while (low < high) {
            var middle = Math.ceil((low + high) / 2);
            if (mailto(subject, intro + all.slice(0, middle).join("") + note).length <= MAILTO_MAX) low = middle;
            else high = middle - 1;
          }
          href = mailto(subject, intro + all.slice(0, low).join("") + note);
          mailNote.textContent = "文件较长，邮件正文里只放得下开头部分：发送时请把下载的文件作为附件一起寄出。";
          mailNote.hidden = false;
        }
        mail.setAttribute("href", href);
        mail.hidden = false;
      }
      if (data.new_file) {
        var folder = kind.folder.split("/").map(encodeURIComponent).join("/");
        var base = data.new_file.base + folder;
        var name = (slug || "new") + ".md";
        var url = base + "?filename=" + encodeURIComponent(name);
        repoNote.hidden = false;
        if (data.new_file.prefill && (url + "&value=" + encodeURIComponent(text)).length <= REPO_URL_MAX) {
          url += "&value=" + encodeURIComponent(text);
          repoNote.textContent = "需要仓库网站的账号：打开的页面已经填好文件名和内容，确认后提交即可（没有写权限时，网站会建议先复制仓库再提交合并请求）。";
        } else {
          repoNote.textContent = "需要仓库网站的账号：打开的页面上，文件名填 " + name + "，再把“复制文件内容”复制的文字粘贴进去。";
        }
        repo.setAttribute("href", url);
        repo.hidden = false;
      }
    }

    function revealAll() {
      showAll = true;
      update();
      summary.focus();
    }

    function ready(event) {
      update();
      if (root.classList.contains("xinyu-submit--blocked")) {
        if (event) event.preventDefault();
        revealAll();
        return false;
      }
      return true;
    }

    // choosing the kind
    data.kinds.forEach(function (kind) {
      var input = el("input", { type: "radio", name: "xinyu-submit-kind", value: kind.key });
      input.addEventListener("change", function () {
        if (!input.checked) return;
        current = kind.key;
        var params = new URLSearchParams(window.location.search);
        params.set("kind", current);
        history.replaceState(null, "", window.location.pathname + "?" + params.toString() + window.location.hash);
        save();
        build();
      });
      var label = el("label", { "class": "xinyu-submit__kind" });
      label.appendChild(input);
      label.appendChild(document.createTextNode(" " + kind.label));
      kindBox.appendChild(label);
    });

    form.addEventListener("submit", function (event) { event.preventDefault(); });

    root.querySelector(".xinyu-submit__clear").addEventListener("click", function () {
      undo = { kind: current, draft: JSON.parse(JSON.stringify(draftOf(current))) };
      store.drafts[current] = newDraft(kinds[current]);
      build();
      status.textContent = "已清空本表。";
      root.querySelector(".xinyu-submit__undo").hidden = false;
    });
    root.querySelector(".xinyu-submit__undo").addEventListener("click", function (event) {
      if (!undo) return;
      store.drafts[undo.kind] = undo.draft;
      current = undo.kind;
      undo = null;
      event.currentTarget.hidden = true;
      build();
      status.textContent = "已恢复清空前的内容。";
    });
    root.querySelector(".xinyu-submit__check").addEventListener("click", revealAll);

    root.querySelector(".xinyu-submit__download").addEventListener("click", function (event) {
      if (!ready(event)) return;
      var blob = new Blob([result.text], { type: "text/markdown;charset=utf-8" });
      var link = el("a", { href: URL.createObjectURL(blob), download: strip(draftOf(current).slug) + ".md", hidden: true });
      document.body.appendChild(link);
      link.click();
      window.setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
      status.textContent = "已下载 " + strip(draftOf(current).slug) + ".md。";
    });
    mail.addEventListener("click", ready);
    repo.addEventListener("click", ready);

    root.querySelector(".xinyu-submit__copy").addEventListener("click", function (event) {
      if (!ready(event)) return;
      var text = result.text;
      function fallback() {
        copyText.value = text;
        copyText.hidden = false;
        copyText.focus();
        copyText.select();
        var done = false;
        try { done = document.execCommand("copy"); } catch (error) { done = false; }
        copied.textContent = done ? "已复制文件内容。" : "请长按下面的文字，全选后复制。";
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () {
          copied.textContent = "已复制文件内容，可以粘贴到邮件或仓库网站的编辑框里。";
        }, fallback);
      } else fallback();
    });
    root.querySelector(".xinyu-submit__print").addEventListener("click", function () { window.print(); });

    build();
    form.hidden = false;
    summary.hidden = false;
    output.hidden = false;
    root.querySelector(".xinyu-submit__nojs").hidden = true;
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".xinyu-submit"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
