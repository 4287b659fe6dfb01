/* global document$ -- Material for MkDocs' observable of shown pages */
/* „Vorlesen“: a page that carries a `[data-read-aloud]` placeholder (modules, answers, help paths)
   gets buttons that read its text aloud with the browser's own speech synthesis — offline, from
   file:// too. Without a German voice the buttons stay hidden: a wrong voice helps nobody. */
(function () {
  var synth = window.speechSynthesis

  function germanVoice() {
    if (!synth || typeof synth.getVoices !== "function") return null
    var voices = synth.getVoices() || []
    for (var i = 0; i < voices.length; i++) {
      if (String(voices[i].lang || "").toLowerCase().indexOf("de") === 0) return voices[i]
    }
    return null
  }

  /* The article's text as a reader sees it: no permalinks, buttons, closed trainer notes or
     pictogram titles, which only disturb when heard. */
  function readableText(article) {
    var copy = article.cloneNode(true)
    copy.querySelectorAll(".headerlink, .qp-read-aloud, .md-button, details:not([open]), svg, script, style, " +
      ".md-source-file, .qp-stand").forEach(function (node) { node.remove() })
    return copy.textContent.replace(/\s+/g, " ").trim()
  }

  function button(label, text) {
    var element = document.createElement("button")
    element.type = "button"
    element.className = "md-button qp-read-aloud__button"
    element.textContent = text
    element.setAttribute("aria-label", label)
    return element
  }

  function setUp(slot) {
    if (slot.dataset.ready) return
    var voice = germanVoice()
    if (!voice) { slot.hidden = true; return }
    slot.dataset.ready = "1"
    slot.hidden = false
    var article = slot.closest("article") || document.querySelector("article")
    var start = button("Seite vorlesen", "Vorlesen")
    var pause = button("Vorlesen anhalten", "Pause")
    var stop = button("Vorlesen beenden", "Stopp")
    pause.disabled = true
    stop.disabled = true
    var status = document.createElement("span")
    status.className = "qp-read-aloud__status"
    status.setAttribute("role", "status")

    function idle() {
      start.textContent = "Vorlesen"
      pause.disabled = true
      stop.disabled = true
      status.textContent = ""
    }
    start.addEventListener("click", function () {
      if (synth.paused) { synth.resume(); status.textContent = "Wird vorgelesen"; return }
      synth.cancel()
      var utterance = new SpeechSynthesisUtterance(readableText(article))
      utterance.lang = voice.lang || "de-DE"
      try { utterance.voice = voice } catch { /* not a voice object: the language decides */ }
      utterance.rate = 0.9
      utterance.onend = idle
      synth.speak(utterance)
      pause.disabled = false
      stop.disabled = false
      status.textContent = "Wird vorgelesen"
    })
    pause.addEventListener("click", function () {
      synth.pause()
      start.textContent = "Weiter"
      status.textContent = "Angehalten"
    })
    stop.addEventListener("click", function () { synth.cancel(); idle() })
    slot.append(start, pause, stop, status)
  }

  function setUpAll() {
    document.querySelectorAll("[data-read-aloud]").forEach(setUp)
  }

  if (synth && typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", setUpAll)  // voices often arrive after the page
  }
  if (synth) window.addEventListener("pagehide", function () { synth.cancel() })
  document$.subscribe(setUpAll)
})()
