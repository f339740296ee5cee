/* xinyu: ordering courses from the menu (点单), without a server.
 *
 * The chosen course ids (file names) survive a reload in localStorage, with
 * what the parents' school page (parents-school.js) hands over: its plan's
 * sessions and dates and the school's name; no contact details are stored.
 * A series reads 共 N 次，每次 M 课时 (data-sessions, data-periods). A person reads a course by its number (课程编号,
 * data-course-code, e.g. JZ-01) and title, never by its file name. The order becomes a mailto: link and a printable order sheet; the
 * contact's phone number leaves the browser only inside that e-mail (or the
 * same text copied to the clipboard, for WeChat, where there is no mail app).
 */
(function () {
  "use strict";

  var KEY = "xinyu-order";

  // The stored order: {courses: [ids]}, and, when the parents' school page
  // (parents-school.js) handed its plan over, also {school: "…", plan:
  // [{course, session, date}]}. Older stores hold only the courses.
  function stored() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return data && typeof data === "object" && !Array.isArray(data) ? data : {};
    } catch (error) {
      return {};
    }
  }

  function load() {
    var data = stored();
    return Array.isArray(data.courses) ? data.courses : [];
  }

  // The courses chosen; the plan keeps only the sessions of courses still chosen.
  function save(ids) {
    var data = stored();
    data.courses = ids;
    if (Array.isArray(data.plan)) {
      data.plan = data.plan.filter(function (item) { return item && ids.indexOf(item.course) !== -1; });
    }
    if (!ids.length || !Array.isArray(data.plan) || !data.plan.length) delete data.plan;
    if (!ids.length) delete data.school;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
    } catch (error) { /* private mode: the order lives as long as the page */ }
  }

  function storedSchool() {
    var school = stored().school;
    return typeof school === "string" ? school.slice(0, 60) : "";
  }

  // The parents' school plan's sessions of the chosen courses, in its order.
  function storedPlan(chosen) {
    var plan = stored().plan;
    var byId = {};
    chosen.forEach(function (course) { byId[course.id] = course; });
    return (Array.isArray(plan) ? plan : []).filter(function (item) {
      return item && byId[item.course] && Number(item.session) >= 1;
    }).map(function (item) {
      return { course: byId[item.course], session: Number(item.session),
        date: typeof item.date === "string" && parseDate(item.date) ? item.date : "" };
    });
  }

  // 家长学校计划：第1次 2027-03-05【JZ-01】《父母成长课堂》（第 1/3 次）；第2次 日期待定……
  function planText(plan) {
    if (!plan.length) return "";
    return "家长学校计划：" + plan.map(function (item, index) {
      var course = item.course;
      return "第" + (index + 1) + "次 " + (item.date || "日期待定") + " " + named(course) +
        (course.sessions > 1 ? "（第 " + item.session + "/" + course.sessions + " 次）" : "");
    }).join("；");
  }

  // 共 3 次，每次 2 课时: what a series adds to a course's line.
  function seriesText(sessions, periods) {
    return sessions > 1 ? "共 " + sessions + " 次" + (periods ? "，每次 " + periods + " 课时" : "") : "";
  }

  function courseInfo(element) {
    var sessions = Number(element.getAttribute("data-sessions") || 1) || 1;
    var periods = Number(element.getAttribute("data-periods") || 0) || 0;
    var meta = element.getAttribute("data-course-meta") || "";
    var series = seriesText(sessions, periods);
    return {
      id: element.getAttribute("data-course-id"),
      code: element.getAttribute("data-course-code") || "",
      title: element.getAttribute("data-course-title"),
      status: element.getAttribute("data-course-status"),
      leadDays: Number(element.getAttribute("data-lead-days") || 0),
      capacity: Number(element.getAttribute("data-capacity") || 0),
      sessions: sessions,
      periods: periods,
      meta: meta + (series ? (meta ? "，" : "") + series : "")
    };
  }

  function catalogue() {
    var courses = {};
    document.querySelectorAll("[data-course-id]").forEach(function (element) {
      var info = courseInfo(element);
      courses[info.id] = info;
    });
    return courses;
  }

  function addDays(date, days) {
    var result = new Date(date.getFullYear(), date.getMonth(), date.getDate());
    result.setDate(result.getDate() + days);
    return result;
  }

  function isoDate(date) {
    var month = String(date.getMonth() + 1).padStart(2, "0");
    var day = String(date.getDate()).padStart(2, "0");
    return date.getFullYear() + "-" + month + "-" + day;
  }

  function parseDate(value) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
    return parts ? new Date(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) : null;
  }

  function validate(chosen, fields) {
    var messages = [];
    if (!chosen.length) messages.push("请先选择至少一门课程。");
    [["school", "学校 / 班级"], ["contact", "联系人"], ["phone", "联系电话"]].forEach(function (pair) {
      if (!fields[pair[0]].trim()) messages.push("请填写" + pair[1] + "。");
    });
    if (fields.phone.trim() && !/^[0-9+()\-\s]{7,20}$/.test(fields.phone.trim())) {
      messages.push("联系电话的格式不对，请只填写数字（可含区号和“-”）。");
    }
    var today = new Date();
    [["date", "首选日期"], ["date2", "备选日期"]].forEach(function (pair) {
      var value = fields[pair[0]];
      if (!value) {
        if (pair[0] === "date") messages.push("请选择首选日期。");
        return;
      }
      var date = parseDate(value);
      if (!date) { messages.push(pair[1] + "的格式不对。"); return; }
      chosen.forEach(function (course) {
        var earliest = addDays(today, course.leadDays);
        if (date < earliest) {
          messages.push("《" + course.title + "》需要至少提前 " + course.leadDays + " 天预约，" +
            pair[1] + "最早可选 " + isoDate(earliest) + "。");
        }
      });
    });
    var participants = Number(fields.participants);
    if (!fields.participants || !(participants >= 1) || Math.floor(participants) !== participants) {
      messages.push("请填写预计参加人数（整数）。");
    } else {
      chosen.forEach(function (course) {
        if (course.capacity && participants > course.capacity) {
          messages.push("《" + course.title + "》每场最多 " + course.capacity + " 人，预计 " + participants +
            " 人超出了，请分场次点单或减少人数。");
        }
      });
    }
    return messages;
  }

  // 【JZ-01】《读懂孩子的情绪》: how every text a person reads names a course.
  function named(course) {
    return (course.code ? "【" + course.code + "】" : "") + "《" + course.title + "》";
  }

  function orderText(chosen, fields) {
    var lines = ["点单课程："];
    chosen.forEach(function (course, index) {
      lines.push((index + 1) + ". " + named(course) + "（" + course.meta + "）");
    });
    var plan = planText(storedPlan(chosen));
    if (plan) lines.push(plan);
    lines.push("", "学校 / 班级：" + fields.school.trim(), "联系人：" + fields.contact.trim(),
      "联系电话：" + fields.phone.trim(), "首选日期：" + fields.date,
      "备选日期：" + (fields.date2 || "无"), "预计参加人数：" + fields.participants,
      "备注：" + (fields.note.trim() || "无"));
    return lines.join("\r\n");
  }

  function subject(chosen, fields) {
    return "【家庭教育课程点单】" + fields.school.trim() + "：" + chosen.map(function (course) {
      return named(course);
    }).join("、");
  }

  function setupPanel(panel, courses) {
    var list = panel.querySelector(".xinyu-order__courses");
    var empty = panel.querySelector(".xinyu-order__empty");
    var form = panel.querySelector(".xinyu-order__form");
    var messages = panel.querySelector(".xinyu-order__messages");
    var result = panel.querySelector(".xinyu-order__result");
    var mail = panel.querySelector(".xinyu-order__mail");
    var sheet = document.querySelector(".xinyu-order-sheet");
    var email = panel.getAttribute("data-order-email") || "";
    var copyButton = panel.querySelector(".xinyu-order__copy");
    var copied = panel.querySelector(".xinyu-order__copied");
    var copyText = panel.querySelector(".xinyu-order__copytext");
    var text = "";
    // The parents' school plan handed over (parents-school.js), shown under the courses.
    var planLine = panel.querySelector(".xinyu-order__plan");
    if (!planLine) {
      planLine = document.createElement("p");
      planLine.className = "xinyu-order__plan";
      planLine.hidden = true;
      list.parentNode.insertBefore(planLine, list.nextSibling);
    }

    function chosen() {
      return load().filter(function (id) {
        return courses[id] && courses[id].status === "open";
      }).map(function (id) { return courses[id]; });
    }

    function fields() {
      var data = {};
      ["school", "contact", "phone", "date", "date2", "participants", "note"].forEach(function (name) {
        data[name] = form.elements[name].value;
      });
      return data;
    }

    function render() {
      var items = chosen();
      list.textContent = "";
      items.forEach(function (course) {
        var item = document.createElement("li");
        var text = document.createElement("span");
        text.textContent = course.title + "（" + (course.code ? "编号 " + course.code + "，" : "") +
          course.meta + "）";
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "xinyu-order__remove";
        remove.textContent = "移除";
        remove.setAttribute("aria-label", "从点单中移除《" + course.title + "》");
        remove.addEventListener("click", function () {
          save(load().filter(function (id) { return id !== course.id; }));
          update();
        });
        item.appendChild(text);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(remove);
        list.appendChild(item);
      });
      empty.hidden = items.length > 0;
      var planned = planText(storedPlan(items));
      planLine.textContent = planned;
      planLine.hidden = !planned;
      result.hidden = true;
      resetCopy();
    }

    function resetCopy() {
      if (copied) copied.textContent = "";
      if (copyText) { copyText.hidden = true; copyText.value = ""; }
    }

    // Without navigator.clipboard (old WebViews, pages not served over
    // https): select the text in a read-only box and try the old command;
    // if even that fails, the box stays for the visitor to copy by hand.
    function copyByHand() {
      copyText.value = text;
      copyText.hidden = false;
      copyText.focus();
      copyText.select();
      copyText.setSelectionRange(0, text.length);
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      copied.textContent = done ? "已复制，可以粘贴到微信。" : "请长按下面的文字，全选后复制，再粘贴到微信。";
    }

    function copy() {
      if (!text) return;
      resetCopy();
      if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
        navigator.clipboard.writeText(text).then(function () {
          copied.textContent = "已复制，可以粘贴到微信。";
        }, copyByHand);
      } else {
        copyByHand();
      }
    }

    function fillSheet(items, data) {
      if (!sheet) return;
      sheet.textContent = "";
      var title = document.createElement("h2");
      title.textContent = "家庭教育课程点单表";
      sheet.appendChild(title);
      var table = document.createElement("table");
      orderText(items, data).split("\r\n").forEach(function (line) {
        if (!line) return;
        var row = table.insertRow();
        row.insertCell().textContent = line;
      });
      sheet.appendChild(table);
      var contact = [panel.getAttribute("data-order-email"), panel.getAttribute("data-order-phone"),
        panel.getAttribute("data-order-note")].filter(Boolean).join("　");
      var signature = document.createElement("p");
      signature.textContent = "学校（盖章）：＿＿＿＿＿＿＿＿　　经办人签字：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿";
      sheet.appendChild(signature);
      if (contact) {
        var footer = document.createElement("p");
        footer.textContent = "受理：" + contact;
        sheet.appendChild(footer);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var items = chosen();
      var data = fields();
      var problems = validate(items, data);
      messages.textContent = "";
      if (problems.length) {
        var ul = document.createElement("ul");
        problems.forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          ul.appendChild(li);
        });
        messages.appendChild(ul);
        result.hidden = true;
        return;
      }
      mail.href = "mailto:" + email + "?subject=" + encodeURIComponent(subject(items, data)) +
        "&body=" + encodeURIComponent(orderText(items, data));
      fillSheet(items, data);
      text = orderText(items, data).split("\r\n").join("\n");
      resetCopy();
      result.hidden = false;
      mail.focus();
    });

    if (copyButton) copyButton.addEventListener("click", copy);
    panel.querySelector(".xinyu-order__print").addEventListener("click", function () {
      document.body.classList.add("xinyu-printing-order");
      if (sheet) sheet.hidden = false;
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("xinyu-printing-order");
      if (sheet) sheet.hidden = true;
    });
    panel.querySelector(".xinyu-order__clear").addEventListener("click", function () {
      save([]);
      form.reset();
      messages.textContent = "";
      update();
    });
    // What the parents' school page handed over fills what is still empty.
    if (!form.elements.school.value && storedSchool()) form.elements.school.value = storedSchool();
    if (!form.elements.date.value) {
      var first = storedPlan(chosen()).filter(function (item) { return item.date; })[0];
      if (first) form.elements.date.value = first.date;
    }
    panel.hidden = false;
    return render;
  }

  function init() {
    var courses = catalogue();
    var panel = document.getElementById("xinyu-order");
    var renderPanel = panel && !panel.dataset.ready ? setupPanel(panel, courses) : null;
    if (panel) panel.dataset.ready = "1";

    function updateButtons() {
      var ids = load();
      document.querySelectorAll(".xinyu-order-add__button").forEach(function (button) {
        var chosen = ids.indexOf(button.getAttribute("data-course-id")) !== -1;
        button.setAttribute("aria-pressed", chosen ? "true" : "false");
        button.textContent = chosen ? "已加入点单 ✓" : "加入点单";
      });
      var bar = document.querySelector(".xinyu-order-bar__link");
      if (bar) {
        var count = ids.filter(function (id) {
          return courses[id] && courses[id].status === "open";
        }).length;
        bar.querySelector(".xinyu-order-bar__count").textContent = String(count);
        bar.hidden = count === 0;
        document.body.classList.toggle("xinyu-has-order-bar", count > 0);
      }
      var added = document.querySelector(".xinyu-order-added");
      if (added) {
        added.hidden = !document.querySelector('.xinyu-order-add__button[aria-pressed="true"]');
      }
    }

    update = function () {
      updateButtons();
      if (renderPanel) renderPanel();
    };

    document.querySelectorAll(".xinyu-order-add__button").forEach(function (button) {
      if (button.dataset.ready) return;
      button.dataset.ready = "1";
      button.parentNode.hidden = false;
      button.addEventListener("click", function () {
        var id = button.getAttribute("data-course-id");
        if (button.getAttribute("data-course-status") !== "open") return;
        var ids = load();
        save(ids.indexOf(id) === -1 ? ids.concat([id]) : ids.filter(function (x) { return x !== id; }));
        update();
      });
    });
    update();
  }

  var update = function () {};

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
