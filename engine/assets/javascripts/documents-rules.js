/* „Kursunterlagen drucken“, 1 of 2: the rules of rosters, certificates and sign-in sheets.
 *
 * Pure: data in, plain data out; nothing here touches the page. Step by step the same as
 * engine/features/courses/roster.py (`roster_from_text`), certificates.py (`certificate_gaps`,
 * `sort_out`, `course_view`, `certificate_view`), sign_in.py (`sign_in_view`) and documents.py
 * (`documents_summary`), with the same message templates, which the build writes into the page
 * (`documents` in the data block); tests/courses/documents.json holds the cases both must agree
 * on. Clock times and the recognition status come from the planner's scripts
 * (planner-schedule.js, planner-checks.js), loaded before this one.
 */
(function (P) {
  "use strict"

  var own = P.own

  function texts() {
    var documents = P.data().documents
    if (!documents) throw new Error("Der Seite fehlen die Regeln der Kursunterlagen (qp-planner-data).")
    return documents
  }

  // --- Words and dates ---

  var WEEKDAYS = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
  var MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
    "November", "Dezember"]

  /* A text as a sentence: a closing period unless it ends in one already (formatting.sentence). */
  function sentence(text) {
    text = String(text || "").trim()
    return !text || /[.!?…]$/.test(text) ? text : text + "."
  }

  function isoParts(iso) {
    var parts = String(iso).split("-")
    return { year: Number(parts[0]), month: Number(parts[1]), day: Number(parts[2]) }
  }

  /* 2027-03-06 → "Samstag, 6. März 2027" (formatting.date_weekday). */
  function dateWeekday(iso) {
    var d = isoParts(iso)
    var weekday = new Date(d.year, d.month - 1, d.day).getDay()
    return WEEKDAYS[weekday] + ", " + d.day + ". " + MONTHS[d.month - 1] + " " + d.year
  }

  function isLeap(year) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  }

  /* The last course day plus the rule's interval; 29 February becomes the 28th (certificates.refresher_due). */
  function refresherDue(lastIso, rule) {
    if (!rule || rule.refresher_years === null || rule.refresher_years === undefined || !lastIso) return null
    var d = isoParts(lastIso)
    var year = d.year + rule.refresher_years
    var day = d.month === 2 && d.day === 29 && !isLeap(year) ? 28 : d.day
    return year + "-" + P.pad(d.month) + "-" + P.pad(day)
  }

  function cleanList(values) {
    return (values || []).map(function (value) { return String(value).trim() }).filter(Boolean)
  }

  // --- Rosters (roster.py) ---

  function count(text, part) {
    return text.split(part).length - 1
  }

  /* The separator the first line uses most, a tab on a tie, then ";" (roster.delimiter_of). */
  function delimiterOf(line) {
    var best = "\t"
    ;["\t", ";", ","].forEach(function (candidate) {
      if (count(line, candidate) > count(line, best)) best = candidate
    })
    return best
  }

  /* One line's fields as Python's csv reader splits them: quotes group, "" is a quote. */
  function splitLine(line, delimiter) {
    var cells = []
    var cell = ""
    var quoted = false
    var start = true
    for (var i = 0; i < line.length; i++) {
      var c = line.charAt(i)
      if (quoted) {
        if (c === "\"" && line.charAt(i + 1) === "\"") {
          cell += "\""
          i++
        } else if (c === "\"") {
          quoted = false
        } else {
          cell += c
        }
      } else if (c === delimiter) {
        cells.push(cell)
        cell = ""
        start = true
        continue
      } else if (c === "\"" && start) {
        quoted = true
      } else {
        cell += c
      }
      start = false
    }
    cells.push(cell)
    return cells
  }

  function problem(row, field, code, values) {
    return [row, field, code, P.format(texts().roster.messages[code], values || {})]
  }

  function birthDate(raw) {
    var match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw)
    if (!match) return null
    var day = Number(match[1])
    var month = Number(match[2])
    var year = Number(match[3])
    var date = new Date(year, month - 1, day)
    if (year < 1 || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null
    return year + "-" + P.pad(month) + "-" + P.pad(day)
  }

  var DAY_COLUMN = /^tag\s*(\d+)$/i

  /* The participants of a pasted roster for a course of `days` days, or its problems, each at its row. */
  function parseRoster(text, days) {
    var rules = texts().roster
    var lines = String(text).split(/\r\n|\n|\r/)
    if (lines.length && lines[lines.length - 1] === "") lines.pop()
    if (!lines.length || !lines[0].trim()) return { participants: [], problems: [problem(1, "", "roster.empty")] }
    var delimiter = delimiterOf(lines[0])
    var rows = lines.map(function (line) { return splitLine(line, delimiter) })
    var header = rows[0].map(function (cell) { return cell.trim() })
    var problems = []
    var columns = {}
    header.forEach(function (cell, index) { columns[cell.toLowerCase()] = index })
    if (!own(columns, "name")) {
      problems.push(problem(1, "", "roster.name-column-missing", { found: header.join(", "),
        delimiter: rules.delimiters[delimiter] }))
    }
    var dayColumns = []
    header.forEach(function (cell, index) {
      var match = DAY_COLUMN.exec(cell)
      if (match) {
        var number = parseInt(match[1], 10)
        if (number < 1 || number > days) {
          problems.push(problem(1, "", "roster.day-unknown", { cell: cell, days: days + " Tag" + (days !== 1 ? "e" : "") }))
        }
        dayColumns = dayColumns.filter(function (entry) { return entry[0] !== number })
        dayColumns.push([number, index])
      } else if (cell.toLowerCase() !== "name" && cell.toLowerCase() !== "geburtsdatum") {
        problems.push(problem(1, "", "roster.column-unknown", { cell: cell }))
      }
    })
    if (problems.length) return { participants: [], problems: problems }
    dayColumns.sort(function (a, b) { return a[0] - b[0] })
    var participants = []
    var firstRow = {}
    rows.slice(1).forEach(function (row, offset) {
      var number = offset + 2
      if (!row.some(function (cell) { return cell.trim() })) return
      var result = participant(number, row, header, columns, dayColumns, rules)
      if (result.participant) {
        var key = result.participant.name.toLowerCase() + "\n" + (result.participant.birth_date || "")
        if (own(firstRow, key)) {
          result.problems.push(problem(number, "Name", "roster.name-repeated", { name: result.participant.name,
            first: firstRow[key] }))
        } else {
          firstRow[key] = number
        }
      }
      problems = problems.concat(result.problems)
      if (result.participant && !result.problems.length) participants.push(result.participant)
    })
    if (!participants.length && !problems.length) problems.push(problem(1, "", "roster.no-participants"))
    return { participants: participants, problems: problems }
  }

  function participant(number, row, header, columns, dayColumns, rules) {
    if (row.length !== header.length) {
      return { participant: null, problems: [problem(number, "", "roster.row-fields",
        { fields: row.length, header: header.length })] }
    }
    var name = row[columns.name].trim().split(/\s+/).join(" ")
    var problems = []
    if (!name) problems.push(problem(number, "Name", "roster.name-empty"))
    var birth = null
    if (own(columns, "geburtsdatum") && row[columns.geburtsdatum].trim()) {
      var raw = row[columns.geburtsdatum].trim()
      birth = birthDate(raw)
      if (birth === null) problems.push(problem(number, "Geburtsdatum", "roster.birth-date", { raw: raw }))
    }
    var absent = []
    dayColumns.forEach(function (entry) {
      var value = row[entry[1]].trim()
      var lower = value.toLowerCase()
      if (!lower) {
        problems.push(problem(number, "Tag " + entry[0], "roster.attendance-blank"))
      } else if (rules.absent.indexOf(lower) >= 0) {
        absent.push(entry[0])
      } else if (rules.present.indexOf(lower) < 0) {
        problems.push(problem(number, "Tag " + entry[0], "roster.attendance-value", { raw: value }))
      }
    })
    if (problems.length) return { participant: null, problems: problems }
    return { participant: { row: number, name: name, birth_date: birth, absent_days: absent }, problems: [] }
  }

  // --- Certificates (certificates.py) ---

  /* What a certificate needs that the course leaves open: [field, code, message] each. */
  function certificateGaps(course) {
    var messages = texts().gaps
    var gaps = []
    if (!String(course.provider || "").trim()) {
      gaps.push(["provider", "certificate.provider-missing", messages["certificate.provider-missing"]])
    }
    if (!cleanList(course.trainers).length) {
      gaps.push(["trainers", "certificate.trainers-missing", messages["certificate.trainers-missing"]])
    }
    course.days.forEach(function (day, index) {
      if (!day.date) {
        gaps.push(["days", "certificate.day-without-date",
          P.format(messages["certificate.day-without-date"], { day: index + 1 })])
      }
    })
    return gaps
  }

  /* Who gets a certificate (numbered in roster order) and who does not, with the reason. */
  function sortOut(course, plan, participants) {
    var last = course.days[course.days.length - 1].date.replace(/-/g, "")
    var issued = []
    var refused = []
    participants.forEach(function (person) {
      var missed = person.absent_days.map(function (day) { return plan.days[day - 1] })
      var teaching = 0
      missed.forEach(function (day) { teaching += day.teaching_minutes })
      if (teaching) {
        var names = missed.map(function (day) { return "Tag " + day.number }).join(", ")
        refused.push({ participant: person, reason: "fehlte an " + names + " (" + P.whole(teaching) + " Min. Unterricht)" })
      } else {
        issued.push({ number: course.id + "-" + last + "-" + P.pad(issued.length + 1), participant: person })
      }
    })
    return { issued: issued, refused: refused }
  }

  /* Every text a certificate of the course prints, the same for each participant (course_view). */
  function courseView(course, catalogue, rules) {
    var documents = texts()
    var plan = P.schedule(course, catalogue, P.texts().labels)
    var status = P.recognitionStatus(course, plan, catalogue)
    var rule = own(rules, course.recognition || "") ? rules[course.recognition] : null
    var last = course.days[course.days.length - 1].date
    var due = refresherDue(last, rule)
    var provider = String(course.provider || "").trim()
    var place = String(course.place || "").trim()
    var titles = P.courseModules(course).filter(function (id) { return own(catalogue.modules, id) })
      .map(function (id) { return catalogue.modules[id].title })
    var units = P.number(plan.ue)
    var mode = course.in_person === true || course.in_person === false ? documents.modes[String(course.in_person)] : ""
    return {
      title: course.title,
      provider: provider,
      provider_sentence: sentence(provider),
      recognition: rule ? "Der Kurs dient der " + (course.refresher ? "Auffrischung der " : "") + "Anerkennung nach der "
        + "Regel „" + rule.label + "“: " + rule.basis + " (Stand " + rule.stand + ")." : "",
      not_met: status && !status.met ? "Er erfüllt die Regel nicht vollständig." : "",
      counts_for: status && !status.met ? "" : sentence(course.counts_for || ""),  // certificates.py: never both
      days: plan.days.map(function (day) {
        return { date: day.date ? dateWeekday(day.date) : "Tag " + day.number,
          time: P.clock(day.start) + "–" + P.clock(day.end) + " Uhr", minutes: P.whole(day.teaching_minutes) + " Min." }
      }),
      total: P.whole(plan.teaching_minutes) + " Minuten = " + units + " Unterrichtseinheit" + (units === "1" ? "" : "en"),
      unit_minutes: String(plan.unit_minutes),
      contents: sentence(titles.join("; ")),
      trainers: cleanList(course.trainers).join(", "),
      place: place,
      mode: mode,
      due: due ? P.dateDe(due) : "",
      due_label: rule && due ? rule.refresher_label : "",
      issued: [place, last ? P.dateDe(last) : ""].filter(Boolean).join(", "),
      signature: provider ? "Unterschrift der Kursleitung für " + provider : "Unterschrift der Kursleitung",
    }
  }

  /* The texts of one certificate: the course's and the participant's (certificate_view). */
  function certificateView(view, certificate) {
    var result = {}
    Object.keys(view).forEach(function (key) { result[key] = view[key] })
    var person = certificate.participant
    result.number = certificate.number
    result.name = person.name
    result.birth = person.birth_date ? P.dateDe(person.birth_date) : ""
    return result
  }

  // --- The sign-in sheet (sign_in.py) ---

  /* The sheet's texts: the course's facts, a column per day, a row per name or `blankRows` blank rows. */
  function signInView(course, plan, names, blankRows) {
    var dates = plan.days.filter(function (day) { return day.date }).map(function (day) {
      return dateWeekday(day.date) + ", " + P.clock(day.start) + "–" + P.clock(day.end) + " Uhr"
    })
    var rows = names
    if (!rows) {
      rows = []
      while (rows.length < blankRows) rows.push("")
    }
    return {
      title: course.title,
      provider: String(course.provider || "").trim(),
      place: String(course.place || "").trim(),
      trainers: cleanList(course.trainers).join(", "),
      dates: dates.length === course.days.length ? dates.join("; ") : "",
      days: plan.days.map(function (day) {
        return { label: "Tag " + day.number, date: day.date ? P.dateDe(day.date) : "" }
      }),
      rows: rows.map(function (name, index) { return { number: String(index + 1), name: name } }),
    }
  }

  /* Everything the page shows for a course and a pasted roster (documents.documents_summary). */
  function documentsSummary(catalogue, rules, course, roster, blankRows) {
    course = P.withDefaults(course)
    blankRows = blankRows || texts().blank_rows
    var gaps = certificateGaps(course)
    var parsed = String(roster || "").trim() ? parseRoster(roster, course.days.length) : { participants: [], problems: [] }
    var plan = P.schedule(course, catalogue, P.texts().labels)
    var people = parsed.participants
    var summary = {
      gaps: gaps,
      problems: parsed.problems,
      certificates: [],
      refused: [],
      sign_in: signInView(course, plan, people.length && !parsed.problems.length
        ? people.map(function (p) { return p.name }) : null, blankRows),
    }
    if (people.length && !gaps.length && !parsed.problems.length) {
      var sorted = sortOut(course, plan, people)
      var view = courseView(course, catalogue, rules)
      summary.certificates = sorted.issued.map(function (certificate) { return certificateView(view, certificate) })
      summary.refused = sorted.refused.map(function (r) { return [r.participant.name, r.participant.row, r.reason] })
    }
    return summary
  }

  P.sentence = sentence
  P.dateWeekday = dateWeekday
  P.refresherDue = refresherDue
  P.parseRoster = parseRoster
  P.certificateGaps = certificateGaps
  P.sortOut = sortOut
  P.courseView = courseView
  P.certificateView = certificateView
  P.signInView = signInView
  P.documentsSummary = documentsSummary
})(window.QPPlanner)
