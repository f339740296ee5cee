/* xinyu: 家长学校 — a school's semester plan of parents'-school sessions,
 * put together from the course menu, checked live against the district rule
 * (每学期 N 次 / M 课时).
 *
 * Acts only on the page that has #xinyu-parents-school. The data (courses,
 * rule, stages, terms) is the JSON in #xinyu-parents-school-data. The plan
 * lives in localStorage ("xinyu-parents-school") and in the URL hash
 * (#school=…&year=…&term=…&grade=…&plan=JZ-01.1@2027-03-05,JZ-01.2), so a
 * reload keeps it and a link shares it; a link's plan wins over the stored
 * one. "把所选课程加入点单" adds the plan's open courses to order.js's own
 * storage ("xinyu-order": {courses: [course ids]}, with the plan's sessions
 * and dates, {plan: [{course, session, date}]}, and the school's name,
 * {school}) and opens the menu's order form. Every value from the content reaches the page as text
 * (textContent, attributes), never as HTML.
 */
(function () {
  "use strict";

  var KEY = "xinyu-parents-school";
  var ORDER_KEY = "xinyu-order";  // order.js: {courses: [ids], plan: [...], school: "…"}
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var BLANK = "＿＿＿＿＿＿＿＿";

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function button(className, text, label) {
    var element = make("button", "xinyu-ps__button " + className, text);
    element.type = "button";
    if (label) element.setAttribute("aria-label", label);
    return element;
  }

  function readJSON(storageKey) {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function writeJSON(storageKey, value) {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(value));
    } catch (error) { /* private mode: the plan lives as long as the page */ }
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // 2027年3月5日
  function dateLabel(iso) {
    var parts = DATE.test(iso || "") ? iso.split("-") : null;
    return parts ? Number(parts[0]) + "年" + Number(parts[1]) + "月" + Number(parts[2]) + "日" : "";
  }

  function schoolYear(today) {
    var year = today.getFullYear();
    var first = today.getMonth() + 1 >= 8 ? year : year - 1;
    return first + "—" + (first + 1);
  }

  function setup(root, data) {
    var rule = data.rule || { sessions: 0, periods: 0 };
    var courses = Array.isArray(data.courses) ? data.courses : [];
    var terms = Array.isArray(data.terms) && data.terms.length ? data.terms :
      [{ name: "上学期", semester: 1 }, { name: "下学期", semester: 2 }];
    var stages = Array.isArray(data.stages) ? data.stages : [];
    var bySlug = {}, byCode = {};
    courses.forEach(function (course) {
      bySlug[course.slug] = course;
      byCode[course.code] = course;
    });

    var app = root.querySelector(".xinyu-ps__app");
    var form = root.querySelector(".xinyu-ps__settings");
    var list = root.querySelector(".xinyu-ps__sessions");
    var empty = root.querySelector(".xinyu-ps__empty");
    var notice = root.querySelector(".xinyu-ps__notice");
    var copied = root.querySelector(".xinyu-ps__copied");
    var linkBox = root.querySelector(".xinyu-ps__link");
    var count = root.querySelector(".xinyu-ps__count");
    var none = root.querySelector(".xinyu-ps__none");
    var bar = root.querySelector(".xinyu-ps__bar");
    var totals = root.querySelector(".xinyu-ps__totals");
    var verdict = root.querySelector(".xinyu-ps__verdict");
    var status = root.querySelector(".xinyu-ps__status");
    var sheet = root.querySelector(".xinyu-ps__sheet");
    var orderLink = root.querySelector('.xinyu-ps__order-link a:not([href^="tel:"])');
    var articles = {};
    Array.prototype.forEach.call(root.querySelectorAll("[data-course]"), function (article) {
      articles[article.getAttribute("data-course")] = article;
    });

    // The link MkDocs wrote into the page (right in the offline copy too), else the data's.
    function href(course) {
      var article = articles[course.slug];
      var anchor = article && article.querySelector("h3 a");
      return anchor ? anchor.getAttribute("href") : course.url;
    }

    // ---- state -----------------------------------------------------------

    // The term under way, else the next one to start (calendar dates), else
    // the semester of the month: 2–7 下学期, otherwise 上学期.
    function currentTerm(today) {
      var day = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
      var running = null, next = null;
      terms.forEach(function (term) {
        if (!DATE.test(term.start || "")) return;
        var start = Number(term.start.replace(/-/g, ""));
        var end = new Date(Number(term.start.slice(0, 4)), Number(term.start.slice(5, 7)) - 1,
          Number(term.start.slice(8, 10)) + 7 * (term.weeks || 20));
        var last = end.getFullYear() * 10000 + (end.getMonth() + 1) * 100 + end.getDate();
        if (start <= day && day < last && !running) running = term;
        if (start > day && (!next || start < Number(next.start.replace(/-/g, "")))) next = term;
      });
      if (running || next) return running || next;
      var month = today.getMonth() + 1;
      var semester = month >= 2 && month <= 7 ? 2 : 1;
      return terms.filter(function (t) { return t.semester === semester; })[0] || terms[0];
    }

    function defaults() {
      var today = new Date();
      return { school: "", year: schoolYear(today), term: currentTerm(today).name, stage: "", grade: "",
        items: [] };
    }

    // Keep what still makes sense: known terms, stages and grades; sessions
    // of open courses, each once; dates as YYYY-MM-DD. Returns how many
    // planned sessions were dropped.
    function clean(raw, state) {
      var dropped = 0;
      state.school = text(raw.school).slice(0, 60);
      state.year = text(raw.year).slice(0, 20);
      if (terms.some(function (t) { return t.name === raw.term; })) state.term = raw.term;
      if (stages.some(function (s) { return s.key === raw.stage; })) state.stage = raw.stage;
      var grade = String(raw.grade || "");
      if (stages.some(function (s) {
        return s.grades.some(function (g) { return String(g.key) === grade; });
      })) state.grade = grade;
      var seen = {};
      state.items = [];
      (Array.isArray(raw.items) ? raw.items : []).forEach(function (item) {
        var course = item && bySlug[item.course];
        var session = item && Number(item.session);
        if (!course || !course.orderable || !(session >= 1 && session <= course.sessions) ||
            Math.floor(session) !== session || seen[course.slug + "." + session]) {
          dropped += 1;
          return;
        }
        seen[course.slug + "." + session] = true;
        state.items.push({ course: course.slug, session: session,
          date: DATE.test(item.date || "") ? item.date : "" });
      });
      return dropped;
    }

    function encode(state) {
      var parts = [];
      ["school", "year", "term", "stage", "grade"].forEach(function (name) {
        if (name === "year" && termHasYear()) return;
        if (state[name]) parts.push(name + "=" + encodeURIComponent(state[name]));
      });
      parts.push("plan=" + state.items.map(function (item) {
        return encodeURIComponent(bySlug[item.course].code) + "." + item.session +
          (item.date ? "@" + item.date : "");
      }).join(","));
      return "#" + parts.join("&");
    }

    // A shared link: the same fields, courses named by their number (or file name).
    function decode(hash) {
      var fields = {};
      hash.replace(/^#/, "").split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at < 1) return;
        try {
          fields[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
        } catch (error) {
          fields[pair.slice(0, at)] = "";  // a broken escape: that field is empty
        }
      });
      if (!("plan" in fields)) return null;
      fields.items = fields.plan ? fields.plan.split(",").map(function (token) {
        var match = /^([^.@]+)\.(\d+)(?:@(\d{4}-\d{2}-\d{2}))?$/.exec(token) || [];
        var course = byCode[(match[1] || "").toUpperCase()] || bySlug[match[1]];
        return { course: course ? course.slug : "", session: Number(match[2]), date: match[3] || "" };
      }) : [];
      return fields;
    }

    var state = defaults();
    var fromLink = decode(window.location.hash || "");
    var dropped = 0;
    if (fromLink) {
      dropped = clean(fromLink, state);
    } else {
      var stored = readJSON(KEY);
      if (stored && typeof stored === "object") dropped = clean(stored, state);
    }
    var written = "";  // the hash this page wrote last (replaceState fires no hashchange)

    function remember() {
      writeJSON(KEY, { version: 1, school: state.school, year: state.year, term: state.term,
        stage: state.stage, grade: state.grade, items: state.items });
      written = encode(state);
      var address = window.location.pathname + window.location.search + written;
      try {
        window.history.replaceState(null, "", address);
      } catch (error) { /* some file:// pages refuse: the stored plan still holds */ }
    }

    // ---- reading the plan -------------------------------------------------

    function counted() {
      var periods = 0;
      state.items.forEach(function (item) { periods += bySlug[item.course].periods; });
      return { sessions: state.items.length, periods: periods };
    }

    function missing(total) {
      var parts = [];
      if (total.sessions < rule.sessions) parts.push((rule.sessions - total.sessions) + " 次");
      if (total.periods < rule.periods) parts.push((rule.periods - total.periods) + " 课时");
      return parts;
    }

    function verdictText(total) {
      if (!rule.sessions && !rule.periods) return "";
      var parts = missing(total);
      return parts.length ? "还差 " + parts.join("、") : "✓ 达标";
    }

    function ruleText() {
      if (!rule.sessions && !rule.periods) return "区里没有规定每学期的次数和课时";
      var parts = [];
      if (rule.sessions) parts.push(rule.sessions + " 次");
      if (rule.periods) parts.push(rule.periods + " 课时");
      return "区定要求：每学期 " + parts.join(" / ");
    }

    function termHasYear() {
      var term = terms.filter(function (t) { return t.name === state.term; })[0] || terms[0];
      return /学年/.test(term.name);
    }

    function termLabel() {
      var term = terms.filter(function (t) { return t.name === state.term; })[0] || terms[0];
      if (/学年/.test(term.name)) return term.name;
      var number = term.semester === 2 ? "第二学期" : term.semester === 1 ? "第一学期" : term.name;
      return (state.year.trim() || "＿＿＿＿") + "学年" + number;
    }

    function title() {
      var school = state.school.trim() || BLANK + "学校";
      return school + " " + termLabel() + " 家长学校课程安排";
    }

    function gradeLabel() {
      var label = "";
      stages.forEach(function (stage) {
        if (state.stage === stage.key && !state.grade) label = stage.label;
        stage.grades.forEach(function (grade) {
          if (String(grade.key) === state.grade) label = grade.label;
        });
      });
      return label;
    }

    function fits(course) {
      if (state.grade) return course.grades.indexOf(Number(state.grade)) !== -1;
      if (state.stage) return course.stages.indexOf(state.stage) !== -1;
      return true;
    }

    function chosen(course) {
      return state.items.some(function (item) { return item.course === course.slug; });
    }

    // What is wrong with a series' order in the plan: a later session placed
    // before an earlier one, or dated before it. One text per problem row
    // (by index), and the list for the status line.
    function seriesWarnings() {
      var warnings = {};
      state.items.forEach(function (item, index) {
        var course = bySlug[item.course];
        if (course.sessions < 2) return;
        state.items.forEach(function (other, at) {
          if (other.course !== item.course || other.session >= item.session || warnings[index]) return;
          if (at > index) {
            warnings[index] = "系列课程第 " + item.session + " 次排在第 " + other.session + " 次之前";
          } else if (item.date && other.date && item.date < other.date) {
            warnings[index] = "系列课程第 " + item.session + " 次的日期早于第 " + other.session + " 次";
          }
        });
      });
      return warnings;
    }

    function seriesProblems() {
      var warnings = seriesWarnings();
      return Object.keys(warnings).map(function (index) {
        return "《" + bySlug[state.items[index].course].title + "》" + warnings[index];
      });
    }

    function seriesNote(course, session) {
      return course.sessions > 1 ? "系列课程第 " + session + "/" + course.sessions + " 次" : "";
    }

    // ---- the settings form --------------------------------------------------

    var fields = form.elements;
    terms.forEach(function (term) {
      var option = make("option", "", term.name);
      option.value = term.name;
      fields.term.appendChild(option);
    });
    stages.forEach(function (stage) {
      var option = make("option", "", stage.label);
      option.value = stage.key;
      fields.stage.appendChild(option);
    });

    function fillGrades() {
      var select = fields.grade;
      while (select.options.length > 1) select.remove(1);
      stages.forEach(function (stage) {
        if (state.stage && stage.key !== state.stage) return;
        stage.grades.forEach(function (grade) {
          var option = make("option", "", grade.label + "（" + grade.courses + " 门）");
          option.value = String(grade.key);
          select.appendChild(option);
        });
      });
      if (!Array.prototype.some.call(select.options, function (o) { return o.value === state.grade; })) {
        state.grade = "";
      }
      select.value = state.grade;
    }

    // A term named with its school year (2026—2027学年第二学期) needs no 学年 field.
    function showYear() {
      fields.year.closest("label").hidden = termHasYear();
    }

    function showSettings() {
      showYear();
      fields.school.value = state.school;
      fields.year.value = state.year;
      fields.term.value = state.term;
      fields.stage.value = state.stage;
      fillGrades();
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("input", function (event) {
      var name = event.target.name;
      if (name === "school" || name === "year") {
        state[name] = event.target.value.slice(0, name === "school" ? 60 : 20);
        update(false);
      }
    });
    form.addEventListener("change", function (event) {
      var name = event.target.name;
      if (name === "term" || name === "grade") state[name] = event.target.value;
      if (name === "term") showYear();
      if (name === "stage") {
        state.stage = event.target.value;
        fillGrades();
      }
      if (name === "school" || name === "year") return;  // already taken on input
      update(true);
    });

    // ---- the menu: add / remove buttons on the course cards --------------------

    courses.forEach(function (course) {
      var article = articles[course.slug];
      if (!article) return;
      article.parentNode.appendChild(article);  // the data's order (the menu's)
      var line = make("p", "xinyu-ps__add");
      if (course.orderable) {
        var toggle = button("md-button xinyu-ps__toggle", "");
        toggle.setAttribute("data-course", course.slug);
        toggle.addEventListener("click", function () {
          if (chosen(course)) {
            state.items = state.items.filter(function (item) { return item.course !== course.slug; });
            say("已把《" + course.title + "》移出计划。");
          } else {
            for (var n = 1; n <= course.sessions; n += 1) {
              state.items.push({ course: course.slug, session: n, date: "" });
            }
            say(course.sessions > 1 ? "已加入《" + course.title + "》，共 " + course.sessions + " 次。"
              : "已加入《" + course.title + "》。");
          }
          update(true);
        });
        line.appendChild(toggle);
        line.appendChild(make("span", "xinyu-ps__mark", ""));
      } else {
        line.appendChild(make("span", "xinyu-ps__paused", "暂停预约，暂时不能加入计划。"));
      }
      article.appendChild(line);
    });

    function renderMenu() {
      var shown = 0, open = 0;
      courses.forEach(function (course) {
        var article = articles[course.slug];
        if (!article) return;
        var visible = fits(course);
        article.hidden = !visible;
        if (visible) {
          shown += 1;
          if (course.orderable) open += 1;
        }
        var toggle = article.querySelector(".xinyu-ps__toggle");
        if (!toggle) return;
        var inPlan = chosen(course);
        var size = course.sessions > 1 ? "（共 " + course.sessions + " 次，" + course.total_periods + " 课时）"
          : "（" + course.periods + " 课时）";
        toggle.textContent = inPlan ? "移出计划" : course.sessions > 1 ? "加入计划（共 " + course.sessions + " 次）" : "加入计划";
        toggle.setAttribute("aria-label", inPlan ? "把《" + course.title + "》移出计划"
          : "把《" + course.title + "》加入计划" + size);
        toggle.classList.toggle("xinyu-ps__toggle--chosen", inPlan);
        article.querySelector(".xinyu-ps__mark").textContent = inPlan ? "✓ 已在计划中" : "";
        article.classList.toggle("xinyu-ps__course--chosen", inPlan);
      });
      var where = gradeLabel();
      count.textContent = (where ? "适合" + where + "的" : "") + "课程 " + shown + " 门" +
        (shown !== open ? "（可选 " + open + " 门）" : "");
      none.hidden = shown !== 0 || !courses.length;
    }

    // ---- the plan ------------------------------------------------------------

    function move(index, step) {
      var target = index + step;
      if (target < 0 || target >= state.items.length) return;
      var item = state.items.splice(index, 1)[0];
      state.items.splice(target, 0, item);
      update(true);
      var row = list.children[target];
      var again = row && row.querySelector(step < 0 ? ".xinyu-ps__up" : ".xinyu-ps__down");
      if (again && !again.disabled) again.focus();
      else if (row) row.querySelector(step < 0 ? ".xinyu-ps__down" : ".xinyu-ps__up").focus();
    }

    function renderPlan() {
      var warnings = seriesWarnings();
      list.textContent = "";
      empty.hidden = state.items.length > 0;
      state.items.forEach(function (item, index) {
        var course = bySlug[item.course];
        var number = index + 1;
        var row = make("li", "xinyu-ps__session");
        var head = make("p", "xinyu-ps__session-head");
        head.appendChild(make("strong", "xinyu-ps__order-no", "第 " + number + " 次"));
        head.appendChild(document.createTextNode(" "));
        var link = make("a", "xinyu-ps__session-title", course.title);
        link.href = href(course);
        head.appendChild(link);
        row.appendChild(head);

        var meta = make("p", "xinyu-ps__session-meta");
        var code = make("span", "", course.code);
        code.setAttribute("translate", "no");
        meta.appendChild(document.createTextNode("编号 "));
        meta.appendChild(code);
        [course.lecturer, course.format_label, course.periods + " 课时", seriesNote(course, item.session)]
          .forEach(function (part) {
            if (part) meta.appendChild(document.createTextNode(" · " + part));
          });
        if (!fits(course)) {
          meta.appendChild(make("span", "xinyu-ps__warn", "（不适合所选" + (state.grade ? "年级" : "学段") + "）"));
        }
        if (warnings[index]) {
          meta.appendChild(make("span", "xinyu-ps__warn xinyu-ps__series-warn", "（" + warnings[index] + "）"));
        }
        row.appendChild(meta);

        var controls = make("p", "xinyu-ps__session-controls");
        var label = make("label", "xinyu-ps__date", "日期（选填）");
        var input = make("input", "");
        input.type = "date";
        input.value = item.date;
        input.setAttribute("aria-label", "第 " + number + " 次《" + course.title + "》的计划日期");
        input.addEventListener("change", function () {
          item.date = DATE.test(input.value) ? input.value : "";
          update(false);
        });
        label.appendChild(input);
        controls.appendChild(label);
        var up = button("xinyu-ps__up", "上移", "上移第 " + number + " 次《" + course.title + "》");
        up.disabled = index === 0;
        up.addEventListener("click", function () { move(index, -1); });
        var down = button("xinyu-ps__down", "下移", "下移第 " + number + " 次《" + course.title + "》");
        down.disabled = index === state.items.length - 1;
        down.addEventListener("click", function () { move(index, 1); });
        var remove = button("xinyu-ps__remove", "移除",
          "从计划中移除《" + course.title + "》" + (course.sessions > 1 ? "（全部 " + course.sessions + " 次）" : ""));
        remove.addEventListener("click", function () {
          state.items = state.items.filter(function (other) { return other.course !== course.slug; });
          say("已把《" + course.title + "》移出计划。");
          update(true);
          focusRow(index);
        });
        controls.appendChild(up);
        controls.appendChild(down);
        controls.appendChild(remove);
        row.appendChild(controls);
        list.appendChild(row);
      });
    }

    function focusRow(index) {
      var row = list.children[Math.min(index, list.children.length - 1)];
      var target = row ? row.querySelector(".xinyu-ps__remove") : root.querySelector(".xinyu-ps__menu h2");
      if (target) {
        if (!row) target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }

    function renderStatus() {
      var total = counted();
      totals.textContent = "本学期：" + total.sessions + " 次 / " + total.periods + " 课时";
      var result = verdictText(total);
      var problems = seriesProblems();
      verdict.textContent = result + (problems.length ? (result ? "；" : "") + problems.join("；") : "");
      status.classList.toggle("xinyu-ps__status--ok", result === "✓ 达标");
      status.classList.toggle("xinyu-ps__status--short", result !== "" && result !== "✓ 达标");
    }

    function renderSheet() {
      sheet.textContent = "";
      sheet.appendChild(make("h2", "xinyu-ps__sheet-title", title()));
      var where = gradeLabel();
      if (where) sheet.appendChild(make("p", "xinyu-ps__sheet-where", "适用：" + where + "家长"));
      var table = make("table", "xinyu-ps__table");
      var head = table.createTHead().insertRow();
      ["次序", "日期", "课程", "编号", "讲师", "形式", "课时"].forEach(function (name) {
        var th = make("th", "", name);
        th.scope = "col";
        head.appendChild(th);
      });
      var body = table.createTBody();
      state.items.forEach(function (item, index) {
        var course = bySlug[item.course];
        var row = body.insertRow();
        [["次序", "第 " + (index + 1) + " 次"],
          ["日期", dateLabel(item.date) || "　　月　　日"],
          ["课程", course.title + (course.sessions > 1 ? "（" + seriesNote(course, item.session) + "）" : "")],
          ["编号", course.code], ["讲师", course.lecturer], ["形式", course.format_label],
          ["课时", String(course.periods)]].forEach(function (pair) {
          var cell = row.insertCell();
          cell.textContent = pair[1];
          cell.setAttribute("data-label", pair[0]);
          if (pair[0] === "编号") cell.setAttribute("translate", "no");
        });
      });
      if (!state.items.length) {
        var cell = body.insertRow().insertCell();
        cell.colSpan = 7;
        cell.textContent = "（还没有安排课程）";
      }
      var total = counted();
      var foot = table.createTFoot().insertRow();
      var label = foot.insertCell();
      label.colSpan = 6;
      label.textContent = "合计";
      foot.insertCell().textContent = total.sessions + " 次 / " + total.periods + " 课时";
      sheet.appendChild(table);
      var result = verdictText(total);
      sheet.appendChild(make("p", "xinyu-ps__sheet-rule",
        ruleText() + (result ? "。本学期安排：" + total.sessions + " 次 / " + total.periods + " 课时，" + result : "")));
      sheet.appendChild(make("p", "xinyu-ps__sheet-sign",
        "制表人：＿＿＿＿＿＿　　负责人：＿＿＿＿＿＿　　学校（盖章）　　日期：＿＿＿＿＿＿"));
      var order = data.order;
      if (order && (order.phone || order.email)) {
        sheet.appendChild(make("p", "xinyu-ps__sheet-order", "课程预约：" +
          [order.phone ? "电话 " + order.phone : "", order.email ? "邮箱 " + order.email : "", order.note || ""]
            .filter(Boolean).join("　")));
      }
    }

    function say(message) {
      notice.textContent = message;
    }

    function update(structure) {
      if (structure) {
        renderMenu();
        renderPlan();
      }
      renderStatus();
      renderSheet();
      remember();
    }

    // ---- actions -------------------------------------------------------------

    root.querySelector(".xinyu-ps__print").addEventListener("click", function () {
      renderSheet();
      window.print();
    });

    // By date, undated last, but a series' sessions never change their own
    // order: each step takes the earliest of the sessions whose series'
    // earlier sessions are already placed.
    root.querySelector(".xinyu-ps__sort").addEventListener("click", function () {
      var rest = state.items.map(function (item, index) { return { item: item, index: index }; });
      var sorted = [];
      var dated = state.items.some(function (item) { return item.date; });
      var undated = state.items.some(function (item) { return !item.date; });
      while (rest.length) {
        var best = -1;
        rest.forEach(function (entry, at) {
          var blocked = rest.some(function (other) {
            return other.item.course === entry.item.course && other.item.session < entry.item.session;
          });
          if (blocked) return;
          if (best === -1) { best = at; return; }
          var a = entry.item.date || "9999-99-99", b = rest[best].item.date || "9999-99-99";
          if (a < b || (a === b && entry.index < rest[best].index)) best = at;
        });
        sorted.push(rest.splice(best, 1)[0].item);
      }
      state.items = sorted;
      var problems = seriesProblems();
      say((undated && dated ? "已按日期排序，没有填日期的排在最后。" : dated ? "已按日期排序。" : "还没有填写日期。") +
        (problems.length ? "系列课程保持原来的次序：" + problems.join("；") + "，请检查日期。" : ""));
      update(true);
    });

    root.querySelector(".xinyu-ps__clear").addEventListener("click", function () {
      state.items = [];
      say("已清空计划。");
      update(true);
    });

    function showLink(address) {
      linkBox.value = address;
      linkBox.hidden = false;
      linkBox.focus();
      linkBox.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      copied.textContent = done ? "已复制分享链接，可以粘贴到微信。" : "请长按下面的链接，全选后复制。";
    }

    root.querySelector(".xinyu-ps__share").addEventListener("click", function () {
      remember();
      var address = window.location.href;
      copied.textContent = "";
      linkBox.hidden = true;
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(address).then(function () {
          copied.textContent = "已复制分享链接，可以粘贴到微信。";
        }, function () { showLink(address); });
      } else {
        showLink(address);
      }
    });

    root.querySelector(".xinyu-ps__order").addEventListener("click", function () {
      var ids = [];
      state.items.forEach(function (item) {
        if (bySlug[item.course].orderable && ids.indexOf(item.course) === -1) ids.push(item.course);
      });
      if (!ids.length) {
        say("计划里还没有可以点单的课程。");
        return;
      }
      var stored = readJSON(ORDER_KEY);
      if (!stored || typeof stored !== "object" || Array.isArray(stored)) stored = {};
      var already = Array.isArray(stored.courses) ? stored.courses.filter(function (id) {
        return typeof id === "string";
      }) : [];
      ids.forEach(function (id) { if (already.indexOf(id) === -1) already.push(id); });
      stored.courses = already;
      // The plan's sessions and dates, and the school, for the order form to show and send.
      stored.plan = state.items.filter(function (item) { return bySlug[item.course].orderable; })
        .map(function (item) { return { course: item.course, session: item.session, date: item.date }; });
      if (state.school.trim()) stored.school = state.school.trim();
      writeJSON(ORDER_KEY, stored);
      if (orderLink) window.location.href = orderLink.href;
      else say("已把 " + ids.length + " 门课程加入点单，请到课程菜单填写点单表。");
    });

    // ---- start ----------------------------------------------------------------

    function opened(count) {
      say(count ? "已按链接打开计划；其中 " + count + " 次课程已暂停预约或已下架，没有加入。"
        : "已按链接打开计划。");
    }

    // A link pasted into the address bar of this very page.
    window.addEventListener("hashchange", function () {
      if (window.location.hash === written) return;
      var link = decode(window.location.hash || "");
      if (!link) return;
      state = defaults();
      var count = clean(link, state);
      showSettings();
      opened(count);
      update(true);
    });

    showSettings();
    if (fromLink) {
      opened(dropped);
    } else if (dropped) {
      say("上次保存的计划中有 " + dropped + " 次课程已暂停预约或已下架，已从计划中去掉。");
    }
    root.querySelector(".xinyu-ps__nojs").hidden = true;
    app.hidden = false;
    bar.hidden = false;
    update(true);
    root.setAttribute("data-ready", "1");
  }

  function init() {
    var root = document.getElementById("xinyu-parents-school");
    var source = document.getElementById("xinyu-parents-school-data");
    if (!root || !source || root.getAttribute("data-ready")) return;
    var data;
    try {
      data = JSON.parse(source.textContent);
    } catch (error) {
      return;  // the page stays the plain list of courses
    }
    if (data && typeof data === "object") setup(root, data);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
