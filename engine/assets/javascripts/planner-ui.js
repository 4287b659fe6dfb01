/* The course planner, 5 of 5: the page. Form, days and blocks, live schedule, findings, drafts,
 * export, import and print; every change recomputes through planner-checks.js.
 *
 * The limits of the inputs and the patterns of ids, clock times and dates are the course
 * model's, from the page's data (planner.py `model_rules`), not copies of them.
 */
(function (P) {
  "use strict"

  var own = P.own
  var given = P.given
  var clock = P.clock
  var whole = P.whole
  var number = P.number
  var dateDe = P.dateDe
  var blockKind = P.blockKind
  var compute = P.compute
  var normalise = P.normalise
  var emptyCourse = P.emptyCourse
  var text = P.text
  var integer = P.integer
  var withDefaults = P.withDefaults

  var STORAGE_KEY = "qp-kursplaner:entwurf"
  var KIND_NAMES = { module: "Unterricht", activity: "Programmpunkt", "break": "Pause", lunch: "Mittagspause" }
  var WEEKDAYS = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
  /* What a new block holds when added: the planner's starting values, not the model's rules. */
  var NEW_BLOCKS = { "break": { "break": 15 }, lunch: { lunch: 45 },
    activity: { activity: "Begrüßung", minutes: 15 } }

  var data = null
  var model = null
  var course = null
  var dragged = null

  function $(id) {
    return document.getElementById(id)
  }

  /* A limit as an attribute value; null (no attribute) where the model sets none. */
  function bound(value) {
    return given(value) ? String(value) : null
  }

  /* The course form's inputs get the model's limits and the id its pattern. */
  function applyLimits() {
    function set(id, name, value) {
      if (given(value)) $(id).setAttribute(name, String(value))
    }
    var limits = model.limits
    set("qp-id", "pattern", model.sources.slug.replace(/^\^|\$$/g, ""))
    set("qp-title", "maxlength", limits.title.max_length)
    set("qp-summary", "maxlength", limits.summary.max_length)
    ;["qp-provider", "qp-provider-address", "qp-place"].forEach(function (id) {
      set(id, "maxlength", limits.short_text.max_length)
    })
    set("qp-counts-for", "maxlength", limits.counts_for.max_length)
    set("qp-seats", "min", limits.seats.min)
    set("qp-seats", "max", limits.seats.max)
    ;[["qp-break-after", limits.after_minutes], ["qp-break-minutes", limits.break_minutes],
      ["qp-max-day", limits.max_day_minutes]].forEach(function (input) {
      set(input[0], "min", input[1].min)
      set(input[0], "max", input[1].max)
    })
  }

  function newBlock(kind) {
    return JSON.parse(JSON.stringify(NEW_BLOCKS[kind]))
  }

  /* What "erfüllt" means, said wherever the verdict is: the portal's check, not the recognition. */
  var VERDICT_MEANING = "„Erfüllt“ heißt: Umfang, Kernmodule und, wo die Regel es verlangt, Präsenz stimmen "
    + "nach der Prüfung dieses Portals. Anerkannt wird der Kurs von der Pflegekasse oder vom Land, nicht hier."

  /* "erfüllt (4,2 UE, verlangt 4 UE)." or "nicht erfüllt: es fehlt 1 UE und das Kernmodul M03 „Notfall“." */
  function recognitionText(status) {
    if (status.met) {
      return "erfüllt (" + number(status.course_ue) + "\u00a0UE, verlangt " + number(status.minimum_ue) + "\u00a0UE)."
    }
    var missing = []
    if (status.ue_short > 1e-9) {
      missing.push(number(status.ue_short) + "\u00a0UE (" + number(status.course_ue) + " von "
        + number(status.minimum_ue) + "\u00a0UE)")
    }
    if (status.missing_modules.length) {
      missing.push((status.missing_modules.length > 1 ? "die Kernmodule " : "das Kernmodul ")
        + status.missing_modules.map(function (id) { return P.moduleName(catalogue(), id) }).join(", "))
    }
    var plural = missing.length > 1 || (status.ue_short > 1e-9 && number(status.ue_short) !== "1")
      || status.missing_modules.length > 1
    var text = missing.length ? "nicht erfüllt: es " + (plural ? "fehlen " : "fehlt ") + missing.join(" und ") : "nicht erfüllt"
    if (status.in_person_missing) text += (missing.length ? "; " : ": ") + "der Kurs ist nicht als Präsenzkurs angegeben"
    return text + "."
  }

  /* An element with attributes, properties (prefixed "."), listeners ("on…") and children. */
  function h(tag, attributes) {
    var element = document.createElement(tag)
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name]
      if (value === null || value === undefined || value === false) return
      if (name.slice(0, 2) === "on") element.addEventListener(name.slice(2), value)
      else if (name.charAt(0) === ".") element[name.slice(1)] = value
      else element.setAttribute(name, value === true ? "" : value)
    })
    for (var i = 2; i < arguments.length; i++) append(element, arguments[i])
    return element
  }

  function append(element, child) {
    if (child === null || child === undefined || child === false) return
    if (Array.isArray(child)) child.forEach(function (c) { append(element, c) })
    else element.appendChild(typeof child === "string" ? document.createTextNode(child) : child)
  }

  function announce(message) {
    var status = $("qp-planner-status")
    status.textContent = ""
    // A fresh text node after clearing: screen readers announce a repeated message again.
    window.setTimeout(function () { status.textContent = message }, 30)
  }

  var announcedFindings = null
  var findingsTimer = null

  /* New and resolved findings, told politely once typing pauses: screen readers hear what changed. */
  function announceFindings(messages) {
    var before = announcedFindings
    announcedFindings = messages
    if (before === null) return
    var added = messages.filter(function (m) { return before.indexOf(m) < 0 })
    var resolved = before.filter(function (m) { return messages.indexOf(m) < 0 })
    if (!added.length && !resolved.length) return
    var parts = []
    if (added.length) parts.push((added.length > 1 ? added.length + " neue Hinweise: " : "Neuer Hinweis: ") + added.join(" – "))
    if (resolved.length) parts.push((resolved.length > 1 ? resolved.length + " Hinweise behoben: " : "Behoben: ") + resolved.join(" – "))
    if (!messages.length) parts.push("Keine Hinweise mehr.")
    window.clearTimeout(findingsTimer)
    findingsTimer = window.setTimeout(function () {
      var live = $("qp-findings-live")
      live.textContent = ""
      window.setTimeout(function () { live.textContent = parts.join(" ") }, 30)
    }, 700)
  }

  function catalogue() {
    return data.catalogue
  }

  function moduleLabel(id) {
    var facts = own(catalogue().modules, id) ? catalogue().modules[id] : null
    return facts ? id + " · " + facts.title + " (" + number(facts.ue) + " UE)" : id + " (unbekanntes Modul)"
  }

  function blockLabel(block) {
    var kind = blockKind(block)
    if (kind === "module") return moduleLabel(block.module)
    if (kind === "activity") return block.activity || KIND_NAMES.activity
    return data.labels[kind] || KIND_NAMES[kind]
  }

  function save() {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(course))
    } catch {
      // Storage may be switched off; the planner still works for this visit.
    }
  }

  function load() {
    try {
      var saved = window.localStorage.getItem(STORAGE_KEY)
      return saved ? normalise(JSON.parse(saved)) : null
    } catch {
      return null
    }
  }

  /* "höchstens 600 Minuten": a number outside the model's limits, or null when it fits. */
  function outside(value, limit, unit) {
    if (!given(value)) return null
    if (given(limit.min) && value < limit.min) return "mindestens " + limit.min + unit
    if (given(limit.max) && value > limit.max) return "höchstens " + limit.max + unit
    return null
  }

  function tooLong(value, limit) {
    return given(limit.max_length) && value.length > limit.max_length
      ? "höchstens " + limit.max_length + " Zeichen" : null
  }

  /* Everything the model would refuse before the schedule can be computed, in German. */
  function inputProblems() {
    var patterns = model.patterns
    var limits = model.limits
    var problems = []
    function limit(where, complaint) {
      if (complaint) problems.push(where + ": " + complaint)
    }
    if (!course.id) problems.push("Kurz-ID fehlt")
    else if (!patterns.slug.test(course.id)) problems.push("Kurz-ID: " + model.hints.slug)
    else if ((data.courses || []).some(function (c) { return c.id === course.id })) {
      problems.push("Kurz-ID: „" + course.id + "“ hat schon einer unserer Kurse; gespeichert ersetzt der Export "
        + "dessen Datei – wählen Sie eine eigene Kurz-ID, wenn Sie ihn nicht ändern wollen")
    }
    if (!course.title.trim()) problems.push("Titel fehlt")
    limit("Titel", tooLong(course.title.trim(), limits.title))
    if (!course.summary.trim()) problems.push("Kurzbeschreibung fehlt")
    limit("Kurzbeschreibung", tooLong(course.summary.trim(), limits.summary))
    if (!course.audience.length) problems.push("Wählen Sie mindestens eine Zielgruppe")
    limit("Wofür der Kurs zählt", tooLong(course.counts_for || "", limits.counts_for))
    limit("Träger", tooLong(course.provider || "", limits.short_text))
    limit("Anschrift des Trägers", tooLong(course.provider_address || "", limits.short_text))
    limit("Kursort", tooLong(course.place || "", limits.short_text))
    course.trainers.forEach(function (trainer, index) {
      limit("Kursleitung, Zeile " + (index + 1), tooLong(trainer, limits.short_text))
    })
    limit("Plätze", outside(course.seats, limits.seats, ""))
    if (course.break_rule && (!course.break_rule.after_minutes || !course.break_rule.break_minutes)) {
      problems.push("Pausenregel: geben Sie beide Minutenwerte an oder keinen")
    }
    if (course.break_rule) {
      limit("Pausenregel, Unterricht am Stück",
        outside(course.break_rule.after_minutes, limits.after_minutes, " Minuten"))
      limit("Pausenregel, Pause ab", outside(course.break_rule.break_minutes, limits.break_minutes, " Minuten"))
    }
    limit("Höchstlänge eines Kurstags", outside(course.max_day_minutes, limits.max_day_minutes, " Minuten"))
    var blocking = []
    course.days.forEach(function (day, d) {
      var name = "Tag " + (d + 1)
      if (!patterns.clock.test(day.start)) blocking.push(name + ": Beginn fehlt (SS:MM)")
      if (day.latest_end && !patterns.clock.test(day.latest_end)) blocking.push(name + ": spätestes Ende im Format SS:MM")
      if (day.date && !patterns.date.test(day.date)) blocking.push(name + ": Datum im Format JJJJ-MM-TT")
      if (!day.blocks.length) problems.push(name + " hat noch keine Blöcke")
      day.blocks.forEach(function (block, i) {
        var where = name + ", Block " + (i + 1) + ": "
        var kind = blockKind(block)
        var length = kind === "module" ? block.minutes : (kind === "activity" ? block.minutes : block[kind])
        if (kind === "module" && !patterns.module.test(block.module)) {
          problems.push(where + model.hints.module)
        } else if (kind === "module" && !own(catalogue().modules, block.module)) {
          problems.push(where + "unbekanntes Modul " + block.module)
        }
        if (kind === "activity" && !block.activity.trim()) problems.push(where + "Programmpunkt ohne Namen")
        if (kind === "activity") limit(where + "Programmpunkt", tooLong(block.activity.trim(), limits.activity))
        if ((kind !== "module" || given(length)) && !(length > 0)) blocking.push(where + "Minuten fehlen")
        else limit(where + "Minuten", outside(length, kind === "module" || kind === "activity" ? limits.minutes
          : limits[kind], ""))
      })
    })
    return { problems: problems, blocking: blocking }
  }

  function dayHeading(day, plan) {
    var parts = ["Tag " + plan.number]
    if (day.date && model.patterns.date.test(day.date)) {
      var p = day.date.split("-")
      var date = new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2]))
      parts.push(WEEKDAYS[date.getDay()] + ", " + dateDe(day.date))
    }
    parts.push(clock(plan.start) + "–" + clock(plan.end) + " Uhr")
    return parts.join(" · ")
  }

  /* Where a finding is, in the words of the messages ("Tag 2, Block 3"), and the control it leads to. */
  function location(at, code) {
    if (code === "rule_in_person") return { text: "Präsenz", target: "qp-in-person" }  // the box the message names
    if (at[0] === "days") {
      var day = "Tag " + (at[1] + 1)
      if (at[2] === "blocks") return { text: day + ", Block " + (at[3] + 1), target: "qp-b-" + at[1] + "-" + at[3] }
      var field = { date: "date", latest_end: "end" }[at[2]] || "start"
      return { text: day, target: "qp-day-" + at[1] + "-" + field }
    }
    if (at[0] === "audience") {
      return { text: "Zielgruppe", target: "qp-role-" + (course.audience[at[1]] || Object.keys(catalogue().roles)[0]) }
    }
    var targets = { recognition: ["Anerkennung", "qp-recognition"], refresher: ["Auffrischung", "qp-refresher"] }
    var known = targets[at[0]] || [String(at[0]), "qp-course-fields"]
    return { text: known[0], target: known[1] }
  }

  /* A link that moves the focus to the block or field a finding is about. */
  function findingLink(where) {
    return h("a", { href: "#" + where.target, "class": "qp-finding__where",
      onclick: function (event) {
        var target = $(where.target)
        if (!target) return
        event.preventDefault()
        target.scrollIntoView({ block: "center" })
        target.focus({ preventScroll: true })
      } }, where.text)
  }

  /* Minutes each module is taught in the plan, over all its parts. */
  function taughtMinutes(plan) {
    var taught = {}
    plan.days.forEach(function (day) {
      day.slots.forEach(function (slot) {
        if (slot.module) taught[slot.module] = (taught[slot.module] || 0) + slot.end - slot.start
      })
    })
    return taught
  }

  /* "gekürzt: 45 von 90 Min." for a module taught shorter than its full length, else null. */
  function shortened(slot, taught) {
    if (!slot.module || !own(catalogue().modules, slot.module)) return null
    var full = P.moduleMinutes(catalogue(), slot.module)
    var total = taught[slot.module]
    if (total + 1e-9 >= full) return null
    return "gekürzt: " + whole(total) + " von " + whole(full) + "\u00a0Min." + (slot.parts > 1 ? " (alle Teile)" : "")
  }

  /* The clock times and the „gekürzt“ mark beside each block of the editor. */
  function showTimes(result) {
    document.querySelectorAll("#qp-days .qp-block__time").forEach(function (box) { box.textContent = "" })
    if (!result) return
    var taught = taughtMinutes(result.plan)
    result.plan.days.forEach(function (day) {
      day.slots.forEach(function (slot) {
        var box = $("qp-b-" + slot.day + "-" + slot.index + "-time")
        if (!box) return
        var mark = shortened(slot, taught)
        box.replaceChildren(h("span", { "class": "qp-block__clock" }, clock(slot.start) + "–" + clock(slot.end) + " Uhr"))
        if (mark) box.appendChild(h("span", { "class": "qp-block__short" }, mark))
      })
    })
  }

  /* Recompute the schedule and the findings and show them: what runs on every change. */
  function recompute() {
    var checked = inputProblems()
    var planBox = $("qp-plan")
    var findingsBox = $("qp-findings")
    var plan = []
    var list = []
    checked.problems.concat(checked.blocking).forEach(function (problem) {
      list.push(h("li", { "class": "qp-finding qp-finding--input" }, h("strong", null, "Eingabe: "), problem))
    })
    var result = null
    var messages = checked.problems.concat(checked.blocking).map(function (problem) { return "Eingabe: " + problem })
    if (!checked.blocking.length) {
      result = compute(catalogue(), complete(course), { messages: data.messages, warnings: data.warnings,
        labels: data.labels })
      var unit = result.plan.unit_minutes
      plan.push(h("p", { "class": "qp-planner-course-title" }, course.title || "Kurs ohne Titel"))
      // Who runs it and where: what a trainer looks for on the printed plan; open values say so.
      plan.push(h("p", { "class": "qp-planner-meta" },
        "Träger: " + (course.provider ? course.provider + (course.provider_address ? ", " + course.provider_address : "")
          : "noch offen") + " · Ort: " + (course.place || "noch offen") + " · Kursleitung: "
          + (course.trainers.length ? course.trainers.join(", ") : "noch offen")
          + (course.in_person === true ? " · in Präsenz" : "")
          + (given(course.seats) ? " · " + course.seats + " Plätze" : "")))
      var taught = taughtMinutes(result.plan)
      result.plan.days.forEach(function (day) {
        var rows = day.slots.map(function (slot) {
          var minutes = slot.end - slot.start
          var title = slot.kind === "module" ? slot.module + " · " + slot.title
            + (slot.parts > 1 ? " (Teil " + slot.part + " von " + slot.parts + ")" : "") : slot.title
          var mark = shortened(slot, taught)
          return h("tr", { "class": "qp-slot qp-slot--" + slot.kind },
            h("td", { "class": "qp-slot__number", "data-label": "Block" }, String(slot.index + 1)),
            h("td", { "class": "qp-slot__time", "data-label": "Zeit" }, clock(slot.start) + "–" + clock(slot.end)),
            h("td", { "class": "qp-slot__title", "data-label": "Inhalt" }, title,
              mark ? h("span", { "class": "qp-block__short" }, mark) : null),
            h("td", { "class": "qp-slot__kind", "data-label": "Art" }, KIND_NAMES[slot.kind]),
            h("td", { "class": "qp-number", "data-label": "Dauer" }, whole(minutes) + "\u00a0Min."),
            h("td", { "class": "qp-number", "data-label": "Unterricht" },
              slot.kind === "module" ? number(minutes / unit) + "\u00a0UE" : "–"))
        })
        plan.push(h("table", { "class": "qp-planner-table" },
          h("caption", null, dayHeading(course.days[day.index], day)),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Block"), h("th", { scope: "col" }, "Zeit"),
            h("th", { scope: "col" }, "Inhalt"), h("th", { scope: "col" }, "Art"), h("th", { scope: "col" }, "Dauer"),
            h("th", { scope: "col" }, "Unterricht"))),
          h("tbody", null, rows),
          h("tfoot", null, h("tr", null, h("th", { scope: "row", colspan: "4" }, "Summe Tag " + day.number),
            h("td", { "class": "qp-number" }, "Pausen " + whole(day.pause_minutes) + "\u00a0Min."),
            h("td", { "class": "qp-number" }, whole(day.teaching_minutes) + "\u00a0Min. = "
              + number(day.teaching_minutes / unit) + "\u00a0UE")))))
      })
      var pauses = 0
      result.plan.days.forEach(function (day) { pauses += day.pause_minutes })
      plan.push(h("p", { "class": "qp-planner-total", id: "qp-total" }, h("strong", null, "Ganzer Kurs: "),
        whole(result.plan.teaching_minutes) + "\u00a0Min. Unterricht = " + number(result.plan.ue) + "\u00a0UE (à "
        + unit + "\u00a0Min.), dazu " + whole(pauses) + "\u00a0Min. Pausen. Pausen und Programmpunkte zählen nicht als Unterricht."))
      if (result.status) {
        var status = result.status
        plan.push(h("p", { "class": "qp-planner-recognition" }, h("strong", null, "Anerkennung: "),
          (status.refresher ? "Auffrischung für " : "") + status.rule.label + ": "
          + recognitionText(status) + " ", h("span", { "class": "qp-planner-hint" }, VERDICT_MEANING)))
      }
      result.findings.forEach(function (finding) {
        var where = location(finding.at, finding.code)
        var kind = finding.warning ? "Hinweis" : "Fehler"
        messages.push(kind + " (" + where.text + "): " + finding.message)
        list.push(h("li", { "class": "qp-finding qp-finding--" + (finding.warning ? "warning" : "error"),
          "data-code": finding.code },
        h("strong", null, kind + " ("), findingLink(where), h("strong", null, "): "),
        finding.message))
      })
    } else {
      plan.push(h("p", null, "Der Ablauf erscheint, sobald jeder Tag einen Beginn und jeder Block seine Minuten hat."))
    }
    planBox.replaceChildren.apply(planBox, plan)
    findingsBox.replaceChildren(list.length ? h("ul", { id: "qp-findings-list" }, list)
      : h("p", { "class": "qp-finding--none" }, "Keine Hinweise: der Kurs besteht die Prüfung."))
    showTimes(result)
    announceFindings(messages)
    return result
  }

  /* The course without a half-filled break rule: a rule counts once both its numbers are given. */
  function complete(draft) {
    var rule = draft.break_rule
    if (!rule || (rule.after_minutes > 0 && rule.break_minutes > 0)) return draft
    var copy = withDefaults(draft)
    copy.break_rule = null
    return copy
  }

  function changed() {
    save()
    return recompute()
  }

  // --- The course form ---

  function fillForm() {
    $("qp-id").value = course.id
    $("qp-title").value = course.title
    $("qp-summary").value = course.summary
    $("qp-recognition").value = course.recognition || ""
    $("qp-refresher").checked = course.refresher
    $("qp-in-person").checked = course.in_person === true
    $("qp-counts-for").value = course.counts_for || ""
    $("qp-provider").value = course.provider || ""
    $("qp-provider-address").value = course.provider_address || ""
    $("qp-place").value = course.place || ""
    $("qp-trainers").value = course.trainers.join("\n")
    $("qp-seats").value = text(course.seats)
    $("qp-break-after").value = course.break_rule ? text(course.break_rule.after_minutes) : ""
    $("qp-break-minutes").value = course.break_rule ? text(course.break_rule.break_minutes) : ""
    $("qp-max-day").value = text(course.max_day_minutes)
    var audience = $("qp-audience")
    audience.replaceChildren()
    Object.keys(catalogue().roles).forEach(function (id) {
      var role = catalogue().roles[id]
      var box = h("input", { type: "checkbox", id: "qp-role-" + id, value: id, ".checked": course.audience.indexOf(id) >= 0,
        onchange: function () {
          course.audience = Object.keys(catalogue().roles).filter(function (r) { return $("qp-role-" + r).checked })
          changed()
        } })
      audience.appendChild(h("span", { "class": "qp-planner-check" }, box, " ", h("label", { "for": "qp-role-" + id }, role.title)))
    })
  }

  function bindForm() {
    function bind(id, update) {
      $(id).addEventListener("input", function () {
        update($(id))
        changed()
      })
    }
    bind("qp-id", function (e) { course.id = e.value.trim() })
    bind("qp-title", function (e) { course.title = e.value })
    bind("qp-summary", function (e) { course.summary = e.value })
    bind("qp-recognition", function (e) { course.recognition = e.value || null })
    $("qp-refresher").addEventListener("change", function () {
      course.refresher = $("qp-refresher").checked
      changed()
    })
    $("qp-in-person").addEventListener("change", function () {
      course.in_person = $("qp-in-person").checked ? true : null
      changed()
    })
    function optional(value) {
      var trimmed = value.trim()
      return trimmed ? trimmed : null
    }
    bind("qp-counts-for", function (e) { course.counts_for = optional(e.value) })
    bind("qp-provider", function (e) { course.provider = optional(e.value) })
    bind("qp-provider-address", function (e) { course.provider_address = optional(e.value) })
    bind("qp-place", function (e) { course.place = optional(e.value) })
    bind("qp-trainers", function (e) {
      course.trainers = e.value.split("\n").map(function (line) { return line.trim() }).filter(Boolean)
    })
    bind("qp-seats", function (e) { course.seats = integer(e.value) })
    function breakRule() {
      var after = integer($("qp-break-after").value)
      var minutes = integer($("qp-break-minutes").value)
      course.break_rule = after === null && minutes === null ? null : { after_minutes: after, break_minutes: minutes }
    }
    bind("qp-break-after", breakRule)
    bind("qp-break-minutes", breakRule)
    bind("qp-max-day", function (e) { course.max_day_minutes = integer(e.value) })
  }

  // --- Days and blocks ---

  function dayCount() {
    return course.days.length
  }

  function moveBlock(fromDay, fromIndex, toDay, toIndex) {
    var block = course.days[fromDay].blocks.splice(fromIndex, 1)[0]
    course.days[toDay].blocks.splice(toIndex, 0, block)
    renderDays()
    changed()
    announce("„" + blockLabel(block) + "“ ist jetzt Block " + (toIndex + 1) + " von "
      + course.days[toDay].blocks.length + " an Tag " + (toDay + 1) + ".")
    return block
  }

  function focusBlock(day, index, action) {
    var item = document.querySelector('#qp-days li[data-day="' + day + '"][data-index="' + index + '"]')
    if (!item) return
    var button = item.querySelector('[data-action="' + action + '"]')
    ;(button || item.querySelector("button")).focus()
  }

  function blockItem(block, d, i) {
    var kind = blockKind(block)
    var label = blockLabel(block)
    var prefix = "qp-b-" + d + "-" + i
    var blocks = course.days[d].blocks
    var fields = []
    if (kind === "module") {
      fields.push(h("label", { "for": prefix + "-minutes" }, "Minuten"),
        h("input", { id: prefix + "-minutes", type: "number", min: bound(model.limits.minutes.min),
          max: bound(model.limits.minutes.max), inputmode: "numeric", placeholder: "ganz",
          ".value": text(block.minutes), "aria-describedby": prefix + "-hint",
          oninput: function (event) {
            block.minutes = integer(event.target.value)
            changed()
          } }),
        h("span", { id: prefix + "-hint", "class": "qp-planner-hint" }, "leer: ganzes Modul bzw. der Rest"))
    } else if (kind === "activity") {
      fields.push(h("label", { "for": prefix + "-name" }, "Programmpunkt"),
        h("input", { id: prefix + "-name", type: "text", maxlength: bound(model.limits.activity.max_length),
          ".value": block.activity,
          oninput: function (event) {
            block.activity = event.target.value
            changed()
          } }),
        h("label", { "for": prefix + "-minutes" }, "Minuten"),
        h("input", { id: prefix + "-minutes", type: "number", min: bound(model.limits.minutes.min),
          max: bound(model.limits.minutes.max), inputmode: "numeric", ".value": text(block.minutes),
          oninput: function (event) {
            block.minutes = integer(event.target.value)
            changed()
          } }))
    } else {
      fields.push(h("label", { "for": prefix + "-minutes" }, "Minuten"),
        h("input", { id: prefix + "-minutes", type: "number", min: bound(model.limits[kind].min),
          max: bound(model.limits[kind].max), inputmode: "numeric", ".value": text(block[kind]),
          oninput: function (event) {
            block[kind] = integer(event.target.value)
            changed()
          } }))
    }
    var targets = course.days.map(function (_, t) {
      return h("option", { value: String(t), ".selected": t === d }, "Tag " + (t + 1))
    })
    var actions = [
      h("button", { type: "button", "class": "qp-planner-button", "data-action": "up",
        "aria-label": "Nach oben: „" + label + "“", "aria-disabled": i === 0 ? "true" : null,
        onclick: function () {
          if (i === 0) return announce("„" + label + "“ ist schon der erste Block an Tag " + (d + 1) + ".")
          moveBlock(d, i, d, i - 1)
          focusBlock(d, i - 1, "up")
        } }, h("span", { "aria-hidden": "true" }, "↑ "), "Nach oben"),
      h("button", { type: "button", "class": "qp-planner-button", "data-action": "down",
        "aria-label": "Nach unten: „" + label + "“", "aria-disabled": i === blocks.length - 1 ? "true" : null,
        onclick: function () {
          if (i === blocks.length - 1) return announce("„" + label + "“ ist schon der letzte Block an Tag " + (d + 1) + ".")
          moveBlock(d, i, d, i + 1)
          focusBlock(d, i + 1, "down")
        } }, h("span", { "aria-hidden": "true" }, "↓ "), "Nach unten"),
    ]
    if (dayCount() > 1) {
      actions.push(h("label", { "for": prefix + "-day", "class": "qp-visually-hidden" }, "Zieltag für „" + label + "“"),
        h("select", { id: prefix + "-day" }, targets),
        h("button", { type: "button", "class": "qp-planner-button", "data-action": "move",
          "aria-label": "Verschieben: „" + label + "“ auf den gewählten Tag",
          onclick: function () {
            var target = Number($(prefix + "-day").value)
            if (target === d) return announce("„" + label + "“ steht schon an Tag " + (d + 1) + ".")
            moveBlock(d, i, target, course.days[target].blocks.length)
            focusBlock(target, course.days[target].blocks.length - 1, "move")
          } }, "Verschieben"))
    }
    actions.push(h("button", { type: "button", "class": "qp-planner-button", "data-action": "remove",
      "aria-label": "Entfernen: „" + label + "“",
      onclick: function () {
        blocks.splice(i, 1)
        renderDays()
        changed()
        announce("„" + label + "“ entfernt.")
        if (blocks.length) focusBlock(d, Math.min(i, blocks.length - 1), "remove")
        else $("qp-add-module-" + d).focus()
      } }, "Entfernen"))
    return h("li", { "class": "qp-block qp-block--" + kind, draggable: "true", "data-day": String(d),
      "data-index": String(i), id: prefix, tabindex: "-1",
      ondragstart: function (event) {
        dragged = [d, i]
        event.dataTransfer.effectAllowed = "move"
        event.dataTransfer.setData("text/plain", label)
      },
      ondragover: function (event) {
        if (dragged) event.preventDefault()
      },
      ondrop: function (event) {
        if (!dragged) return
        event.preventDefault()
        event.stopPropagation()
        var from = dragged
        dragged = null
        var to = from[0] === d && from[1] < i ? i - 1 : i
        var below = event.offsetY > event.currentTarget.offsetHeight / 2
        moveBlock(from[0], from[1], d, below ? to + 1 : to)
      } },
    h("span", { "class": "qp-block__number", id: prefix + "-number" }, "Tag " + (d + 1) + ", Block " + (i + 1)),
    h("span", { "class": "qp-block__title", id: prefix + "-title" },
      h("span", { "class": "qp-block__kind" }, KIND_NAMES[kind] + ": "), label),
    h("span", { "class": "qp-block__time", id: prefix + "-time" }),
    h("span", { "class": "qp-block__fields" }, fields),
    h("span", { "class": "qp-block__actions" }, actions))
  }

  function dayControls(day, d) {
    var prefix = "qp-day-" + d
    function field(id, name, type, key, required) {
      return h("span", { "class": "qp-planner-field" }, h("label", { "for": prefix + "-" + id }, name),
        h("input", { id: prefix + "-" + id, type: type, required: required || null, ".value": day[key] || "",
          oninput: function (event) {
            day[key] = event.target.value || (key === "start" ? "" : null)
            changed()
          } }))
    }
    var options = [h("option", { value: "" }, "Modul wählen …")].concat(Object.keys(catalogue().modules)
      .map(function (id) { return h("option", { value: id }, moduleLabel(id)) }))
    function add(block, button) {
      day.blocks.push(block)
      renderDays()
      changed()
      announce("„" + blockLabel(block) + "“ als Block " + day.blocks.length + " an Tag " + (d + 1) + " eingefügt.")
      // Back to the same control: adding several blocks stays quick by keyboard.
      $(button === "module" ? "qp-add-module-" + d : prefix + "-add-" + button).focus()
    }
    return h("section", { "class": "qp-day", "aria-labelledby": prefix + "-h" },
      h("h3", { id: prefix + "-h" }, "Tag " + (d + 1)),
      h("div", { "class": "qp-day__fields" },
        field("date", "Datum", "date", "date"), field("start", "Beginn", "time", "start", true),
        field("end", "Spätestes Ende", "time", "latest_end"),
        course.days.length > 1 ? h("button", { type: "button", "class": "qp-planner-button",
          "aria-label": "Tag entfernen: Tag " + (d + 1) + " mit allen Blöcken",
          onclick: function () {
            course.days.splice(d, 1)
            renderDays()
            changed()
            announce("Tag " + (d + 1) + " entfernt.")
            $("qp-add-day").focus()
          } }, "Tag entfernen") : null),
      day.blocks.length ? h("ol", { "class": "qp-blocks", "aria-label": "Blöcke an Tag " + (d + 1) },
        day.blocks.map(function (block, i) { return blockItem(block, d, i) }))
        : h("p", { "class": "qp-blocks qp-blocks--empty",
          ondragover: function (event) { if (dragged) event.preventDefault() },
          ondrop: function (event) {
            if (!dragged) return
            event.preventDefault()
            var from = dragged
            dragged = null
            moveBlock(from[0], from[1], d, 0)
          } }, "Noch keine Blöcke."),
      h("div", { "class": "qp-day__add" },
        h("label", { "for": "qp-add-module-" + d }, "Modul für Tag " + (d + 1)),
        h("select", { id: "qp-add-module-" + d }, options),
        h("button", { type: "button", "class": "qp-planner-button", id: "qp-add-module-" + d + "-button",
          onclick: function () {
            var id = $("qp-add-module-" + d).value
            if (!id) return announce("Wählen Sie zuerst ein Modul.")
            add({ module: id, minutes: null }, "module")
          } }, "Modul hinzufügen"),
        h("button", { type: "button", "class": "qp-planner-button", id: prefix + "-add-break",
          onclick: function () { add(newBlock("break"), "break") } }, data.labels["break"] + " hinzufügen"),
        h("button", { type: "button", "class": "qp-planner-button", id: prefix + "-add-lunch",
          onclick: function () { add(newBlock("lunch"), "lunch") } }, data.labels.lunch + " hinzufügen"),
        h("button", { type: "button", "class": "qp-planner-button", id: prefix + "-add-activity",
          onclick: function () { add(newBlock("activity"), "activity") } },
        "Programmpunkt hinzufügen")))
  }

  function renderDays() {
    var box = $("qp-days")
    box.replaceChildren.apply(box, course.days.map(dayControls))
  }

  function useCourse(next, message) {
    course = next
    announcedFindings = null
    fillForm()
    renderDays()
    changed()
    if (message) announce(message)
  }

  /* Whether the draft holds anything a trainer would miss. */
  function hasDraft() {
    return Boolean(course && (course.id || course.title.trim() || course.summary.trim()
      || course.days.some(function (day) { return day.blocks.length })))
  }

  /* Replace the draft only when the trainer agrees; true when it was replaced. */
  function replaceDraft(next, message) {
    if (hasDraft() && !window.confirm("Ihr Entwurf „" + (course.title.trim() || course.id || "ohne Titel")
      + "“ wird dabei ersetzt. Exportieren Sie ihn vorher, wenn Sie ihn behalten wollen.\n\nEntwurf jetzt ersetzen?")) {
      announce("Abgebrochen: Ihr Entwurf bleibt, wie er ist.")
      return false
    }
    useCourse(next, message)
    return true
  }

  /* A template's own id with "-entwurf-<date>": the export never overwrites one of the project's course files. */
  function draftId(id) {
    var taken = (data.courses || []).map(function (c) { return c.id })
    var base = (id || "kurs") + "-entwurf-" + P.today()
    var candidate = base
    for (var n = 2; taken.indexOf(candidate) >= 0; n++) candidate = base + "-" + n
    return candidate
  }

  // --- Export, import, print ---

  function exportYaml() {
    var yaml = P.toYaml(complete(course))
    $("qp-yaml").value = yaml
    var name = (model.patterns.slug.test(course.id) ? course.id : "kurs") + ".yml"
    var link = h("a", { href: URL.createObjectURL(new Blob([yaml], { type: "text/yaml;charset=utf-8" })),
      download: name, hidden: true })
    document.body.appendChild(link)
    link.click()
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href)
      link.remove()
    }, 1000)
    announce("Datei erzeugt: " + name + ". Heben Sie sie auf, zum Beispiel auf dem USB-Stick; mit „Importieren“ "
      + "oder auf der Seite „Kursunterlagen drucken“ laden Sie sie wieder.")
    return yaml
  }

  function importText(source) {
    var result = $("qp-import-result")
    try {
      if (!replaceDraft(P.parseCourse(source))) return
      result.textContent = "Importiert: " + (course.title || course.id) + "."
    } catch (error) {
      result.textContent = "Import fehlgeschlagen: " + error.message
    }
  }

  function start() {
    data = P.data()
    if (!data.catalogue || !$("qp-days")) return
    model = P.model()
    applyLimits()
    var templates = $("qp-template")
    ;(data.courses || []).forEach(function (c, index) {
      templates.appendChild(h("option", { value: String(index) }, c.title))
    })
    var recognition = $("qp-recognition")
    Object.keys(catalogue().rules).forEach(function (id) {
      recognition.appendChild(h("option", { value: id }, catalogue().rules[id].label))
    })
    bindForm()
    $("qp-template-load").addEventListener("click", function () {
      var choice = templates.value
      var next = choice === "" ? emptyCourse() : normalise(data.courses[Number(choice)])
      if (choice !== "") next.id = draftId(next.id)
      replaceDraft(next, "Vorlage geladen: " + (next.title || "leerer Kurs") + (choice !== ""
        ? ". Der Entwurf heißt " + next.id + "." : "."))
    })
    $("qp-add-day").addEventListener("click", function () {
      var last = course.days[course.days.length - 1]
      course.days.push({ date: null, start: last ? last.start : "09:00", latest_end: null, blocks: [] })
      renderDays()
      changed()
      announce("Tag " + course.days.length + " hinzugefügt.")
      $("qp-day-" + (course.days.length - 1) + "-date").focus()
    })
    $("qp-new").addEventListener("click", function () { replaceDraft(emptyCourse(), "Neuer leerer Kurs.") })
    $("qp-print").addEventListener("click", function () { window.print() })
    $("qp-export").addEventListener("click", exportYaml)
    $("qp-import").addEventListener("click", function () {
      var file = $("qp-import-file").files[0]
      if (file) {
        var reader = new FileReader()
        reader.onload = function () { importText(String(reader.result)) }
        reader.readAsText(file, "utf-8")
      } else {
        importText($("qp-import-text").value)
      }
    })
    useCourse(load() || emptyCourse())
  }

  // The page's part of the namespace (the engine's is in planner-schedule.js and planner-checks.js).
  P.recompute = function () { return recompute() }
  P.course = function () { return course }
  P.load = function (next) { useCourse(normalise(next)) }
  P.exportYaml = function () { return exportYaml() }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})(window.QPPlanner)
