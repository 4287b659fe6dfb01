/* The course planner ("Kursplaner"), 1 of 5: the shared namespace, the page's data, formatting.
 *
 * The planner is five classic scripts (no modules: those do not load from file://, a USB
 * stick), loaded in this order by `planner_scripts()` in engine/features/courses/planner.py
 * after the vendored js-yaml (`window.jsyaml`); each adds its part to `window.QPPlanner`:
 *   planner-data.js      the namespace, the data the build wrote into the page, formatting
 *   planner-schedule.js  clock times (engine/features/courses/schedule.py)
 *   planner-checks.js    findings and the recognition status (checks.py, plan.py `plan_summary`)
 *   planner-yaml.js      course files: import and export through js-yaml
 *   planner-ui.js        the editor: form, days and blocks, live schedule, drafts
 *
 * The data (modules, units, prerequisites, recognition rules, roles, the checks' messages, the
 * course model's patterns, limits and defaults, and the project's courses) is written into the
 * page at build time as <script type="application/json" id="qp-planner-data">, because fetching
 * a JSON file fails from file://. The engine follows the Python code step by step and in the
 * same order of floating-point operations, so both give the same clock times and messages;
 * tests/courses/cases.json holds the cases both must agree on.
 */
(function () {
  "use strict"

  var P = window.QPPlanner = {}

  P.DEFAULT_LABELS = { "break": "Pause", "lunch": "Mittagspause" }

  P.own = function (object, key) {
    return object != null && key != null && Object.prototype.hasOwnProperty.call(object, key)
  }

  P.given = function (value) {
    return value !== null && value !== undefined
  }

  P.parseClock = function (text) {
    var parts = String(text).split(":")
    return parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10)
  }

  function pad(value) {
    return value < 10 ? "0" + value : String(value)
  }

  P.pad = pad

  /* HH:MM, half a minute rounded up (schedule.clock). */
  P.clock = function (minutes) {
    var whole = Math.floor(minutes + 0.5)
    return pad(Math.floor(whole / 60)) + ":" + pad(whole % 60)
  }

  /* Whole minutes, half a minute rounded up (checks.whole). */
  P.whole = function (minutes) {
    return String(Math.floor(minutes + 0.5))
  }

  /* German number, rounded half up (formatting.number). Python rounds the shortest decimal
   * text of the float (Decimal(str(value))); JavaScript's String() gives the same text, so
   * rounding that text as decimal digits gives the same result, free of binary surprises. */
  P.number = function (value, decimals) {
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

  P.format = function (template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, name) { return values[name] })
  }

  P.dateDe = function (iso) {
    var parts = iso.split("-")
    return parts[2] + "." + parts[1] + "." + parts[0]
  }

  P.today = function () {
    var now = new Date()
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate())
  }

  // --- The data the build wrote into the page ---

  var embedded = null

  /* The page's data block, parsed once ({} on a page without one). */
  P.data = function () {
    if (embedded === null) {
      var element = document.getElementById("qp-planner-data")
      embedded = element ? JSON.parse(element.textContent) : {}
    }
    return embedded
  }

  /* The checks' message templates, which codes only warn, and the names of breaks and lunch. */
  P.texts = function () {
    var data = P.data()
    return { messages: data.messages || {}, warnings: data.warnings || [], labels: data.labels || P.DEFAULT_LABELS }
  }

  var rules = null

  /* What the course model accepts (planner.py `model_rules`): its patterns as RegExps (and as
   * text in `sources`), their German hints, the inclusive limits of numbers and texts, and the
   * course's defaults. */
  P.model = function () {
    if (rules === null) {
      var model = P.data().model
      if (!model) throw new Error("Dem Kursplaner fehlen die Regeln des Kursmodells (qp-planner-data).")
      var patterns = {}
      Object.keys(model.patterns).forEach(function (name) { patterns[name] = new RegExp(model.patterns[name]) })
      rules = { patterns: patterns, sources: model.patterns, hints: model.hints, limits: model.limits,
        defaults: model.defaults }
    }
    return rules
  }
})()
