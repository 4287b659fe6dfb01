/* The course planner, 2 of 5: clock times for every block (engine/features/courses/schedule.py).
 *
 * Pure: each function takes the course and the catalogue and returns data; nothing here
 * touches the page. See planner-data.js for how the five scripts fit together.
 */
(function (P) {
  "use strict"

  var own = P.own
  var given = P.given
  var parseClock = P.parseClock

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

  function isTeaching(slot) {
    return slot.kind === "module"
  }

  function isPause(slot) {
    return slot.kind === "break" || slot.kind === "lunch"
  }

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
          var ownLength = block.minutes || block["break"] || block.lunch || 0
          slot = { day: d, index: i, kind: kind, start: now, end: now + ownLength,
            title: block.activity || labels[kind], module: null, part: 1, parts: 1 }
          now += ownLength
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

  P.moduleMinutes = moduleMinutes
  P.moduleTitle = moduleTitle
  P.courseModules = courseModules
  P.moduleBlockMinutes = moduleBlockMinutes
  P.blockKind = blockKind
  P.isTeaching = isTeaching
  P.isPause = isPause
  P.schedule = schedule
})(window.QPPlanner)
