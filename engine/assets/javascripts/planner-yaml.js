/* The course planner, 4 of 5: course files, read and written with js-yaml (vendored, `window.jsyaml`).
 *
 * Import reads what our Python loader reads (engine/core/yamlsource.py): YAML 1.1's booleans
 * and numbers, but clock times such as 10:30 stay text (no base 60) and dates stay text.
 * Export writes every text in double quotes, so no YAML reader takes "10:30" for a number or
 * "ja" for a boolean, dates plain as YYYY-MM-DD, and the schema line editors use first.
 */
(function (P) {
  "use strict"

  var jsyaml = window.jsyaml
  var given = P.given

  var SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/course.schema.json"

  // --- Reading: the implicit types of yamlsource.py `_ContentLoader` ---

  var BOOLEAN = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/
  var INTEGER = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$/
  var FLOAT = new RegExp("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
    + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$")

  function scalarType(tag, pattern, construct, predicate) {
    return new jsyaml.Type(tag, { kind: "scalar", construct: construct, predicate: predicate,
      resolve: function (text) { return text !== null && pattern.test(text) },
      represent: function (value) { return String(value) } })
  }

  /* PyYAML's construct_yaml_int without base 60. */
  function integerValue(text) {
    var value = text.replace(/_/g, "")
    var sign = value.charAt(0) === "-" ? -1 : 1
    if ("+-".indexOf(value.charAt(0)) >= 0) value = value.slice(1)
    if (value === "0") return 0
    if (value.slice(0, 2) === "0b") return sign * parseInt(value.slice(2), 2)
    if (value.slice(0, 2) === "0x") return sign * parseInt(value.slice(2), 16)
    if (value.charAt(0) === "0") return sign * parseInt(value, 8)
    return sign * parseInt(value, 10)
  }

  /* PyYAML's construct_yaml_float without base 60. */
  function floatValue(text) {
    var value = text.replace(/_/g, "").toLowerCase()
    var sign = value.charAt(0) === "-" ? -1 : 1
    if ("+-".indexOf(value.charAt(0)) >= 0) value = value.slice(1)
    if (value === ".inf") return sign * Infinity
    if (value === ".nan") return NaN
    return sign * parseFloat(value)
  }

  var READ_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [
    jsyaml.types["null"],
    scalarType("tag:yaml.org,2002:bool", BOOLEAN, function (text) { return /^(?:yes|true|on)$/i.test(text) },
      function (value) { return typeof value === "boolean" }),
    scalarType("tag:yaml.org,2002:int", INTEGER, integerValue,
      function (value) { return typeof value === "number" && Math.floor(value) === value }),
    scalarType("tag:yaml.org,2002:float", FLOAT, floatValue,
      function (value) { return typeof value === "number" }),
  ] })

  // --- Writing: dates plain, everything else of js-yaml's core schema ---

  /* A date to be written plain (YYYY-MM-DD), not as quoted text. */
  function IsoDate(text) {
    this.text = text
  }

  var WRITE_SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [
    new jsyaml.Type("tag:yaml.org,2002:timestamp", { kind: "scalar", instanceOf: IsoDate,
      resolve: function () { return false },  // only for writing
      represent: function (date) { return date.text } }),
  ] })

  // --- Errors: js-yaml's wording → what an editor should do, in German (as yamlsource.py says it) ---

  var TAB_HINT = "in der Einrückung steht ein Tabulator; YAML erlaubt nur Leerzeichen – ersetzen Sie den "
    + "Tabulator durch Leerzeichen (Ihr Editor kann „Tabs in Leerzeichen umwandeln“)"
  var INDENT_HINT = "die Einrückung passt nicht zu den Zeilen davor; rücken Sie gleichrangige Felder gleich weit ein"
  var HINTS = [
    ["tab characters", TAB_HINT],
    ["within a flow collection", "eine Liste oder Gruppe in Klammern ([ ] oder { }) wird nicht geschlossen"],
    ["within a double quoted scalar", "die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen?"],
    ["within a single quoted scalar", "die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen?"],
    ["missed comma between flow collection entries", "zwischen zwei Einträgen in Klammern fehlt ein Komma"],
    ["duplicated mapping key", "ein Feld steht doppelt; löschen Sie eines"],
    ["bad indentation of a sequence entry", "in einer Liste beginnt jeder Eintrag mit '- ' und gleicher Einrückung"],
    ["bad indentation of a mapping entry", "ein Doppelpunkt mit Leerzeichen steht mitten im Text oder die Einrückung "
      + "stimmt nicht; setzen Sie den Text in Anführungszeichen oder rücken Sie gleichrangige Felder gleich weit ein"],
    ["end of the stream or a document separator is expected", INDENT_HINT],
    ["a multiline key may not be an implicit key", "nach einem Feldnamen fehlt ':' (Feldname: Wert)"],
    ["incomplete explicit mapping pair", "nach einem Feldnamen fehlt ':' (Feldname: Wert)"],
    ["unknown tag", "YAML-Tags (!…) sind nicht erlaubt; entfernen Sie sie"],
    ["unidentified alias", "YAML-Verweise (*name) werden nicht unterstützt; schreiben Sie den Wert aus"],
    ["unknown escape sequence", "ein \\ in Anführungszeichen leitet ein Sonderzeichen ein; schreiben Sie \\\\ "
      + "oder einfache Anführungszeichen"],
    ["expected a single document", "die Datei enthält mehr als ein YAML-Dokument (---); ein Kurs ist ein Dokument"],
  ]

  function lineError(line, message) {
    var error = new Error((line ? "Zeile " + line + ": " : "") + message)
    error.line = line
    return error
  }

  /* A js-yaml exception as the planner's German message, with its line. */
  function germanError(error, source) {
    var reason = error.reason || error.message
    var line = error.mark ? error.mark.line + 1 : null
    if (line === null && /single document/.test(reason)) {  // js-yaml gives no place: the second ---
      var starts = String(source).split("\n").reduce(function (found, text, index) {
        return /^---(\s|$)/.test(text) ? found.concat(index + 1) : found
      }, [])
      line = starts.length > 1 ? starts[1] : null
    }
    for (var i = 0; i < HINTS.length; i++) {
      if (reason.indexOf(HINTS[i][0]) >= 0) return lineError(line, "YAML-Syntaxfehler: " + HINTS[i][1])
    }
    return lineError(line, "YAML-Syntaxfehler: prüfen Sie in dieser Zeile Einrückung, Doppelpunkte und "
      + "Anführungszeichen (der Parser meldet: " + reason + ")")
  }

  /* YAML text as plain values, read as our Python loader reads it; German errors with the line. */
  function parseYaml(source) {
    try {
      return jsyaml.load(String(source), { schema: READ_SCHEMA })
    } catch (error) {
      if (error instanceof jsyaml.YAMLException) throw germanError(error, source)
      throw error
    }
  }

  /* Line and column of a JSON.parse error, where the browser names a position. */
  function jsonError(error, source) {
    var at = /position (\d+)/.exec(error.message)
    var line = at ? source.slice(0, Number(at[1])).split("\n").length : null
    return lineError(line, "Das JSON ist fehlerhaft (" + error.message + ")")
  }

  /* A course read from YAML or JSON text. */
  function parseCourse(source) {
    var text = String(source)
    var trimmed = text.trim()
    if (!trimmed) throw new Error("Der Text ist leer.")
    var data
    if (trimmed.charAt(0) === "{") {
      try {
        data = JSON.parse(text)
      } catch (error) {
        throw jsonError(error, text)
      }
    } else {
      data = parseYaml(text)
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("Ein Kurs beginnt mit „id: …“.")
    if (!Array.isArray(data.days) || !data.days.length) throw new Error("Der Kurs hat keine Tage (days).")
    return normalise(data)
  }

  // --- The course as the planner holds it ---

  function text(value) {
    return given(value) ? String(value) : ""
  }

  function integer(value) {
    var parsed = parseInt(value, 10)
    return isFinite(parsed) ? parsed : null
  }

  /* A course in the file's shape with every field the planner edits present. */
  function normalise(data) {
    var defaults = P.model().defaults
    return {
      id: text(data.id),
      title: text(data.title),
      summary: text(data.summary).trim(),
      audience: Array.isArray(data.audience) ? data.audience.map(String) : [],
      recognition: data.recognition ? String(data.recognition) : defaults.recognition,
      refresher: typeof data.refresher === "boolean" ? data.refresher : defaults.refresher,
      counts_for: data.counts_for ? String(data.counts_for).trim() : defaults.counts_for,
      provider: data.provider ? String(data.provider) : defaults.provider,
      provider_address: data.provider_address ? String(data.provider_address) : defaults.provider_address,
      place: data.place ? String(data.place) : defaults.place,
      trainers: Array.isArray(data.trainers) ? data.trainers.map(String) : defaults.trainers.slice(),
      in_person: typeof data.in_person === "boolean" ? data.in_person : defaults.in_person,
      seats: given(data.seats) ? integer(data.seats) : defaults.seats,
      break_rule: data.break_rule && typeof data.break_rule === "object"
        ? { after_minutes: integer(data.break_rule.after_minutes), break_minutes: integer(data.break_rule.break_minutes) }
        : defaults.break_rule,
      max_day_minutes: given(data.max_day_minutes) ? integer(data.max_day_minutes) : defaults.max_day_minutes,
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

  // --- Writing a course file ---

  function plainDate(value) {
    return P.model().patterns.date.test(value) ? new IsoDate(value) : value
  }

  /* The course as the data of a file for curriculum/courses/, keys in the files' order. */
  function fileData(course, updated) {
    var file = { id: course.id, title: course.title, summary: course.summary, audience: course.audience.slice() }
    if (course.recognition) file.recognition = course.recognition
    if (course.refresher) file.refresher = true
    ;["counts_for", "provider", "provider_address", "place"].forEach(function (key) {
      if (course[key]) file[key] = course[key]
    })
    if (course.trainers && course.trainers.length) file.trainers = course.trainers.slice()
    if (typeof course.in_person === "boolean") file.in_person = course.in_person
    if (given(course.seats)) file.seats = course.seats
    if (course.break_rule) {
      file.break_rule = { after_minutes: course.break_rule.after_minutes,
        break_minutes: course.break_rule.break_minutes }
    }
    if (given(course.max_day_minutes)) file.max_day_minutes = course.max_day_minutes
    file.days = course.days.map(function (day) {
      var out = {}
      if (day.date) out.date = plainDate(day.date)
      out.start = day.start
      if (day.latest_end) out.latest_end = day.latest_end
      out.blocks = day.blocks.map(function (block) {
        var kind = P.blockKind(block)
        if (kind === "module") {
          return given(block.minutes) ? { module: block.module, minutes: block.minutes } : { module: block.module }
        }
        if (kind === "activity") return { activity: block.activity, minutes: block.minutes }
        var pause = {}
        pause[kind] = block[kind]
        return pause
      })
      return out
    })
    file.version = course.version || "1.0"
    file.updated = plainDate(updated || P.today())
    return file
  }

  /* The course as a file for curriculum/courses/ (texts quoted, dates plain, schema line first). */
  function toYaml(course, updated) {
    return SCHEMA_LINE + "\n" + jsyaml.dump(fileData(course, updated), { schema: WRITE_SCHEMA, forceQuotes: true,
      quotingType: "\"", lineWidth: -1, noRefs: true })
  }

  P.text = text
  P.integer = integer
  P.normalise = normalise
  P.emptyCourse = emptyCourse
  P.parseYaml = parseYaml
  P.parseCourse = parseCourse
  P.toYaml = toYaml
})(window.QPPlanner)
