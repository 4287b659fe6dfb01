"""What a trainer must hear about a course before delivering it, with the place in its file.

Pure. Each finding has a code, a location in the course file and the values of its message;
the messages are templates in MESSAGES, which the course planner gets as data, so the
browser says exactly what `check` says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.core.formatting import number, whole_minutes
from engine.core.templating import clock
from engine.features.courses.catalogue import Catalogue, RuleFacts
from engine.features.courses.model import Course
from engine.features.courses.schedule import Schedule, module_block_minutes, parse_clock

#: A message is one template, or two by number: "one" when the finding's `count` is "1", else "other".
Message = str | dict[str, str]

MESSAGES: dict[str, Message] = {
    "module_twice": ("{module} steht schon in Tag {day}, Block {block}; wollen Sie das Modul aufteilen, geben "
                     "Sie bei beiden Teilen die Minuten an (minutes: 45), sonst streichen Sie diesen Block"),
    "module_used_up": ("{module} ist mit seinen anderen Teilen schon vollständig ({full} Min.); streichen "
                       "Sie diesen Block oder geben Sie seine Minuten an (minutes)"),
    "module_over": ("die Teile von {module} ergeben {taught} Min., das Modul hat nur {full} Min. "
                    "({ue} UE); kürzen Sie die Minuten der Teile"),
    "prerequisite_order": ("{module} setzt {prerequisite} voraus, das erst in Tag {day}, Block {block} "
                           "kommt; ordnen Sie {prerequisite_id} davor ein"),
    "date_order": ("Tag {day} liegt am {date} vor Tag {previous} ({previous_date}); ordnen Sie die "
                   "Tage nach dem Datum"),
    "past_latest_end": ("Tag {day} endet um {end}, soll aber spätestens um {latest} enden; kürzen Sie "
                        "ihn um {over} Min. oder verschieben Sie Blöcke auf einen anderen Tag"),
    "past_midnight": "Tag {day} endet erst um {end}, nach Mitternacht; verteilen Sie Blöcke auf mehr Tage",
    "day_too_long": ("Tag {day} dauert {length} Min., erlaubt sind höchstens {limit} Min. "
                     "(max_day_minutes); verteilen Sie Blöcke auf mehr Tage"),
    "no_break": ("von {start} bis {end} sitzt die Gruppe {minutes} Min. ohne Pause von mindestens {pause} Min. "
                 "(Unterricht und Programmpunkte zählen mit); erlaubt sind {limit} Min. am Stück – setzen Sie "
                 "vor diesen Block eine Pause"),
    "rule_minimum": {
        "one": ("der Kurs hat {ue} UE Unterricht, für „{rule}“ sind mindestens {minimum} UE nötig; "
                "es fehlt {missing} UE (Pausen und Programmpunkte zählen nicht)"),
        "other": ("der Kurs hat {ue} UE Unterricht, für „{rule}“ sind mindestens {minimum} UE nötig; "
                  "es fehlen {missing} UE (Pausen und Programmpunkte zählen nicht)")},
    "rule_core": {
        "one": "für „{rule}“ fehlt das Kernmodul {modules}; nehmen Sie es in den Kurs auf",
        "other": "für „{rule}“ fehlen die Kernmodule {modules}; nehmen Sie sie in den Kurs auf"},
    "rule_in_person": ("„{rule}“ erkennt nur Kurse in Präsenz an; kreuzen Sie „Der Kurs findet in Präsenz "
                       "statt“ an (in der Datei: in_person: true)"),
    "no_refresher": ("die Regel „{rule}“ kennt keine Auffrischung; nehmen Sie das Häkchen bei „Der Kurs ist "
                     "die Auffrischung“ heraus (in der Datei: refresher: true streichen)"),
    "audience_modules": {
        "one": ("für „{role}“ gehört auch {modules} zu den Pflichtmodulen; dieser Kurs lässt es aus – "
                "planen Sie dafür einen weiteren Kurs"),
        "other": ("für „{role}“ gehören auch {modules} zu den Pflichtmodulen; dieser Kurs lässt sie aus – "
                  "planen Sie dafür einen weiteren Kurs")},
}

#: Findings that inform rather than stop a build.
WARNINGS = frozenset({"audience_modules"})

Location = tuple[str | int, ...]


def message_text(code: str, values: dict[str, str]) -> str:
    """The message of a finding: its template (by number, where it has two) filled with its values."""
    template = MESSAGES[code]
    if isinstance(template, dict):
        template = template["one" if values.get("count") == "1" else "other"]
    return template.format(**values)


def module_name(catalogue: Catalogue, module_id: str) -> str:
    """'M07 „Häufige Erkrankungen im Alter“': the id editors search for and the title trainers know."""
    title = catalogue.modules[module_id].title if module_id in catalogue.modules else None
    return f"{module_id} „{title}“" if title else module_id


def listed(items: list[str]) -> str:
    """'A', 'A und B', 'A, B und C'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


@dataclass(frozen=True)
class Finding:
    """One thing a trainer must fix or know, where it is in the course file, and its message."""

    code: str
    at: Location
    values: dict[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return message_text(self.code, self.values)

    @property
    def warning(self) -> bool:
        return self.code in WARNINGS


@dataclass(frozen=True)
class RecognitionStatus:
    """How a course stands against the rule it claims: what it has and what is missing."""

    rule: RuleFacts
    refresher: bool
    course_ue: float
    minimum_ue: float
    missing_modules: tuple[str, ...]
    in_person_missing: bool = False
    """The rule counts in-person courses only and the course does not say it is one."""

    @property
    def ue_short(self) -> float:
        return max(0.0, self.minimum_ue - self.course_ue)

    @property
    def met(self) -> bool:
        """What the portal can check: units, core modules and, where the rule asks, in person.

        Recognition itself comes from a Pflegekasse or the state, never from this check."""
        return not self.missing_modules and self.ue_short <= 1e-9 and not self.in_person_missing


def _whole(minutes: float) -> str:
    return str(whole_minutes(minutes))


def recognition_status(course: Course, plan: Schedule, catalogue: Catalogue) -> RecognitionStatus | None:
    """The course against the rule it claims (its refresher if it says so), or None."""
    rule = catalogue.rules.get(course.recognition or "")
    if rule is None or (course.refresher and rule.refresher_ue is None):
        return None
    in_person_missing = rule.in_person and course.in_person is not True
    if course.refresher:
        return RecognitionStatus(rule, True, plan.ue, rule.refresher_ue or 0, (), in_person_missing)
    taught = set(course.modules)
    return RecognitionStatus(rule, False, plan.ue, rule.minimum_ue,
                             tuple(m for m in rule.core_modules if m not in taught), in_person_missing)


def check_course(course: Course, plan: Schedule, catalogue: Catalogue) -> list[Finding]:
    """Every finding for `course`, in the order of the file."""
    return [*_modules(course, catalogue), *_days(course, plan),
            *_recognition(course, plan, catalogue), *_audience(course, catalogue)]


def _modules(course: Course, catalogue: Catalogue) -> list[Finding]:
    findings: list[Finding] = []
    minutes = module_block_minutes(course, catalogue)
    first: dict[str, tuple[int, int]] = {}
    whole_block: dict[str, tuple[int, int]] = {}
    taught: dict[str, float] = {}
    last_at: dict[str, Location] = {}
    for day_index, day in enumerate(course.days):
        for index, block in enumerate(day.blocks):
            module = block.module
            if not module:
                continue
            at: Location = ("days", day_index, "blocks", index, "module")
            full = catalogue.module_minutes(module)
            if block.minutes is None:
                if module in whole_block:
                    seen_day, seen_block = whole_block[module]
                    findings.append(Finding("module_twice", at, {
                        "module": module_name(catalogue, module), "module_id": module, "day": str(seen_day + 1),
                        "block": str(seen_block + 1)}))
                elif minutes[(day_index, index)] <= 0:
                    findings.append(Finding("module_used_up", at, {"module": module_name(catalogue, module),
                                                                   "full": _whole(full)}))
                whole_block.setdefault(module, (day_index, index))
            first.setdefault(module, (day_index, index))
            taught[module] = taught.get(module, 0) + minutes[(day_index, index)]
            last_at[module] = at
            prerequisites = catalogue.modules[module].prerequisites if module in catalogue.modules else ()
            if first[module] == (day_index, index):
                for prerequisite in prerequisites:
                    later = _first_block(course, prerequisite)
                    if later is not None and later > (day_index, index):
                        findings.append(Finding("prerequisite_order", at, {
                            "module": module_name(catalogue, module),
                            "prerequisite": module_name(catalogue, prerequisite), "prerequisite_id": prerequisite,
                            "day": str(later[0] + 1), "block": str(later[1] + 1)}))
    twice = {f.values["module_id"] for f in findings if f.code == "module_twice"}
    for module, total in taught.items():
        full = catalogue.module_minutes(module)
        if full and total > full + 1e-9 and module not in twice:  # one root cause, one message
            findings.append(Finding("module_over", last_at[module], {
                "module": module_name(catalogue, module), "taught": _whole(total), "full": _whole(full),
                "ue": number(catalogue.modules[module].ue)}))
    return findings


def _first_block(course: Course, module: str) -> tuple[int, int] | None:
    for day_index, day in enumerate(course.days):
        for index, block in enumerate(day.blocks):
            if block.module == module:
                return day_index, index
    return None


def _days(course: Course, plan: Schedule) -> list[Finding]:
    findings: list[Finding] = []
    previous: tuple[int, str] | None = None
    for day, source in zip(plan.days, course.days, strict=True):
        number_ = str(day.number)
        if source.date is not None:
            if previous is not None and source.date.isoformat() < previous[1]:
                findings.append(Finding("date_order", ("days", day.index, "date"), {
                    "day": number_, "date": _date_de(source.date.isoformat()),
                    "previous": str(previous[0]), "previous_date": _date_de(previous[1])}))
            previous = (day.number, source.date.isoformat())
        if day.end > 24 * 60:
            findings.append(Finding("past_midnight", ("days", day.index, "start"),
                                    {"day": number_, "end": clock(day.end)}))
        if source.latest_end is not None and day.end > parse_clock(source.latest_end) + 1e-9:
            findings.append(Finding("past_latest_end", ("days", day.index, "latest_end"), {
                "day": number_, "end": clock(day.end), "latest": source.latest_end,
                "over": _whole(day.end - parse_clock(source.latest_end))}))
        if course.max_day_minutes is not None and day.length > course.max_day_minutes + 1e-9:
            findings.append(Finding("day_too_long", ("days", day.index, "start"), {
                "day": number_, "length": _whole(day.length), "limit": str(course.max_day_minutes)}))
        if course.break_rule is not None:
            findings.extend(_stretches(day.index, plan, course))
    return findings


def _stretches(day_index: int, plan: Schedule, course: Course) -> list[Finding]:
    """Sitting without a long enough break: teaching and activities alike fill the stretch.

    A stretch that runs past the rule is reported once, at the block that crosses the limit
    (a break belongs before it), with the whole stretch's length up to the next break.
    """
    rule = course.break_rule
    assert rule is not None
    findings: list[Finding] = []
    stretch = 0.0
    started: float | None = None
    crossed: int | None = None

    def close(end: float) -> None:
        if crossed is not None and started is not None:
            findings.append(Finding("no_break", ("days", day_index, "blocks", crossed), {
                "start": clock(started), "end": clock(end), "minutes": _whole(stretch),
                "pause": str(rule.break_minutes), "limit": str(rule.after_minutes)}))

    end = plan.days[day_index].start
    for slot in plan.days[day_index].slots:
        if slot.pause:
            if slot.minutes >= rule.break_minutes:
                close(end)
                stretch, started, crossed = 0.0, None, None
            end = slot.end
            continue
        if started is None:
            started = slot.start
        stretch += slot.minutes
        end = slot.end
        if stretch > rule.after_minutes + 1e-9 and crossed is None:
            crossed = slot.index
    close(end)
    return findings


def _recognition(course: Course, plan: Schedule, catalogue: Catalogue) -> list[Finding]:
    rule = catalogue.rules.get(course.recognition or "")
    if rule is None:
        return []
    if course.refresher and rule.refresher_ue is None:
        return [Finding("no_refresher", ("refresher",), {"rule": rule.label})]
    status = recognition_status(course, plan, catalogue)
    assert status is not None
    findings = []
    if status.ue_short > 1e-9:
        missing = number(status.ue_short)
        findings.append(Finding("rule_minimum", ("recognition",), {
            "ue": number(status.course_ue), "rule": rule.label, "minimum": number(status.minimum_ue),
            "missing": missing, "count": missing}))
    if status.missing_modules:
        findings.append(Finding("rule_core", ("recognition",), {
            "rule": rule.label, "modules": listed([module_name(catalogue, m) for m in status.missing_modules]),
            "count": str(len(status.missing_modules))}))
    if status.in_person_missing:
        findings.append(Finding("rule_in_person", ("recognition",), {"rule": rule.label}))
    return findings


def _audience(course: Course, catalogue: Catalogue) -> list[Finding]:
    """Roles the course is for, whose required modules it leaves out (not for refreshers)."""
    if course.refresher:
        return []
    taught = set(course.modules)
    findings = []
    for index, role_id in enumerate(course.audience):
        role = catalogue.roles.get(role_id)
        missing = [m for m in role.required_modules if m not in taught] if role else []
        if role and missing:
            findings.append(Finding("audience_modules", ("audience", index), {
                "role": role.title, "modules": listed([module_name(catalogue, m) for m in missing]),
                "count": str(len(missing))}))
    return findings


def _date_de(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"
