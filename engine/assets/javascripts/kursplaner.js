/* The course planner ("Kursplaner"): plain JavaScript, no framework, no server, nothing fetched.
 *
 * Its data (modules, units, prerequisites, recognition rules, roles, the checks' messages and
 * the project's courses) is written into the page at build time as
 * <script type="application/json" id="qp-planner-data">, because fetching a JSON file fails
 * from file:// (a USB stick).
 *
 * `QPPlanner.summary(catalogue, course)` is the pure engine. It follows the Python code
 * (macros/courses/schedule.py, checks.py, plan.py `plan_summary`) step by step and in the same
 * order of floating-point operations, so both give the same clock times and messages;
 * tests/courses/cases.json holds the cases both must agree on.
 */
(function () {
  "use strict"

  // ------------------------------------------------------------------------------------------
  // Engine: schedule and checks, pure.
  // ------------------------------------------------------------------------------------------

  var DEFAULT_LABELS = { "break": "Pause", "lunch": "Mittagspause" }

  function own(object, key) {
    return object != null && key != null && Object.prototype.hasOwnProperty.call(object, key)
  }

  function given(value) {
    return value !== null && value !== undefined
  }

  function parseClock(text) {
    var parts = String(text).split(":")
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10)
  }

  function pad(value) {
    return value < 10 ? "0" + value : String(value)
  }

  /* HH:MM, half a minute rounded up (schedule.clock). */
  function clock(minutes) {
    var whole = Math.floor(minutes + 0.5)
    return pad(Math.floor(whole / 60)) + ":" + pad(whole % 60)
  }

  /* Whole minutes, half a minute rounded up (checks.whole). */
  function whole(minutes) {
    return String(Math.floor(minutes + 0.5))
  }

  /* German number, rounded half up (formatting.number). Python rounds the shortest decimal
   * text of the float (Decimal(str(value))); JavaScript's String() gives the same text, so
   * rounding that text as decimal digits gives the same result, free of binary surprises. */
  function number(value, decimals) {
    decimals = decimals === undefined ? 1 : decimals
    var text = String(value)
    if (/e/i.test(text)) text = Number(value).toFixed(20)
    var negative = text.charAt(0) === "-"
    if (negative) text = text.slice(1)
    var parts = text.split(".")
    var fraction = (parts[1] || "") + new Array(decimals + 2).join("0")
    var digits = (parts[0] + fraction.slice(0, decimals)).replace(/^0+(?=\d)/, "")
    if (fraction.charAt(decimals) >= "5") digits = increment(digits)
    while (digits.length <= decimals) digits = "0" + digits
    var result = decimals ? digits.slice(0, digits.length - decimals) + "." + digits.slice(digits.length - decimals)
      : digits
    if (result.indexOf(".") >= 0) result = result.replace(/0+$/, "").replace(/\.$/, "")
    return (negative ? "-" : "") + result.replace(".", ",")
  }

  function increment(digits) {
    var chars = digits.split("")
    for (var i = chars.length - 1; i >= 0; i--) {
      if (chars[i] === "9") {
        chars[i] = "0"
      } else {
        chars[i] = String(Number(chars[i]) + 1)
        return chars.join("")
      }
    }
    return "1" + chars.join("")
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name] })
  }

  function dateDe(iso) {
    var parts = iso.split("-")
    return parts[2] + "." + parts[1] + "." + parts[0]
  }

  function moduleMinutes(catalogue, id) {
    return own(catalogue.modules, id) ? catalogue.modules[id].ue * catalogue.unit_minutes : 0
  }

  function moduleTitle(catalogue, id) {
    return own(catalogue.modules, id) ? catalogue.modules[id].title : id
  }

  function courseModules(course) {
    var seen = []
    course.days.forEach(function (day) {
      day.blocks.forEach(function (block) {
        if (block.module && seen.indexOf(block.module) < 0) seen.push(block.module)
      })
    })
    return seen
  }

  /* Teaching minutes of each module block, keyed "day,block" (schedule.module_block_minutes). */
  function moduleBlockMinutes(course, catalogue) {
    var givenMinutes = new Map()
    course.days.forEach(function (day) {
      day.blocks.forEach(function (block) {
        if (block.module && given(block.minutes)) {
          givenMinutes.set(block.module, (givenMinutes.get(block.module) || 0) + block.minutes)
        }
      })
    })
    var minutes = {}
    course.days.forEach(function (day, d) {
      day.blocks.forEach(function (block, i) {
        if (block.module) {
          var rest = Math.max(moduleMinutes(catalogue, block.module) - (givenMinutes.get(block.module) || 0), 0)
          minutes[d + "," + i] = given(block.minutes) ? block.minutes : rest
        }
      })
    })
    return minutes
  }

  function blockKind(block) {
    if (block.module) return "module"
    if (block.activity) return "activity"
    return block["break"] ? "break" : "lunch"
  }

  function sum(slots, test) {
    var total = 0
    slots.forEach(function (slot) { if (test(slot)) total += slot.end - slot.start })
    return total
  }

  function isTeaching(slot) { return slot.kind === "module" }
  function isPause(slot) { return slot.kind === "break" || slot.kind === "lunch" }

  /* Clock times for every block: each day starts at its own time (schedule.schedule). */
  function schedule(course, catalogue, labels) {
    var minutes = moduleBlockMinutes(course, catalogue)
    var parts = new Map()
    course.days.forEach(function (day) {
      day.blocks.forEach(function (block) {
        if (block.module) parts.set(block.module, (parts.get(block.module) || 0) + 1)
      })
    })
    var seen = new Map()
    var days = course.days.map(function (day, d) {
      var start = parseClock(day.start)
      var now = start
      var slots = day.blocks.map(function (block, i) {
        var kind = blockKind(block)
        var slot
        if (kind === "module") {
          var length = minutes[d + "," + i]
          seen.set(block.module, (seen.get(block.module) || 0) + 1)
          slot = { day: d, index: i, kind: kind, start: now, end: now + length,
            title: moduleTitle(catalogue, block.module), module: block.module,
            part: seen.get(block.module), parts: parts.get(block.module) }
          now += length
        } else {
          var own_length = block.minutes || block["break"] || block.lunch || 0
          slot = { day: d, index: i, kind: kind, start: now, end: now + own_length,
            title: block.activity || labels[kind], module: null, part: 1, parts: 1 }
          now += own_length
        }
        return slot
      })
      var end = slots.length ? slots[slots.length - 1].end : start
      return { index: d, number: d + 1, date: day.date || null, start: start, end: end, length: end - start,
        slots: slots, teaching_minutes: sum(slots, isTeaching), pause_minutes: sum(slots, isPause) }
    })
    var teaching = 0
    days.forEach(function (day) { teaching += day.teaching_minutes })
    return { days: days, unit_minutes: catalogue.unit_minutes, teaching_minutes: teaching,
      ue: teaching / catalogue.unit_minutes }
  }

  function Finding(code, at, values) {
    return { code: code, at: at, values: values }
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
            findings.push(Finding("module_twice", at, { module: module, day: String(seen[0] + 1),
              block: String(seen[1] + 1) }))
          } else if (minutes[key] <= 0) {
            findings.push(Finding("module_used_up", at, { module: module, full: whole(full) }))
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
              findings.push(Finding("prerequisite_order", at, { module: module, prerequisite: prerequisite,
                day: String(later[0] + 1), block: String(later[1] + 1) }))
            }
          })
        }
      })
    })
    var twice = findings.filter(function (f) { return f.code === "module_twice" })
      .map(function (f) { return f.values.module })
    taught.forEach(function (total, module) {
      var full = moduleMinutes(catalogue, module)
      if (full && total > full + 1e-9 && twice.indexOf(module) < 0) {  // one root cause, one message
        findings.push(Finding("module_over", lastAt.get(module), { module: module, taught: whole(total),
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

  /* Teaching without a long enough break; activities neither count nor rest. */
  function stretches(d, plan, rule) {
    var findings = []
    var stretch = 0
    var started = null
    var reported = false
    plan.days[d].slots.forEach(function (slot) {
      var minutes = slot.end - slot.start
      if (isPause(slot) && minutes >= rule.break_minutes) {
        stretch = 0
        started = null
        reported = false
        return
      }
      if (!isTeaching(slot)) return
      if (started === null) started = slot.start
      stretch += minutes
      if (stretch > rule.after_minutes + 1e-9 && !reported) {
        reported = true
        findings.push(Finding("no_break", ["days", d, "blocks", slot.index], { start: clock(started),
          minutes: whole(stretch), pause: String(rule.break_minutes), limit: String(rule.after_minutes) }))
      }
    })
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
    return { rule: rule, refresher: !!course.refresher, course_ue: plan.ue, minimum_ue: minimum,
      missing_modules: missing, ue_short: short, met: !missing.length && short <= 1e-9 }
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
      findings.push(Finding("rule_minimum", ["recognition"], { ue: number(status.course_ue), rule: rule.label,
        minimum: number(status.minimum_ue), missing: number(status.ue_short) }))
    }
    if (status.missing_modules.length) {
      findings.push(Finding("rule_core", ["recognition"], { rule: rule.label,
        modules: status.missing_modules.join(", ") }))
    }
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
          modules: missing.join(", ") }))
      }
    })
    return findings
  }

  /* Schedule, recognition status and findings (with their messages) of a course. */
  function compute(catalogue, course, texts) {
    texts = texts || embeddedTexts()
    var plan = schedule(course, catalogue, texts.labels || DEFAULT_LABELS)
    var findings = [].concat(checkModules(course, catalogue), checkDays(course, plan),
      checkRecognition(course, plan, catalogue), checkAudience(course, catalogue))
    findings.forEach(function (finding) {
      finding.message = format(texts.messages[finding.code], finding.values)
      finding.warning = texts.warnings.indexOf(finding.code) >= 0
    })
    return { plan: plan, findings: findings, status: recognitionStatus(course, plan, catalogue) }
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

  /* The recognition verdict as plain data (plan.py `recognition_summary`), or null. */
  function recognitionSummary(status) {
    if (!status) return null
    return { rule: status.rule.id, refresher: status.refresher, met: status.met, ue: number(status.course_ue),
      minimum_ue: number(status.minimum_ue), ue_short: number(status.ue_short),
      missing_modules: status.missing_modules.slice() }
  }

  function withDefaults(course) {
    var copy = {}
    Object.keys(course).forEach(function (key) { copy[key] = course[key] })
    copy.audience = course.audience || []
    copy.refresher = !!course.refresher
    copy.days = course.days || []
    return copy
  }

  var embedded = null

  function embeddedData() {
    if (embedded === null) {
      var element = document.getElementById("qp-planner-data")
      embedded = element ? JSON.parse(element.textContent) : {}
    }
    return embedded
  }

  function embeddedTexts() {
    var data = embeddedData()
    return { messages: data.messages || {}, warnings: data.warnings || [], labels: data.labels || DEFAULT_LABELS }
  }

  // ------------------------------------------------------------------------------------------
  // YAML: the subset the planner exports (and the course files use), written and read.
  // ------------------------------------------------------------------------------------------

  var SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/course.schema.json"
  var DATE = /^\d{4}-\d{2}-\d{2}$/

  function quote(text) {
    return JSON.stringify(String(text))  // a JSON string is a valid double-quoted YAML scalar
  }

  function today() {
    var now = new Date()
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate())
  }

  /* The course as a file for curriculum/courses/ (clock times and versions quoted). */
  function toYaml(course, updated) {
    var lines = [SCHEMA_LINE]
    lines.push("id: " + quote(course.id))
    lines.push("title: " + quote(course.title))
    lines.push("summary: " + quote(course.summary))
    lines.push("audience: [" + course.audience.map(quote).join(", ") + "]")
    if (course.recognition) lines.push("recognition: " + quote(course.recognition))
    if (course.refresher) lines.push("refresher: true")
    ;["counts_for", "provider", "place"].forEach(function (key) {
      if (course[key]) lines.push(key + ": " + quote(course[key]))
    })
    if (course.trainers && course.trainers.length) {
      lines.push("trainers: [" + course.trainers.map(quote).join(", ") + "]")
    }
    if (course.break_rule) {
      lines.push("break_rule:")
      lines.push("  after_minutes: " + course.break_rule.after_minutes)
      lines.push("  break_minutes: " + course.break_rule.break_minutes)
    }
    if (given(course.max_day_minutes)) lines.push("max_day_minutes: " + course.max_day_minutes)
    lines.push("days:")
    course.days.forEach(function (day) {
      var first = true
      function field(text) {
        lines.push((first ? "  - " : "    ") + text)
        first = false
      }
      if (day.date) field("date: " + day.date)
      field("start: " + quote(day.start))
      if (day.latest_end) field("latest_end: " + quote(day.latest_end))
      field("blocks:")
      day.blocks.forEach(function (block) {
        var kind = blockKind(block)
        if (kind === "module") {
          lines.push("      - module: " + block.module)
          if (given(block.minutes)) lines.push("        minutes: " + block.minutes)
        } else if (kind === "activity") {
          lines.push("      - activity: " + quote(block.activity))
          lines.push("        minutes: " + block.minutes)
        } else {
          lines.push("      - " + kind + ": " + block[kind])
        }
      })
    })
    lines.push("version: " + quote(course.version || "1.0"))
    lines.push("updated: " + (updated || today()))
    return lines.join("\n") + "\n"
  }

  function YamlError(line, message) {
    var error = new Error("Zeile " + line + ": " + message)
    error.line = line
    return error
  }

  /* Plain, quoted and flow-list scalars of the subset. */
  function scalar(text, line) {
    text = text.trim()
    if (text.charAt(0) === '"') {
      try {
        return JSON.parse(text)
      } catch (e) {
        throw YamlError(line, "Text in Anführungszeichen ist nicht abgeschlossen: " + text)
      }
    }
    if (text.charAt(0) === "'") {
      if (text.length < 2 || text.charAt(text.length - 1) !== "'") {
        throw YamlError(line, "Text in Anführungszeichen ist nicht abgeschlossen: " + text)
      }
      return text.slice(1, -1).replace(/''/g, "'")
    }
    if (text.charAt(0) === "[") {
      if (text.charAt(text.length - 1) !== "]") throw YamlError(line, "Liste ohne schließende Klammer: " + text)
      var inner = text.slice(1, -1).trim()
      return inner ? splitFlow(inner).map(function (item) { return scalar(item, line) }) : []
    }
    if (text === "" || text === "null" || text === "~") return null
    if (text === "true") return true
    if (text === "false") return false
    if (/^-?\d+$/.test(text)) return parseInt(text, 10)
    if (/^-?\d+\.\d+$/.test(text)) return parseFloat(text)
    return text
  }

  function splitFlow(text) {
    var items = []
    var current = ""
    var quoteChar = null
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i)
      if (quoteChar) {
        current += c
        if (c === "\\" && quoteChar === '"') {
          current += text.charAt(++i)
        } else if (c === quoteChar) {
          quoteChar = null
        }
      } else if (c === '"' || c === "'") {
        quoteChar = c
        current += c
      } else if (c === ",") {
        items.push(current)
        current = ""
      } else {
        current += c
      }
    }
    items.push(current)
    return items
  }

  /* Strip a comment that is not inside quotes. */
  function stripComment(text) {
    var quoteChar = null
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i)
      if (quoteChar) {
        if (c === "\\" && quoteChar === '"') i++
        else if (c === quoteChar) quoteChar = null
      } else if (c === '"' || c === "'") {
        quoteChar = c
      } else if (c === "#" && (i === 0 || /\s/.test(text.charAt(i - 1)))) {
        return text.slice(0, i)
      }
    }
    return text
  }

  /* A tiny YAML reader for mappings, lists, flow lists, quoted scalars and block scalars. */
  function parseYaml(source) {
    var raw = String(source).replace(/\r\n?/g, "\n").split("\n")
    var lines = []
    for (var n = 0; n < raw.length; n++) {
      if (/^\s*#/.test(raw[n]) || !raw[n].trim()) {
        lines.push(null)
        continue
      }
      if (/\t/.test(raw[n].match(/^\s*/)[0])) throw YamlError(n + 1, "Tabulatoren sind zum Einrücken nicht erlaubt")
      lines.push({ indent: raw[n].match(/^ */)[0].length, text: raw[n].trim(), number: n + 1, raw: raw[n] })
    }
    var position = 0

    function peek() {
      while (position < lines.length && lines[position] === null) position++
      return position < lines.length ? lines[position] : null
    }

    function blockScalar(style, indent) {
      var collected = []
      var contentIndent = null
      while (position < raw.length) {
        var text = raw[position]
        if (text.trim()) {
          var width = text.match(/^ */)[0].length
          if (width <= indent) break
          if (contentIndent === null) contentIndent = width
          collected.push(text.slice(contentIndent))
        } else {
          collected.push("")
        }
        position++
      }
      while (collected.length && collected[collected.length - 1] === "") collected.pop()
      var folded = style.charAt(0) === ">"
        ? collected.join("\n").replace(/([^\n])\n(?=[^\n])/g, "$1 ") : collected.join("\n")
      return /-$/.test(style) ? folded : folded + "\n"
    }

    function value(rest, line) {
      var text = stripComment(rest).trim()
      if (/^[>|]-?$/.test(text)) {
        position++
        return blockScalar(text, line.indent)
      }
      if (text === "") {
        position++
        var next = peek()
        if (next && (next.indent > line.indent || (next.indent === line.indent && /^- |^-$/.test(next.text)))) {
          return node(next.indent)
        }
        return null
      }
      position++
      return scalar(text, line.number)
    }

    function mapping(indent, first) {
      var result = {}
      var line = first
      while (line && line.indent === indent && !/^-( |$)/.test(line.text)) {
        var match = /^("[^"]*"|'[^']*'|[^:]+?)\s*:(?:\s+(.*)|$)/.exec(stripComment(line.text))
        if (!match) throw YamlError(line.number, "erwartet wird „Schlüssel: Wert“, gefunden: " + line.text)
        var key = match[1].replace(/^["']|["']$/g, "")
        result[key] = value(line.text.slice(line.text.indexOf(":") + 1), line)
        line = peek()
      }
      if (line && line.indent > indent) throw YamlError(line.number, "unerwartete Einrückung")
      return result
    }

    function sequence(indent) {
      var result = []
      var line = peek()
      while (line && line.indent === indent && /^-( |$)/.test(line.text)) {
        var rest = line.text.slice(1)
        var inner = rest.replace(/^ +/, "")
        if (!inner) {
          position++
          var next = peek()
          result.push(next && next.indent > indent ? node(next.indent) : null)
        } else if (/^("[^"]*"|'[^']*'|[^:"'\[]+?)\s*:(\s|$)/.test(inner)) {
          // "- key: value" opens a mapping whose keys stand at the column after "- ".
          var column = indent + 1 + (rest.length - inner.length)
          lines[position] = { indent: column, text: inner, number: line.number, raw: line.raw }
          result.push(mapping(column, lines[position]))
        } else {
          position++
          result.push(scalar(stripComment(inner), line.number))
        }
        line = peek()
      }
      return result
    }

    function node(indent) {
      var line = peek()
      if (!line) return null
      return /^-( |$)/.test(line.text) ? sequence(indent) : mapping(indent, line)
    }

    var first = peek()
    if (!first) return null
    var result = node(first.indent)
    var rest = peek()
    if (rest) throw YamlError(rest.number, "unerwartete Einrückung oder Zeile: " + rest.text)
    return result
  }

  /* A course read from YAML or JSON text. */
  function parseCourse(text) {
    var trimmed = String(text).trim()
    if (!trimmed) throw new Error("Der Text ist leer.")
    var data
    if (trimmed.charAt(0) === "{") {
      try {
        data = JSON.parse(trimmed)
      } catch (e) {
        throw new Error("Das JSON ist fehlerhaft: " + e.message)
      }
    } else {
      data = parseYaml(trimmed)
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("Ein Kurs beginnt mit „id: …“.")
    if (!Array.isArray(data.days) || !data.days.length) throw new Error("Der Kurs hat keine Tage (days).")
    return normalise(data)
  }

  function text(value) {
    return given(value) ? String(value) : ""
  }

  function integer(value) {
    var parsed = parseInt(value, 10)
    return isFinite(parsed) ? parsed : null
  }

  /* A course in the file's shape with every field the planner edits present. */
  function normalise(data) {
    return {
      id: text(data.id),
      title: text(data.title),
      summary: text(data.summary).trim(),
      audience: Array.isArray(data.audience) ? data.audience.map(String) : [],
      recognition: data.recognition ? String(data.recognition) : null,
      refresher: data.refresher === true,
      counts_for: data.counts_for ? String(data.counts_for).trim() : null,
      provider: data.provider ? String(data.provider) : null,
      place: data.place ? String(data.place) : null,
      trainers: Array.isArray(data.trainers) ? data.trainers.map(String) : [],
      break_rule: data.break_rule && typeof data.break_rule === "object"
        ? { after_minutes: integer(data.break_rule.after_minutes), break_minutes: integer(data.break_rule.break_minutes) }
        : null,
      max_day_minutes: given(data.max_day_minutes) ? integer(data.max_day_minutes) : null,
      days: (data.days || []).map(function (day) {
        day = day || {}
        return { date: day.date ? String(day.date) : null, start: text(day.start) || "09:00",
          latest_end: day.latest_end ? String(day.latest_end) : null,
          blocks: (Array.isArray(day.blocks) ? day.blocks : []).map(normaliseBlock) }
      }),
      version: data.version ? String(data.version) : "1.0",
    }
  }

  function normaliseBlock(block) {
    block = block || {}
    if (block.module) return { module: String(block.module), minutes: given(block.minutes) ? integer(block.minutes) : null }
    if (block.activity) return { activity: String(block.activity), minutes: integer(block.minutes) }
    if (block["break"]) return { "break": integer(block["break"]) }
    return { lunch: integer(block.lunch) || 45 }
  }

  function emptyCourse() {
    return normalise({ id: "", title: "", summary: "", audience: [], version: "1.0",
      days: [{ start: "09:00", blocks: [] }] })
  }

  // ------------------------------------------------------------------------------------------
  // The page: form, days and blocks, live schedule, findings, drafts, export and import.
  // ------------------------------------------------------------------------------------------

  var STORAGE_KEY = "qp-kursplaner:entwurf"
  var KIND_NAMES = { module: "Unterricht", activity: "Programmpunkt", "break": "Pause", lunch: "Mittagspause" }
  var WEEKDAYS = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
  var CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

  var data = null
  var course = null
  var dragged = null

  function $(id) {
    return document.getElementById(id)
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
    } catch (e) {
      // Storage may be switched off; the planner still works for this visit.
    }
  }

  function load() {
    try {
      var saved = window.localStorage.getItem(STORAGE_KEY)
      return saved ? normalise(JSON.parse(saved)) : null
    } catch (e) {
      return null
    }
  }

  /* Everything the model would refuse before the schedule can be computed, in German. */
  function inputProblems() {
    var problems = []
    if (!SLUG.test(course.id)) problems.push("Kurz-ID fehlt oder enthält andere Zeichen als a–z, 0–9 und -")
    if (!course.title.trim()) problems.push("Titel fehlt")
    if (!course.summary.trim()) problems.push("Kurzbeschreibung fehlt")
    if (!course.audience.length) problems.push("Wählen Sie mindestens eine Zielgruppe")
    if (course.break_rule && (!course.break_rule.after_minutes || !course.break_rule.break_minutes)) {
      problems.push("Pausenregel: geben Sie beide Minutenwerte an oder keinen")
    }
    var blocking = []
    course.days.forEach(function (day, d) {
      var name = "Tag " + (d + 1)
      if (!CLOCK.test(day.start)) blocking.push(name + ": Beginn fehlt (SS:MM)")
      if (day.latest_end && !CLOCK.test(day.latest_end)) blocking.push(name + ": spätestes Ende im Format SS:MM")
      if (day.date && !DATE.test(day.date)) blocking.push(name + ": Datum im Format JJJJ-MM-TT")
      if (!day.blocks.length) problems.push(name + " hat noch keine Blöcke")
      day.blocks.forEach(function (block, i) {
        var where = name + ", Block " + (i + 1) + ": "
        var kind = blockKind(block)
        var length = kind === "module" ? block.minutes : (kind === "activity" ? block.minutes : block[kind])
        if (kind === "module" && !own(catalogue().modules, block.module)) {
          problems.push(where + "unbekanntes Modul " + block.module)
        }
        if (kind === "activity" && !block.activity.trim()) problems.push(where + "Programmpunkt ohne Namen")
        if ((kind !== "module" || given(length)) && !(length > 0)) blocking.push(where + "Minuten fehlen")
      })
    })
    return { problems: problems, blocking: blocking }
  }

  function dayHeading(day, plan) {
    var parts = ["Tag " + plan.number]
    if (day.date && DATE.test(day.date)) {
      var p = day.date.split("-")
      var date = new Date(Number(p[0]), Number(p[1]) - 1, Number(p[2]))
      parts.push(WEEKDAYS[date.getDay()] + ", " + dateDe(day.date))
    }
    parts.push(clock(plan.start) + "–" + clock(plan.end) + " Uhr")
    return parts.join(" · ")
  }

  function location(at) {
    if (at[0] === "days") return "Tag " + (at[1] + 1) + (at[2] === "blocks" ? ", Block " + (at[3] + 1) : "")
    return { recognition: "Anerkennung", refresher: "Auffrischung", audience: "Zielgruppe" }[at[0]] || at[0]
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
    if (!checked.blocking.length) {
      result = compute(catalogue(), complete(course), { messages: data.messages, warnings: data.warnings,
        labels: data.labels })
      var unit = result.plan.unit_minutes
      plan.push(h("p", { "class": "qp-planner-course-title" }, course.title || "Kurs ohne Titel"))
      result.plan.days.forEach(function (day) {
        var rows = day.slots.map(function (slot) {
          var minutes = slot.end - slot.start
          var title = slot.kind === "module" ? slot.module + " · " + slot.title
            + (slot.parts > 1 ? " (Teil " + slot.part + " von " + slot.parts + ")" : "") : slot.title
          return h("tr", { "class": "qp-slot qp-slot--" + slot.kind },
            h("td", { "class": "qp-slot__time" }, clock(slot.start) + "–" + clock(slot.end)),
            h("td", null, title),
            h("td", null, KIND_NAMES[slot.kind]),
            h("td", { "class": "qp-number" }, whole(minutes) + "\u00a0Min."),
            h("td", { "class": "qp-number" }, slot.kind === "module" ? number(minutes / unit) + "\u00a0UE" : "–"))
        })
        plan.push(h("table", { "class": "qp-planner-table" },
          h("caption", null, dayHeading(course.days[day.index], day)),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "Zeit"), h("th", { scope: "col" }, "Block"),
            h("th", { scope: "col" }, "Art"), h("th", { scope: "col" }, "Dauer"), h("th", { scope: "col" }, "Unterricht"))),
          h("tbody", null, rows),
          h("tfoot", null, h("tr", null, h("th", { scope: "row", colspan: "3" }, "Summe Tag " + day.number),
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
          + (status.met ? "erfüllt (" + number(status.course_ue) + "\u00a0UE, verlangt " + number(status.minimum_ue) + "\u00a0UE)."
            : "nicht erfüllt.")))
      }
      result.findings.forEach(function (finding) {
        list.push(h("li", { "class": "qp-finding qp-finding--" + (finding.warning ? "warning" : "error"),
          "data-code": finding.code },
        h("strong", null, (finding.warning ? "Hinweis" : "Fehler") + " (" + location(finding.at) + "): "),
        finding.message))
      })
    } else {
      plan.push(h("p", null, "Der Ablauf erscheint, sobald jeder Tag einen Beginn und jeder Block seine Minuten hat."))
    }
    planBox.replaceChildren.apply(planBox, plan)
    findingsBox.replaceChildren(list.length ? h("ul", { id: "qp-findings-list" }, list)
      : h("p", { "class": "qp-finding--none" }, "Keine Hinweise: der Kurs besteht die Prüfung."))
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
        h("input", { id: prefix + "-minutes", type: "number", min: "1", max: "600", inputmode: "numeric",
          placeholder: "ganz", ".value": text(block.minutes), "aria-describedby": prefix + "-hint",
          oninput: function (event) {
            block.minutes = integer(event.target.value)
            changed()
          } }),
        h("span", { id: prefix + "-hint", "class": "qp-planner-hint" }, "leer: ganzes Modul bzw. der Rest"))
    } else if (kind === "activity") {
      fields.push(h("label", { "for": prefix + "-name" }, "Programmpunkt"),
        h("input", { id: prefix + "-name", type: "text", maxlength: "200", ".value": block.activity,
          oninput: function (event) {
            block.activity = event.target.value
            changed()
          } }),
        h("label", { "for": prefix + "-minutes" }, "Minuten"),
        h("input", { id: prefix + "-minutes", type: "number", min: "1", max: "600", inputmode: "numeric",
          ".value": text(block.minutes), oninput: function (event) {
            block.minutes = integer(event.target.value)
            changed()
          } }))
    } else {
      fields.push(h("label", { "for": prefix + "-minutes" }, "Minuten"),
        h("input", { id: prefix + "-minutes", type: "number", min: "1", max: "240", inputmode: "numeric",
          ".value": text(block[kind]), oninput: function (event) {
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
      "data-index": String(i),
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
    h("span", { "class": "qp-block__title" }, h("span", { "class": "qp-block__kind" }, KIND_NAMES[kind] + ": "), label),
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
          onclick: function () { add({ "break": 15 }, "break") } }, data.labels["break"] + " hinzufügen"),
        h("button", { type: "button", "class": "qp-planner-button", id: prefix + "-add-lunch",
          onclick: function () { add({ lunch: 45 }, "lunch") } }, data.labels.lunch + " hinzufügen"),
        h("button", { type: "button", "class": "qp-planner-button", id: prefix + "-add-activity",
          onclick: function () { add({ activity: "Begrüßung", minutes: 15 }, "activity") } },
        "Programmpunkt hinzufügen")))
  }

  function renderDays() {
    var box = $("qp-days")
    box.replaceChildren.apply(box, course.days.map(dayControls))
  }

  function useCourse(next, message) {
    course = next
    fillForm()
    renderDays()
    changed()
    if (message) announce(message)
  }

  // --- Export, import, print ---

  function exportYaml() {
    var yaml = toYaml(complete(course))
    $("qp-yaml").value = yaml
    var name = (SLUG.test(course.id) ? course.id : "kurs") + ".yml"
    var link = h("a", { href: URL.createObjectURL(new Blob([yaml], { type: "text/yaml;charset=utf-8" })),
      download: name, hidden: true })
    document.body.appendChild(link)
    link.click()
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href)
      link.remove()
    }, 1000)
    announce("YAML erzeugt: " + name + ". Speichern Sie die Datei in curriculum/courses/.")
    return yaml
  }

  function importText(source) {
    var result = $("qp-import-result")
    try {
      useCourse(parseCourse(source))
      result.textContent = "Importiert: " + (course.title || course.id) + "."
    } catch (error) {
      result.textContent = "Import fehlgeschlagen: " + error.message
    }
  }

  function start() {
    data = embeddedData()
    if (!data.catalogue || !$("qp-days")) return
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
      useCourse(next, "Vorlage geladen: " + (next.title || "leerer Kurs") + ".")
    })
    $("qp-add-day").addEventListener("click", function () {
      var last = course.days[course.days.length - 1]
      course.days.push({ date: null, start: last ? last.start : "09:00", latest_end: null, blocks: [] })
      renderDays()
      changed()
      announce("Tag " + course.days.length + " hinzugefügt.")
      $("qp-day-" + (course.days.length - 1) + "-date").focus()
    })
    $("qp-new").addEventListener("click", function () { useCourse(emptyCourse(), "Neuer leerer Kurs.") })
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

  window.QPPlanner = {
    summary: summary,
    compute: compute,
    toYaml: toYaml,
    parseYaml: parseYaml,
    parseCourse: parseCourse,
    number: number,
    clock: clock,
    recompute: function () { return recompute() },
    course: function () { return course },
    load: function (next) { useCourse(normalise(next)) },
    exportYaml: function () { return exportYaml() },
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start)
  else start()
})()
