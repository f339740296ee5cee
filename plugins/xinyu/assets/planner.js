/* xinyu: 学期教学计划 — a semester's mental-health lessons, one every two weeks.
 *
 * Acts only on the page that carries <div class="xinyu-plan"> and the JSON
 * data element #xinyu-plan-data (planner.py). Without JavaScript that page
 * is the list of the lessons that count, grade by grade.
 *
 * The plan is {grade, term, slots}: slots[i] is a lesson slug or null, and
 * slot i is taught in the i-th slot week of the term (weeks 1, 3, 5, ...; a
 * week a holiday takes entirely moves the slot to the next teaching week);
 * rows past the last slot week are 机动 (no week). It lives in localStorage
 * and in the URL hash (#g=5&t=0&l=slug1,slug2,,slug4); a link overrides what
 * is stored. Every value from content reaches the page through textContent.
 *
 * The proposal takes only lessons of the term's semester or of none; every
 * lesson selector also offers, in a group of its own, the grade's lessons of
 * the other semester (a district plan may say to borrow them while its own
 * are written), and a row holding one carries a warning.
 */
(function () {
  "use strict";

  var STORE = "xinyu-plan";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(text, className, label) {
    var node = element("button", "md-button xinyu-plan__small " + (className || ""), text);
    node.type = "button";
    if (label) node.setAttribute("aria-label", label);
    return node;
  }

  // "2027-02-22" -> "2月22日" (read from the text: no time zones involved)
  function dayLabel(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return parts ? Number(parts[2]) + "月" + Number(parts[3]) + "日" : "";
  }

  function setup(root, data) {
    var form = root.querySelector(".xinyu-plan__controls");
    var gradeSelect = form.querySelector("select[name=grade]");
    var termSelect = form.querySelector("select[name=term]");
    var notice = root.querySelector(".xinyu-plan__notice");
    var result = root.querySelector(".xinyu-plan__result");
    var title = root.querySelector(".xinyu-plan__title");
    var table = root.querySelector(".xinyu-plan__table");
    var totals = root.querySelector(".xinyu-plan__totals");
    var copied = root.querySelector(".xinyu-plan__copied");
    var copyText = root.querySelector(".xinyu-plan__copytext");
    var printSection = root.querySelector(".xinyu-plan__print");
    var recommended = root.querySelector(".xinyu-plan__recommended");
    var addButton = root.querySelector(".xinyu-plan__add");

    var grades = data.grades || [];
    var terms = data.terms || [];
    var topics = {};
    (data.topics || []).forEach(function (topic) { topics[topic.key] = topic; });
    var required = data.required || [];
    var lessons = (data.lessons || []).map(function (lesson, index) {
      lesson.index = index;
      return lesson;
    });
    var bySlug = {};
    lessons.forEach(function (lesson) { bySlug[lesson.slug] = lesson; });
    // Lesson links as MkDocs wrote them in the list below (right for
    // directory URLs and for the offline copy alike); the data's URL otherwise.
    var hrefs = {};
    document.querySelectorAll(".xinyu-plan-library [data-lesson] a[href]").forEach(function (link) {
      var slug = link.parentNode.getAttribute("data-lesson");
      if (slug && !hrefs[slug]) hrefs[slug] = link.getAttribute("href");
    });
    if (!grades.length || !terms.length) return;

    function grade(key) {
      for (var i = 0; i < grades.length; i++) if (grades[i].key === key) return grades[i];
      return null;
    }

    function topicLabel(key) { return topics[key] ? topics[key].label : key; }

    function href(lesson) { return hrefs[lesson.slug] || lesson.url; }

    // The lessons a grade can take in a term: counted, for the grade, of the
    // term's semester or of none; showcase lessons first, then those of the
    // semester, then the site's order.
    function candidates(gradeKey, term) {
      function rank(lesson) {
        return (lesson.showcase ? 0 : 2) + (lesson.semester === term.semester ? 0 : 1);
      }
      return lessons.filter(function (lesson) {
        return lesson.counted && lesson.grades.indexOf(gradeKey) !== -1 &&
          (lesson.semester === null || lesson.semester === term.semester);
      }).sort(function (a, b) { return rank(a) - rank(b) || a.index - b.index; });
    }

    // The grade's counted lessons written for another semester than the
    // term's: offered apart in the selectors, never proposed.
    function others(gradeKey, term) {
      return lessons.filter(function (lesson) {
        return lesson.counted && lesson.grades.indexOf(gradeKey) !== -1 &&
          lesson.semester !== null && lesson.semester !== term.semester;
      });
    }

    function offTerm(lesson, term) {
      return !!lesson && lesson.semester !== null && lesson.semester !== term.semester;
    }

    function semesterLabel(key) { return data.semesters[String(key)] || "其他学期"; }

    // "《…》写的是上学期，放在下学期请确认"
    function offTermText(lesson, term) {
      return "《" + lesson.title + "》写的是" + semesterLabel(lesson.semester) + "，放在" +
        term.semester_label + "请确认";
    }

    function takesWeek(term, week) {
      var info = term.week_list[week - 1];
      return !!(info && info.holiday);
    }

    // One lesson every two weeks: weeks 1, 3, 5, ...; a week a holiday takes
    // entirely moves the slot to the next teaching week.
    function slotWeeks(term) {
      var weeks = [];
      var last = 0;
      for (var nominal = 1; nominal <= term.weeks; nominal += 2) {
        var week = Math.max(nominal, last + 1);
        while (week <= term.weeks && takesWeek(term, week)) week += 1;
        if (week > term.weeks) break;
        weeks.push(week);
        last = week;
      }
      return weeks;
    }

    function periodsOf(slugs) {
      return slugs.reduce(function (sum, slug) { return sum + (slug ? bySlug[slug].periods : 0); }, 0);
    }

    function propose(gradeKey, termIndex) {
      var term = terms[termIndex];
      var pool = candidates(gradeKey, term);
      var count = slotWeeks(term).length;
      var picked = [];
      var used = {};
      function take(topic) {
        for (var i = 0; i < pool.length; i++) {
          if (!used[pool[i].slug] && pool[i].topic === topic) {
            used[pool[i].slug] = true;
            picked.push(pool[i]);
            return true;
          }
        }
        return false;
      }
      required.forEach(function (topic) { if (picked.length < count) take(topic.key); });
      var progress = true;
      while (picked.length < count && progress) {  // then round-robin over every topic
        progress = false;
        (data.topics || []).forEach(function (topic) {
          if (picked.length < count && take(topic.key)) progress = true;
        });
      }
      // Below the minimum with every slot taken: a longer lesson replaces a
      // shorter one, never the only lesson of a required topic.
      var minimum = grade(gradeKey).minimum;
      for (var round = 0; round < 100; round++) {
        var total = picked.reduce(function (sum, lesson) { return sum + lesson.periods; }, 0);
        if (total >= minimum) break;
        var best = null;
        picked.forEach(function (lesson, index) {
          var sole = isRequired(lesson.topic) && picked.filter(function (other) {
            return other.topic === lesson.topic;
          }).length === 1;
          pool.forEach(function (other) {
            if (used[other.slug] || other.periods <= lesson.periods) return;
            if (sole && other.topic !== lesson.topic) return;
            var gain = other.periods - lesson.periods;
            if (!best || gain > best.gain) best = { index: index, lesson: other, gain: gain };
          });
        });
        if (!best) break;
        delete used[picked[best.index].slug];
        used[best.lesson.slug] = true;
        picked[best.index] = best.lesson;
      }
      var slots = picked.map(function (lesson) { return lesson.slug; });
      while (slots.length < count) slots.push(null);
      return { grade: gradeKey, term: termIndex, slots: slots };
    }

    function isRequired(topic) {
      return required.some(function (item) { return item.key === topic; });
    }

    // A plan read from a link, from storage or from a recommended plan: the
    // slugs that cannot be planned (unknown, another grade, a type that does
    // not count, listed twice) are dropped and returned with the reason;
    // lessons of the other semester stay (their rows carry a warning).
    function clean(gradeKey, termIndex, slugs) {
      var seen = {};
      var dropped = [];
      var slots = slugs.map(function (slug) {
        if (!slug) return null;
        var lesson = Object.prototype.hasOwnProperty.call(bySlug, slug) ? bySlug[slug] : null;
        var reason = !lesson ? "教案库中没有这篇教案" :
          lesson.grades.indexOf(gradeKey) === -1 ? "不适用于" + grade(gradeKey).label :
          !lesson.counted ? lesson.type + "不是计入课时的课型" :
          seen[slug] ? "在计划中出现了两次" : "";
        if (reason) { dropped.push({ slug: slug, lesson: lesson, reason: reason }); return null; }
        seen[slug] = true;
        return slug;
      });
      var count = slotWeeks(terms[termIndex]).length;
      while (slots.length < count) slots.push(null);
      trim(slots, count);
      return { plan: { grade: gradeKey, term: termIndex, slots: slots }, dropped: dropped };
    }

    // "《情绪课例》（不适用于八年级）、taming-the-impulse（教案库中没有这篇教案）"
    function droppedText(dropped) {
      return dropped.map(function (item) {
        return (item.lesson ? "《" + item.lesson.title + "》" : item.slug) + "（" + item.reason + "）";
      }).join("、");
    }

    // The first week of the plan with no lesson, or -1.
    function firstEmpty(plan) {
      var count = slotWeeks(terms[plan.term]).length;
      var empty = plan.slots.indexOf(null);
      return empty !== -1 && empty < count ? empty : -1;
    }

    // Empty rows past the last slot week go.
    function trim(slots, count) {
      while (slots.length > count && slots[slots.length - 1] === null) slots.pop();
    }

    function hashOf(plan) {
      var slots = plan.slots.slice();
      while (slots.length && slots[slots.length - 1] === null) slots.pop();
      return "g=" + plan.grade + "&t=" + plan.term + "&l=" + slots.map(function (slug) {
        return slug ? encodeURIComponent(slug) : "";
      }).join(",");
    }

    function fromHash() {
      var text = window.location.hash.replace(/^#/, "");
      if (!/(^|&)g=/.test(text)) return null;
      var fields = {};
      text.split("&").forEach(function (pair) {
        var at = pair.indexOf("=");
        if (at > 0) fields[pair.slice(0, at)] = pair.slice(at + 1);
      });
      var notes = [];
      var gradeKey = Number(fields.g);
      if (!grade(gradeKey)) {
        notes.push("链接中的年级不存在，已改为" + grades[0].label + "。");
        gradeKey = grades[0].key;
      }
      var termIndex = Number(fields.t || 0);
      if (!(termIndex >= 0 && termIndex < terms.length && Math.floor(termIndex) === termIndex)) {
        notes.push("链接中的学期不存在，已改为" + terms[0].name + "。");
        termIndex = 0;
      }
      if (fields.l === undefined) {
        return { plan: propose(gradeKey, termIndex), notes: notes };
      }
      var slugs = fields.l.split(",").map(function (part) {
        try { return decodeURIComponent(part); } catch (error) { return part; }
      });
      var read = clean(gradeKey, termIndex, slugs);
      if (read.dropped.length) {
        notes.push("链接中有 " + read.dropped.length + " 节课不能排进" + grade(gradeKey).label +
          terms[termIndex].name + "的计划，已略去：" + droppedText(read.dropped) + "。");
      }
      return { plan: read.plan, notes: notes };
    }

    function fromStore() {
      try {
        var stored = JSON.parse(window.localStorage.getItem(STORE) || "null");
        if (!stored || !grade(stored.g) || !(stored.t >= 0 && stored.t < terms.length) ||
            !Array.isArray(stored.l)) return null;
        return clean(stored.g, stored.t, stored.l.map(function (slug) {
          return typeof slug === "string" && slug ? slug : null;
        })).plan;
      } catch (error) {
        return null;
      }
    }

    function save(plan) {
      try {
        window.localStorage.setItem(STORE, JSON.stringify({ g: plan.grade, t: plan.term, l: plan.slots }));
      } catch (error) { /* private mode: the plan lives in the link */ }
      var url = window.location.pathname + window.location.search + "#" + hashOf(plan);
      if (window.location.href.split("#")[0] + "#" + hashOf(plan) !== window.location.href) {
        history.replaceState(null, "", url);
      }
    }

    function say(lines) {
      notice.textContent = lines.join(" ");
      notice.hidden = !lines.length;
    }

    var state;

    // --- what the plan adds up to ----------------------------------------

    function summary(plan) {
      var term = terms[plan.term];
      var weeks = slotWeeks(term);
      var filled = plan.slots.filter(Boolean);
      var periods = periodsOf(plan.slots);
      var minimum = grade(plan.grade).minimum;
      var used = {};
      filled.forEach(function (slug) { used[slug] = true; });
      var spare = candidates(plan.grade, term).filter(function (lesson) { return !used[lesson.slug]; });
      var borrow = others(plan.grade, term).filter(function (lesson) { return !used[lesson.slug]; });
      var covered = {};
      filled.forEach(function (slug) { covered[bySlug[slug].topic] = true; });
      var warnings = [];
      if (periods < minimum) {
        warnings.push("课时不足：还差 " + (minimum - periods) + " 课时才达到区定最低 " + minimum + " 课时。" +
          (spare.length ? "可以在空行里选课，或点“添加一节”。" :
            "教案库里没有更多" + grade(plan.grade).label + term.semester_label + "可选的教案。"));
      }
      required.forEach(function (topic) {
        if (covered[topic.key]) return;
        var options = spare.filter(function (lesson) { return lesson.topic === topic.key; });
        var borrowed = borrow.filter(function (lesson) { return lesson.topic === topic.key; });
        warnings.push("缺少必修主题“" + topic.label + "”：" + (options.length ?
          "可以选《" + options[0].title + "》" + (options.length > 1 ? "等 " + options.length + " 篇" : "") + "。" :
          "教案库里还没有" + grade(plan.grade).label + term.semester_label + "可用的" + topic.label + "教案" +
          (borrowed.length ? "；" + semesterLabel(borrowed[0].semester) + "的《" + borrowed[0].title +
            "》可以借用（在选课框的“其他学期”中，放在" + term.semester_label + "请确认）。" : "。")));
      });
      filled.forEach(function (slug) {
        if (offTerm(bySlug[slug], term)) warnings.push(offTermText(bySlug[slug], term) + "。");
      });
      var empty = [];
      plan.slots.forEach(function (slug, index) { if (!slug && index < weeks.length) empty.push(weeks[index]); });
      if (empty.length) warnings.push("第 " + empty.join("、") + " 周还没有安排课。");
      var extra = plan.slots.length - weeks.length;
      if (extra > 0) warnings.push("有 " + extra + " 节课超出了每两周一节的安排，列为机动课时。");
      return { periods: periods, minimum: minimum, lessons: filled.length, covered: covered,
        warnings: warnings, weeks: weeks, spare: spare, borrow: borrow };
    }

    function weekCells(term, weeks, index) {
      var week = weeks[index];
      if (!week) return { week: "机动", dates: "—" };
      var info = term.week_list[week - 1] || {};
      var dates = info.dates ? dayLabel(info.dates[0]) + "—" + dayLabel(info.dates[1]) : "";
      if (info.dates && info.holidays && info.holidays.length) dates += "（含" + info.holidays.join("、") + "）";
      return { week: "第 " + week + " 周", dates: dates };
    }

    function planTitle(plan) {
      return grade(plan.grade).label + " " + terms[plan.term].name + " 心理健康教育教学计划";
    }

    function showcaseText(lesson) {
      if (!lesson.showcase) return "";
      return "课例" + (lesson.showcase.award ? "（" + lesson.showcase.award + "）" : "");
    }

    // --- the screen --------------------------------------------------------

    function render() {
      var plan = state;
      var term = terms[plan.term];
      var sum = summary(plan);
      var dated = !!term.start;
      gradeSelect.value = String(plan.grade);
      termSelect.value = String(plan.term);
      title.textContent = planTitle(plan);

      table.textContent = "";
      var headings = ["周次"].concat(dated ? ["日期"] : [], ["课题", "主题", "课时", "课例", "调整"]);
      var head = table.createTHead().insertRow();
      headings.forEach(function (text) {
        var th = element("th", "", text);
        th.scope = "col";
        head.appendChild(th);
      });
      var body = table.createTBody();
      plan.slots.forEach(function (slug, index) {
        var lesson = slug ? bySlug[slug] : null;
        var when = weekCells(term, sum.weeks, index);
        var row = body.insertRow();
        var borrowed = offTerm(lesson, term);
        row.className = lesson ? (borrowed ? "xinyu-plan__row--off-term" : "") : "xinyu-plan__row--empty";
        function cell(label, content) {
          var td = row.insertCell();
          td.setAttribute("data-label", label);
          if (content instanceof Node) td.appendChild(content); else td.textContent = content;
          return td;
        }
        var weekCell = element("th", "", when.week);
        weekCell.scope = "row";
        weekCell.setAttribute("data-label", "周次");
        row.appendChild(weekCell);
        if (dated) cell("日期", when.dates);
        if (lesson) {
          var link = element("a", "", lesson.title);
          link.href = href(lesson);
          var titleCell = cell("课题", link);
          if (borrowed) {
            titleCell.appendChild(element("span", "xinyu-plan__off-term",
              "⚠ 写的是" + semesterLabel(lesson.semester) + "，放在" + term.semester_label + "请确认"));
          }
        } else {
          cell("课题", element("span", "xinyu-plan__empty", "（未安排）"));
        }
        cell("主题", lesson ? topicLabel(lesson.topic) : "");
        cell("课时", lesson ? String(lesson.periods) : "");
        cell("课例", lesson ? showcaseText(lesson) : "");
        cell("调整", controls(plan, index, lesson, when.week, sum));
      });
      var empty = firstEmpty(plan);
      addButton.textContent = empty === -1 ? "添加一节（在最后加一行机动课时）" :
        "添加一节（排在空着的" + weekCells(term, sum.weeks, empty).week + "）";
      renderTotals(plan, sum);
      renderPrint(plan, sum);
      result.hidden = false;
    }

    function controls(plan, index, lesson, week, sum) {
      var spare = sum.spare;
      var term = terms[plan.term];
      var box = element("div", "xinyu-plan__controls-cell");
      var select = element("select", "xinyu-plan__swap");
      select.setAttribute("aria-label", week + "：" + (lesson ? "替换《" + lesson.title + "》" : "安排一节课"));
      var first = element("option", "", lesson ? "替换为……" : "选择一节课……");
      first.value = "";
      select.appendChild(first);
      function option(other) {
        var item = element("option", "", other.title + "（" + topicLabel(other.topic) + " · " +
          other.periods + " 课时" + (other.showcase ? " · 课例" : "") + "）");
        item.value = other.slug;
        return item;
      }
      spare.forEach(function (other) { select.appendChild(option(other)); });
      // Then the other semester's lessons, apart, one group per semester.
      var groups = {};
      sum.borrow.forEach(function (other) {
        var key = String(other.semester);
        if (!groups[key]) {
          groups[key] = element("optgroup");
          groups[key].label = "其他学期（按计划应在" + semesterLabel(other.semester) + "上，放在" +
            term.semester_label + "请确认）";
          select.appendChild(groups[key]);
        }
        groups[key].appendChild(option(other));
      });
      if (!spare.length && !sum.borrow.length) {
        first.textContent = "没有其他可选的教案";
        select.disabled = true;
      }
      select.addEventListener("change", function () {
        if (!select.value) return;
        change(function (slots) { slots[index] = select.value; }, "#xinyu-plan-row-" + index + " select");
      });
      box.appendChild(select);
      var up = button("上移", "xinyu-plan__up", "上移" + week + (lesson ? "的《" + lesson.title + "》" : "的空行"));
      up.disabled = index === 0;
      up.addEventListener("click", function () {
        change(function (slots) { swap(slots, index, index - 1); }, focusAfter(index - 1, "up"));
      });
      var down = button("下移", "xinyu-plan__down", "下移" + week + (lesson ? "的《" + lesson.title + "》" : "的空行"));
      down.disabled = index === plan.slots.length - 1;
      down.addEventListener("click", function () {
        change(function (slots) { swap(slots, index, index + 1); }, focusAfter(index + 1, "down"));
      });
      box.appendChild(up);
      box.appendChild(down);
      if (lesson) {
        var remove = button("移除", "xinyu-plan__remove", "从计划中移除《" + lesson.title + "》");
        remove.addEventListener("click", function () {
          change(function (slots) { slots[index] = null; }, "#xinyu-plan-row-" + index + " select");
        });
        box.appendChild(remove);
      }
      var holder = element("div");
      holder.id = "xinyu-plan-row-" + index;
      holder.appendChild(box);
      return holder;
    }

    function focusAfter(index, which) {
      return "#xinyu-plan-row-" + index + " .xinyu-plan__" + which;
    }

    function swap(slots, a, b) {
      var keep = slots[a];
      slots[a] = slots[b];
      slots[b] = keep;
    }

    function change(edit, focus) {
      var slots = state.slots.slice();
      edit(slots);
      trim(slots, slotWeeks(terms[state.term]).length);
      state = { grade: state.grade, term: state.term, slots: slots };
      say([]);
      update();
      var next = focus && root.querySelector(focus);
      if (next && !next.disabled) next.focus();
    }

    function renderTotals(plan, sum) {
      totals.textContent = "";
      var ok = sum.periods >= sum.minimum;
      var line = element("p", "xinyu-plan__sum " + (ok ? "xinyu-plan__sum--ok" : "xinyu-plan__sum--short"),
        "共 " + sum.periods + " 课时 / 区定最低 " + sum.minimum + " 课时 " + (ok ? "✓" : "✗"));
      totals.appendChild(line);
      totals.appendChild(element("p", "xinyu-plan__count", "已排 " + sum.lessons + " 节课。"));
      var list = element("ul", "xinyu-plan__topics");
      list.setAttribute("aria-label", "必修主题");
      required.forEach(function (topic) {
        var done = !!sum.covered[topic.key];
        list.appendChild(element("li", done ? "xinyu-plan__topic--ok" : "xinyu-plan__topic--missing",
          topic.label + "：" + (done ? "已安排 ✓" : "缺少 ✗")));
      });
      totals.appendChild(list);
      if (sum.warnings.length) {
        var warnings = element("ul", "xinyu-plan__warnings");
        warnings.setAttribute("aria-label", "提醒");
        sum.warnings.forEach(function (text) { warnings.appendChild(element("li", "", text)); });
        totals.appendChild(warnings);
      } else {
        totals.appendChild(element("p", "xinyu-plan__fine", "这份计划符合区里的要求：课时达标，必修主题齐全。"));
      }
    }

    function rows(plan, sum) {
      var term = terms[plan.term];
      return plan.slots.map(function (slug, index) {
        var lesson = slug ? bySlug[slug] : null;
        var when = weekCells(term, sum.weeks, index);
        return { week: when.week, dates: when.dates, title: lesson ? lesson.title : "",
          topic: lesson ? topicLabel(lesson.topic) : "", periods: lesson ? String(lesson.periods) : "",
          showcase: lesson ? showcaseText(lesson) : "",
          note: lesson ? [showcaseText(lesson), offTerm(lesson, term) ? semesterLabel(lesson.semester) + "教案" : ""]
            .filter(Boolean).join("；") : "" };
      });
    }

    function totalsText(sum) {
      var topicsText = required.map(function (topic) {
        return topic.label + (sum.covered[topic.key] ? " ✓" : " 缺少");
      }).join("　");
      return ["共 " + sum.lessons + " 节课，" + sum.periods + " 课时（区定每学期至少 " + sum.minimum + " 课时）",
        "必修主题：" + topicsText];
    }

    function renderPrint(plan, sum) {
      var dated = !!terms[plan.term].start;
      printSection.textContent = "";
      printSection.appendChild(element("h1", "", planTitle(plan)));
      printSection.appendChild(element("p", "xinyu-plan__blanks",
        "学校：＿＿＿＿＿＿＿＿＿＿　班级：＿＿＿＿＿＿　任课教师：＿＿＿＿＿＿"));
      var sheet = element("table", "xinyu-plan__sheet");
      var head = sheet.createTHead().insertRow();
      ["周次"].concat(dated ? ["日期"] : [], ["课题", "主题", "课时", "备注"]).forEach(function (text) {
        head.appendChild(element("th", "", text));
      });
      var body = sheet.createTBody();
      // Every column but the title's keeps its text on one line.
      rows(plan, sum).forEach(function (row) {
        var tr = body.insertRow();
        [row.week].concat(dated ? [row.dates] : [], [row.title, row.topic, row.periods, row.note])
          .forEach(function (text, column) {
            var td = tr.insertCell();
            td.textContent = text;
            if (column !== (dated ? 2 : 1)) td.className = "xinyu-plan__nowrap";
          });
      });
      printSection.appendChild(sheet);
      totalsText(sum).forEach(function (text) { printSection.appendChild(element("p", "", text)); });
    }

    function tableText(plan) {
      var sum = summary(plan);
      var dated = !!terms[plan.term].start;
      var lines = [planTitle(plan),
        ["周次"].concat(dated ? ["日期"] : [], ["课题", "主题", "课时", "课例"]).join("\t")];
      rows(plan, sum).forEach(function (row) {
        lines.push([row.week].concat(dated ? [row.dates] : [], [row.title, row.topic, row.periods, row.showcase])
          .map(function (text) { return text.replace(/[\t\r\n]+/g, " "); }).join("\t"));
      });
      return lines.concat(totalsText(sum)).join("\r\n");
    }

    function update() {
      save(state);
      render();
    }

    // --- recommended plans --------------------------------------------------

    function renderRecommended() {
      var plans = data.plans || [];
      var box = recommended.querySelector(".xinyu-plan__plans");
      box.textContent = "";
      plans.forEach(function (plan) {
        var item = element("article", "xinyu-plan__rec");
        item.appendChild(element("h3", "", plan.title));
        var g = grade(plan.grade);
        item.appendChild(element("p", "xinyu-plan__rec-meta", (g ? g.label : "") + " · " +
          (data.semesters[String(plan.semester)] || "") + " · " + plan.lessons.length + " 节课，共 " +
          plan.periods + " 课时"));
        if (plan.note) item.appendChild(element("p", "", plan.note));
        var list = element("ol");
        plan.lessons.forEach(function (slug) {
          var lesson = bySlug[slug];
          if (!lesson) return;
          var li = element("li");
          var link = element("a", "", lesson.title);
          link.href = href(lesson);
          li.appendChild(link);
          li.appendChild(document.createTextNode("（" + topicLabel(lesson.topic) + " · " + lesson.periods + " 课时）"));
          list.appendChild(li);
        });
        item.appendChild(list);
        var load = button("载入到计划表", "xinyu-plan__load", "载入到计划表：" + plan.title);
        load.addEventListener("click", function () { loadPlan(plan); });
        item.appendChild(load);
        box.appendChild(item);
      });
      recommended.hidden = !plans.length;
    }

    function loadPlan(plan) {
      if (!grade(plan.grade)) return;
      var notes = [];
      var termIndex = state.term;
      if (terms[termIndex].semester !== plan.semester) {
        termIndex = -1;
        for (var i = 0; i < terms.length; i++) {
          if (terms[i].semester === plan.semester) { termIndex = i; break; }
        }
        if (termIndex === -1) {
          termIndex = state.term;
          notes.push("学期日历中没有" + (data.semesters[String(plan.semester)] || "这个学期") +
            "，已载入到" + terms[termIndex].name + "。");
        }
      }
      var read = clean(plan.grade, termIndex, plan.lessons.slice());
      state = read.plan;
      notes.unshift("已载入区推荐计划“" + plan.title + "”。");
      if (read.dropped.length) {
        notes.push("有 " + read.dropped.length + " 节课不能排进计划，已略去：" + droppedText(read.dropped) + "。");
      }
      update();
      say(notes);
      title.focus();
    }

    // --- start ---------------------------------------------------------------

    grades.forEach(function (item) {
      var option = element("option", "", item.label);
      option.value = String(item.key);
      gradeSelect.appendChild(option);
    });
    terms.forEach(function (term, index) {
      var detail = term.start ? term.start.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, "$1年$2月$3日") + "开学，" : "";
      var option = element("option", "", term.name + "（" + detail + term.weeks + " 周）");
      option.value = String(index);
      termSelect.appendChild(option);
    });
    title.tabIndex = -1;

    function choose() {
      state = propose(Number(gradeSelect.value), Number(termSelect.value));
      update();
      say(["已为" + planTitle(state).replace(" 心理健康教育教学计划", "") + "生成建议计划：每两周一节。"]);
    }

    gradeSelect.addEventListener("change", choose);
    termSelect.addEventListener("change", choose);
    form.querySelector(".xinyu-plan__propose").addEventListener("click", choose);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    // 添加一节: a week of the plan still empty gets the lesson (its selector
    // takes the focus); with every week taken, a 机动 row is added at the
    // end. The button says which, and so does the live region after it.
    addButton.addEventListener("click", function () {
      var empty = firstEmpty(state);
      var message;
      if (empty === -1) {
        state = { grade: state.grade, term: state.term, slots: state.slots.concat([null]) };
        empty = state.slots.length - 1;
        update();
        message = "已在计划最后添加一行机动课时，请在这一行选择一节课。";
      } else {
        message = weekCells(terms[state.term], slotWeeks(terms[state.term]), empty).week +
          "还没有安排课，新的一节排在这一周：请在这一行选择一节课。";
      }
      say([message]);
      var select = root.querySelector("#xinyu-plan-row-" + empty + " select");
      if (select && !select.disabled) select.focus();
    });

    root.querySelector(".xinyu-plan__print-button").addEventListener("click", function () { window.print(); });

    root.querySelector(".xinyu-plan__copy").addEventListener("click", function () {
      var text = tableText(state);
      copied.textContent = "";
      copyText.hidden = true;
      function byHand() {
        copyText.value = text;
        copyText.hidden = false;
        copyText.focus();
        copyText.select();
        var done = false;
        try { done = document.execCommand("copy"); } catch (error) { done = false; }
        copied.textContent = done ? "已复制，可以粘贴到 Excel 表格或 Word 文档中。" :
          "浏览器不允许直接复制：请选中下面的全部文字后复制（手机上长按后全选）。";
      }
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(text).then(function () {
          copied.textContent = "已复制，可以粘贴到 Excel 表格或 Word 文档中。";
        }, byHand);
      } else {
        byHand();
      }
    });

    function start() {
      var linked = fromHash();
      if (linked) {
        state = linked.plan;
        update();
        say(linked.notes);
        return;
      }
      state = fromStore() || propose(grades[0].key, 0);
      update();
      say([]);
    }

    window.addEventListener("hashchange", function () {
      var text = window.location.hash.replace(/^#/, "");
      if (text && text !== hashOf(state)) start();
    });

    document.body.classList.add("xinyu-plan-page");
    root.querySelector(".xinyu-plan__nojs").hidden = true;
    form.hidden = false;
    renderRecommended();
    start();
  }

  function init() {
    var root = document.querySelector(".xinyu-plan");
    var source = document.getElementById("xinyu-plan-data");
    if (!root || !source || root.getAttribute("data-ready")) return;
    var data;
    try { data = JSON.parse(source.textContent); } catch (error) { return; }
    root.setAttribute("data-ready", "1");
    setup(root, data);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
