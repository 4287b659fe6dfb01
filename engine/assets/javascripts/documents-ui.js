/* „Kursunterlagen drucken“, 2 of 2: the page. A course chosen or loaded from a file, its facts
 * entered, a roster pasted; the sign-in sheet or the certificates filled into the layouts the
 * build wrote into the page (<template id="qp-certificate-layout">, "qp-sign-in-layout") and
 * printed with the browser's own print dialog.
 *
 * The roster lives in the textarea and in the preview only: nothing is written to any storage,
 * no cookie, no request; reloading or closing the page forgets it (the fields say
 * autocomplete="off", so the browser does not restore them either).
 */
(function (P) {
  "use strict"

  var base = null
  var element = function (id) { return document.getElementById(id) }

  function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1)
  }

  // --- Filling a layout: data-field gets text, data-if drops a part, data-each repeats ---

  function merged(scope, item) {
    var result = {}
    Object.keys(scope).forEach(function (key) { result[key] = scope[key] })
    Object.keys(item).forEach(function (key) { result[key] = item[key] })
    return result
  }

  function fillChildren(node, scope) {
    Array.prototype.slice.call(node.children).forEach(function (child) {
      var key = child.getAttribute("data-each")
      if (!key) {
        fillElement(child, scope)
        return
      }
      var parent = child.parentNode
      var next = child.nextSibling
      parent.removeChild(child)
      ;(scope[key] || []).forEach(function (item) {
        var copy = child.cloneNode(true)
        copy.removeAttribute("data-each")
        parent.insertBefore(copy, next)
        fillElement(copy, merged(scope, item))
      })
    })
  }

  function fillElement(node, scope) {
    var condition = node.getAttribute("data-if")
    if (condition && !scope[condition]) {
      node.parentNode.removeChild(node)
      return
    }
    var field = node.getAttribute("data-field")
    if (field) {
      node.textContent = scope[field] || ""
      return
    }
    fillChildren(node, scope)
  }

  function filled(layoutId, view) {
    var holder = document.createElement("div")
    holder.appendChild(document.importNode(element(layoutId).content, true))
    fillChildren(holder, view)
    return holder
  }

  // --- The course: chosen, loaded, and as the form changes it ---

  function dayFields(course) {
    var box = element("qp-doc-days")
    box.textContent = ""
    course.days.forEach(function (day, index) {
      var row = document.createElement("p")
      row.className = "qp-docs-day"
      var label = document.createElement("label")
      var input = document.createElement("input")
      input.type = "date"
      input.id = "qp-doc-date-" + (index + 1)
      input.value = day.date || ""
      label.htmlFor = input.id
      label.textContent = "Tag " + (index + 1) + " (Beginn " + day.start + " Uhr)"
      row.appendChild(label)
      row.appendChild(input)
      box.appendChild(row)
    })
  }

  function useCourse(course, origin) {
    base = course
    element("qp-doc-provider").value = course.provider || ""
    element("qp-doc-place").value = course.place || ""
    element("qp-doc-trainers").value = (course.trainers || []).join("\n")
    element("qp-doc-mode").value = course.in_person === true || course.in_person === false ? String(course.in_person) : ""
    dayFields(course)
    var unknown = P.courseModules(course).filter(function (id) { return !P.own(P.data().catalogue.modules, id) })
    element("qp-doc-course-result").textContent = origin + ": „" + course.title + "“, "
      + course.days.length + (course.days.length === 1 ? " Tag" : " Tage") + "."
      + (unknown.length ? " Unbekannte Module (zählen nicht mit): " + unknown.join(", ") + "." : "")
    element("qp-doc-output").textContent = ""
    element("qp-doc-print").hidden = true
  }

  function withInPerson(course, raw) {
    course.in_person = raw && typeof raw.in_person === "boolean" ? raw.in_person : null
    return course
  }

  /* The chosen course with what the form says: provider, place, trainers, delivery, dates. */
  function courseNow() {
    var course = {}
    Object.keys(base).forEach(function (key) { course[key] = base[key] })
    course.provider = element("qp-doc-provider").value.trim() || null
    course.place = element("qp-doc-place").value.trim() || null
    course.trainers = element("qp-doc-trainers").value.split(/\r?\n/).map(function (t) { return t.trim() })
      .filter(Boolean)
    var mode = element("qp-doc-mode").value
    course.in_person = mode ? mode === "true" : null
    course.days = base.days.map(function (day, index) {
      var copy = {}
      Object.keys(day).forEach(function (key) { copy[key] = day[key] })
      var value = element("qp-doc-date-" + (index + 1)).value
      copy.date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null
      return copy
    })
    return course
  }

  function chooseCourse() {
    var id = element("qp-doc-course").value
    var found = (P.data().courses || []).filter(function (course) { return course.id === id })[0]
    if (found) useCourse(withInPerson(P.normalise(found), found), "Gewählt")
  }

  function loadFile() {
    var file = element("qp-doc-file").files[0]
    if (!file) return
    var reader = new FileReader()
    reader.onload = function () {
      try {
        var text = String(reader.result)
        var course = P.parseCourse(text)
        var raw = text.trim().charAt(0) === "{" ? JSON.parse(text) : P.parseYaml(text)
        element("qp-doc-course").value = ""
        useCourse(withInPerson(course, raw), "Geladen aus " + file.name)
      } catch (error) {
        element("qp-doc-course-result").textContent = "Die Datei „" + file.name + "“ ist kein lesbarer Kurs: "
          + error.message
      }
    }
    reader.onerror = function () {
      element("qp-doc-course-result").textContent = "Die Datei „" + file.name + "“ ließ sich nicht lesen."
    }
    reader.readAsText(file)
  }

  // --- Messages in the polite live region ---

  function say(lead, items, isError) {
    var status = element("qp-doc-status")
    status.textContent = ""
    var paragraph = document.createElement("p")
    paragraph.textContent = lead
    if (isError) paragraph.className = "qp-docs-error"
    status.appendChild(paragraph)
    if (items && items.length) {
      var list = document.createElement("ul")
      items.forEach(function (item) {
        var entry = document.createElement("li")
        entry.textContent = item
        list.appendChild(entry)
      })
      status.appendChild(list)
    }
  }

  function problemTexts(summary) {
    var gaps = summary.gaps.map(function (gap) { return capitalised(gap[2]) })
    var rows = summary.problems.map(function (p) {
      return "Zeile " + p[0] + (p[1] ? ", " + p[1] : "") + ": " + capitalised(p[3])
    })
    return gaps.concat(rows)
  }

  function markFields(summary) {
    var codes = summary.gaps.map(function (gap) { return gap[1] })
    element("qp-doc-provider").setAttribute("aria-invalid", String(codes.indexOf("certificate.provider-missing") >= 0))
    element("qp-doc-trainers").setAttribute("aria-invalid", String(codes.indexOf("certificate.trainers-missing") >= 0))
    element("qp-doc-roster").setAttribute("aria-invalid", String(summary.problems.length > 0))
  }

  function blankRows() {
    var rows = parseInt(element("qp-doc-blank-rows").value, 10)
    return isFinite(rows) && rows >= 1 && rows <= 60 ? rows : P.data().documents.blank_rows
  }

  function summaryNow(roster) {
    var data = P.data()
    return P.documentsSummary(data.catalogue, data.documents.rules, courseNow(), roster, blankRows())
  }

  function show(nodes, landscape) {
    document.body.classList.toggle("qp-docs-landscape", !!landscape)
    var output = element("qp-doc-output")
    output.textContent = ""
    nodes.forEach(function (node) {
      while (node.firstChild) output.appendChild(node.firstChild)
    })
    element("qp-doc-print").hidden = !nodes.length
  }

  function needCourse() {
    if (base) return false
    say("Wählen Sie zuerst einen Kurs oder laden Sie eine Kursdatei.", [], true)
    return true
  }

  function signIn(withNames) {
    if (needCourse()) return
    var roster = withNames ? element("qp-doc-roster").value : ""
    var summary = summaryNow(roster)
    if (withNames && !roster.trim()) {
      say("Fügen Sie zuerst die Namen ein (Abschnitt 3) oder drucken Sie die leere Liste.", [], true)
      return
    }
    if (withNames && summary.problems.length) {
      show([])
      say("Die Liste hat " + summary.problems.length + " Fehler; bitte korrigieren:", problemTexts({ gaps: [],
        problems: summary.problems }), true)
      markFields({ gaps: [], problems: summary.problems })
      return
    }
    show([filled("qp-sign-in-layout", summary.sign_in)], true)
    say("Anwesenheitsliste mit " + summary.sign_in.rows.length + (withNames ? " Namen" : " leeren Zeilen")
      + " erstellt. Drucken Sie sie mit „Drucken oder als PDF speichern“.", [])
  }

  function certificates() {
    if (needCourse()) return
    var roster = element("qp-doc-roster").value
    var summary = summaryNow(roster)
    markFields(summary)
    var problems = problemTexts(summary)
    if (problems.length) {
      show([])
      say("Noch keine Bescheinigungen: " + problems.length + (problems.length === 1 ? " Angabe fehlt oder ist falsch:"
        : " Angaben fehlen oder sind falsch:"), problems, true)
      return
    }
    if (!roster.trim()) {
      show([])
      say("Fügen Sie zuerst die Teilnehmenden ein (Abschnitt 3).", [], true)
      return
    }
    show(summary.certificates.map(function (view) { return filled("qp-certificate-layout", view) }))
    var refused = summary.refused.map(function (r) { return "Keine Bescheinigung für " + r[0] + " (Zeile " + r[1] + "): " + r[2] })
    var made = summary.certificates.length
    // A course that misses its recognition rule still gets certificates (they say so), but the
    // trainer must learn it before handing them out: they do not count towards recognition.
    var notMet = made && summary.certificates[0].not_met
    say((notMet ? "Achtung: Der Kurs erfüllt die Regel der Anerkennung nicht; die Bescheinigungen sagen das und "
      + "zählen nicht für die Anerkennung. Prüfen Sie den Kurs im Kursplaner, bevor Sie sie ausgeben. " : "")
      + (made === 1 ? "1 Bescheinigung" : made + " Bescheinigungen") + " erstellt, eine je Seite. Drucken Sie sie mit "
      + "„Drucken oder als PDF speichern“.", refused, Boolean(notMet))
  }

  function clear() {
    element("qp-doc-roster").value = ""
    element("qp-doc-roster").setAttribute("aria-invalid", "false")
    show([])
    say("Namen und Vorschau gelöscht.", [])
  }

  function start() {
    if (!element("qp-doc-course")) return
    document.body.classList.add("qp-docs-page")
    var select = element("qp-doc-course")
    ;(P.data().courses || []).forEach(function (course) {
      var option = document.createElement("option")
      option.value = course.id
      option.textContent = course.title
      select.appendChild(option)
    })
    select.addEventListener("change", chooseCourse)
    element("qp-doc-file").addEventListener("change", loadFile)
    element("qp-doc-sign-in").addEventListener("click", function () { signIn(true) })
    element("qp-doc-sign-in-blank").addEventListener("click", function () { signIn(false) })
    element("qp-doc-certificates").addEventListener("click", certificates)
    element("qp-doc-print").addEventListener("click", function () { window.print() })
    element("qp-doc-clear").addEventListener("click", clear)
  }

  P.fillLayout = filled
  start()
})(window.QPPlanner)
