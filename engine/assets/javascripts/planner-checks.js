/* The course planner, 3 of 5: findings and the recognition status (engine/features/courses/checks.py),
 * and `summary`, exactly what Python's `plan_summary` (plan.py) gives for a course.
 *
 * Pure, like planner-schedule.js; the messages are the templates of checks.py `MESSAGES`,
 * which the build writes into the page, so the browser says exactly what `check` says.
 */
(function (P) {
  "use strict"

  var own = P.own
  var given = P.given
  var parseClock = P.parseClock
  var clock = P.clock
  var whole = P.whole
  var number = P.number
  var dateDe = P.dateDe
  var moduleMinutes = P.moduleMinutes
  var moduleBlockMinutes = P.moduleBlockMinutes
  var courseModules = P.courseModules
  var isPause = P.isPause

  function Finding(code, at, values) {
    return { code: code, at: at, values: values }
  }

  /* A finding's message: its template (by number, where it has two) filled in (checks.message_text). */
  function messageText(messages, code, values) {
    var template = messages[code]
    if (template && typeof template === "object") template = template[values.count === "1" ? "one" : "other"]
    return P.format(template, values)
  }

  /* 'M07 „Häufige Erkrankungen im Alter“' (checks.module_name). */
  function moduleName(catalogue, id) {
    var title = own(catalogue.modules, id) ? catalogue.modules[id].title : null
    return title ? id + " „" + title + "“" : id
  }

  /* 'A', 'A und B', 'A, B und C' (checks.listed). */
  function listed(items) {
    return items.length === 1 ? items[0] : items.slice(0, -1).join(", ") + " und " + items[items.length - 1]
  }

  function named(catalogue, ids) {
    return listed(ids.map(function (id) { return moduleName(catalogue, id) }))
  }

  function firstBlock(course, module) {
    for (var d = 0; d < course.days.length; d++) {
      var blocks = course.days[d].blocks
      for (var i = 0; i < blocks.length; i++) {
        if (blocks[i].module === module) return [d, i]
      }
    }
    return null
  }

  function checkModules(course, catalogue) {
    var findings = []
    var minutes = moduleBlockMinutes(course, catalogue)
    var first = new Map()
    var wholeBlock = new Map()
    var taught = new Map()
    var lastAt = new Map()
    course.days.forEach(function (day, d) {
      day.blocks.forEach(function (block, i) {
        var module = block.module
        if (!module) return
        var at = ["days", d, "blocks", i, "module"]
        var full = moduleMinutes(catalogue, module)
        var key = d + "," + i
        if (!given(block.minutes)) {
          if (wholeBlock.has(module)) {
            var seen = wholeBlock.get(module)
            findings.push(Finding("module_twice", at, { module: moduleName(catalogue, module), module_id: module,
              day: String(seen[0] + 1), block: String(seen[1] + 1) }))
          } else if (minutes[key] <= 0) {
            findings.push(Finding("module_used_up", at, { module: moduleName(catalogue, module), full: whole(full) }))
          }
          if (!wholeBlock.has(module)) wholeBlock.set(module, [d, i])
        }
        if (!first.has(module)) first.set(module, [d, i])
        taught.set(module, (taught.get(module) || 0) + minutes[key])
        lastAt.set(module, at)
        var prerequisites = own(catalogue.modules, module) ? catalogue.modules[module].prerequisites || [] : []
        var here = first.get(module)
        if (here[0] === d && here[1] === i) {
          prerequisites.forEach(function (prerequisite) {
            var later = firstBlock(course, prerequisite)
            if (later !== null && (later[0] > d || (later[0] === d && later[1] > i))) {
              findings.push(Finding("prerequisite_order", at, { module: moduleName(catalogue, module),
                prerequisite: moduleName(catalogue, prerequisite), prerequisite_id: prerequisite,
                day: String(later[0] + 1), block: String(later[1] + 1) }))
            }
          })
        }
      })
    })
    var twice = findings.filter(function (f) { return f.code === "module_twice" })
      .map(function (f) { return f.values.module_id })
    taught.forEach(function (total, module) {
      var full = moduleMinutes(catalogue, module)
      if (full && total > full + 1e-9 && twice.indexOf(module) < 0) {  // one root cause, one message
        findings.push(Finding("module_over", lastAt.get(module), { module: moduleName(catalogue, module),
          taught: whole(total),
          full: whole(full), ue: number(catalogue.modules[module].ue) }))
      }
    })
    return findings
  }

  function checkDays(course, plan) {
    var findings = []
    var previous = null
    plan.days.forEach(function (day, d) {
      var source = course.days[d]
      var dayNumber = String(day.number)
      if (source.date) {
        if (previous !== null && source.date < previous[1]) {
          findings.push(Finding("date_order", ["days", d, "date"], { day: dayNumber, date: dateDe(source.date),
            previous: String(previous[0]), previous_date: dateDe(previous[1]) }))
        }
        previous = [day.number, source.date]
      }
      if (day.end > 24 * 60) {
        findings.push(Finding("past_midnight", ["days", d, "start"], { day: dayNumber, end: clock(day.end) }))
      }
      if (source.latest_end && day.end > parseClock(source.latest_end) + 1e-9) {
        findings.push(Finding("past_latest_end", ["days", d, "latest_end"], { day: dayNumber, end: clock(day.end),
          latest: source.latest_end, over: whole(day.end - parseClock(source.latest_end)) }))
      }
      if (given(course.max_day_minutes) && day.length > course.max_day_minutes + 1e-9) {
        findings.push(Finding("day_too_long", ["days", d, "start"], { day: dayNumber, length: whole(day.length),
          limit: String(course.max_day_minutes) }))
      }
      if (course.break_rule) findings.push.apply(findings, stretches(d, plan, course.break_rule))
    })
    return findings
  }

  /* Sitting without a long enough break: teaching and activities alike fill the stretch, reported
   * once at the block that crosses the limit, with the whole stretch up to the next break (checks._stretches). */
  function stretches(d, plan, rule) {
    var findings = []
    var stretch = 0
    var started = null
    var crossed = null
    function close(end) {
      if (crossed !== null && started !== null) {
        findings.push(Finding("no_break", ["days", d, "blocks", crossed], { start: clock(started), end: clock(end),
          minutes: whole(stretch), pause: String(rule.break_minutes), limit: String(rule.after_minutes) }))
      }
    }
    var end = plan.days[d].start
    plan.days[d].slots.forEach(function (slot) {
      var minutes = slot.end - slot.start
      if (isPause(slot)) {
        if (minutes >= rule.break_minutes) {
          close(end)
          stretch = 0
          started = null
          crossed = null
        }
        end = slot.end
        return
      }
      if (started === null) started = slot.start
      stretch += minutes
      end = slot.end
      if (stretch > rule.after_minutes + 1e-9 && crossed === null) crossed = slot.index
    })
    close(end)
    return findings
  }

  /* How the course stands against the rule it claims (checks.recognition_status), or null. */
  function recognitionStatus(course, plan, catalogue) {
    if (!own(catalogue.rules, course.recognition || "")) return null
    var rule = catalogue.rules[course.recognition]
    if (course.refresher && !given(rule.refresher_ue)) return null
    var minimum = course.refresher ? rule.refresher_ue || 0 : rule.minimum_ue
    var taught = courseModules(course)
    var missing = course.refresher ? [] : (rule.core_modules || []).filter(function (m) {
      return taught.indexOf(m) < 0
    })
    var short = Math.max(0, minimum - plan.ue)
    var inPersonMissing = !!rule.in_person && course.in_person !== true
    return { rule: rule, refresher: !!course.refresher, course_ue: plan.ue, minimum_ue: minimum,
      missing_modules: missing, ue_short: short, in_person_missing: inPersonMissing,
      met: !missing.length && short <= 1e-9 && !inPersonMissing }
  }

  function checkRecognition(course, plan, catalogue) {
    if (!own(catalogue.rules, course.recognition || "")) return []
    var rule = catalogue.rules[course.recognition]
    if (course.refresher && !given(rule.refresher_ue)) {
      return [Finding("no_refresher", ["refresher"], { rule: rule.label })]
    }
    var status = recognitionStatus(course, plan, catalogue)
    var findings = []
    if (status.ue_short > 1e-9) {
      var missing = number(status.ue_short)
      findings.push(Finding("rule_minimum", ["recognition"], { ue: number(status.course_ue), rule: rule.label,
        minimum: number(status.minimum_ue), missing: missing, count: missing }))
    }
    if (status.missing_modules.length) {
      findings.push(Finding("rule_core", ["recognition"], { rule: rule.label,
        modules: named(catalogue, status.missing_modules), count: String(status.missing_modules.length) }))
    }
    if (status.in_person_missing) findings.push(Finding("rule_in_person", ["recognition"], { rule: rule.label }))
    return findings
  }

  function checkAudience(course, catalogue) {
    if (course.refresher) return []
    var taught = courseModules(course)
    var findings = []
    ;(course.audience || []).forEach(function (id, index) {
      if (!own(catalogue.roles, id)) return
      var role = catalogue.roles[id]
      var missing = (role.required_modules || []).filter(function (m) { return taught.indexOf(m) < 0 })
      if (missing.length) {
        findings.push(Finding("audience_modules", ["audience", index], { role: role.title,
          modules: named(catalogue, missing), count: String(missing.length) }))
      }
    })
    return findings
  }

  /* Schedule, recognition status and findings (with their messages) of a course. */
  function compute(catalogue, course, texts) {
    texts = texts || P.texts()
    var plan = P.schedule(course, catalogue, texts.labels || P.DEFAULT_LABELS)
    var findings = [].concat(checkModules(course, catalogue), checkDays(course, plan),
      checkRecognition(course, plan, catalogue), checkAudience(course, catalogue))
    findings.forEach(function (finding) {
      finding.message = messageText(texts.messages, finding.code, finding.values)
      finding.warning = texts.warnings.indexOf(finding.code) >= 0
    })
    return { plan: plan, findings: findings, status: recognitionStatus(course, plan, catalogue) }
  }

  /* The recognition verdict as plain data (plan.py `recognition_summary`), or null. */
  function recognitionSummary(status) {
    if (!status) return null
    return { rule: status.rule.id, refresher: status.refresher, met: status.met, ue: number(status.course_ue),
      minimum_ue: number(status.minimum_ue), ue_short: number(status.ue_short),
      missing_modules: status.missing_modules.slice(), in_person_missing: status.in_person_missing }
  }

  /* Exactly what Python's `plan_summary` gives for the course. */
  function summary(catalogue, course, texts) {
    var result = compute(catalogue, withDefaults(course), texts)
    return {
      days: result.plan.days.map(function (day) {
        return { start: clock(day.start), end: clock(day.end),
          teaching_minutes: Number(whole(day.teaching_minutes)), pause_minutes: Number(whole(day.pause_minutes)),
          slots: day.slots.map(function (s) {
            return [clock(s.start), clock(s.end), s.kind, s.title, s.module || "", s.part, s.parts]
          }) }
      }),
      teaching_minutes: Number(whole(result.plan.teaching_minutes)),
      ue: number(result.plan.ue),
      findings: result.findings.map(function (f) { return [f.at.join("."), f.code, f.message, f.warning] }),
      recognition: recognitionSummary(result.status),
    }
  }

  /* A shallow copy with the lists and the flag every check reads. */
  function withDefaults(course) {
    var copy = {}
    Object.keys(course).forEach(function (key) { copy[key] = course[key] })
    copy.audience = course.audience || []
    copy.refresher = !!course.refresher
    copy.days = course.days || []
    return copy
  }

  P.moduleName = moduleName
  P.messageText = messageText
  P.recognitionStatus = recognitionStatus
  P.recognitionSummary = recognitionSummary
  P.compute = compute
  P.summary = summary
  P.withDefaults = withDefaults
})(window.QPPlanner)
