/* „Einladung kopieren“: each ready-to-copy text (`.qp-copy`, an invitation or a reminder) gets a
   button that copies it, offline and from file:// too. Without the script the read-only field
   still lets a reader select and copy by hand; the button only saves that step. */
(function () {
  function copied(status, text) {
    status.textContent = text
  }

  function copy(area, status) {
    area.focus()
    area.select()
    function byHand() {
      var done
      try {
        done = document.execCommand("copy")
      } catch {
        done = false  // an old browser refuses the command instead of returning false
      }
      copied(status, done ? "Der Text ist kopiert." :
        "Der Text ist markiert: kopieren Sie ihn mit Strg+C oder über das Menü Ihres Geräts.")
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(function () { copied(status, "Der Text ist kopiert.") }, byHand)
    } else {
      byHand()
    }
  }

  function setUp() {
    document.querySelectorAll(".qp-copy").forEach(function (box) {
      var area = box.querySelector("textarea")
      if (!area || box.querySelector("button")) return
      var button = document.createElement("button")
      button.type = "button"
      button.className = "md-button qp-copy__button"
      button.textContent = box.getAttribute("data-copy-label") || "Text kopieren"
      var status = document.createElement("span")
      status.className = "qp-copy__status"
      status.setAttribute("role", "status")
      button.addEventListener("click", function () { copy(area, status) })
      box.appendChild(button)
      box.appendChild(status)
    })
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp)
  } else {
    setUp()
  }
})()
