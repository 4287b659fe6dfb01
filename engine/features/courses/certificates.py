"""Attendance certificates (Teilnahmebescheinigungen): who gets one, what it says, the PDFs.

Names come from a roster in `private/` and go nowhere else: not into the site, the cache or
any log. Everything is written to a temporary folder first and moved into place at the end,
so a failed run leaves nothing half-written.

The rules (what a course must name, who gets a certificate, every text it prints) are plain
data in and strings out: the page „Kursunterlagen drucken“ follows them step by step in
`engine/assets/javascripts/documents-rules.js` and fills the same layout
(`templates/_certificate.html.j2`, rendered into the page at build time);
`tests/courses/documents.json` holds the cases both must agree on.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from engine.core.formatting import date_de, date_weekday, number, sentence, whole_minutes
from engine.core.printer import print_css
from engine.core.programme import Programme
from engine.core.templating import clock
from engine.features.courses.catalogue import Catalogue
from engine.features.courses.checks import recognition_status
from engine.features.courses.model import Course
from engine.features.courses.roster import Participant
from engine.features.courses.schedule import Schedule, schedule
from engine.features.courses.urls import DOCUMENTS_CSS

#: What a certificate needs that a course file may leave open, and where to enter it.
GAP_MESSAGES = {
    "certificate.provider-missing": (
        "der Träger fehlt: ohne ausstellende Stelle ist eine Bescheinigung kein Nachweis; tragen Sie ihn im "
        "Feld „Träger“ ein (im Kursplaner und auf der Seite „Kursunterlagen drucken“; in der Kursdatei: "
        "'provider: …')"),
    "certificate.trainers-missing": (
        "die Kursleitung fehlt: eine Bescheinigung nennt mindestens eine Kursleitung, als Funktion oder Stelle; "
        "tragen Sie sie im Feld „Kursleitung“ ein (im Kursplaner und auf der Seite „Kursunterlagen drucken“; "
        "in der Kursdatei: 'trainers: [Fachkraft des Trägers]')"),
    "certificate.day-without-date": (
        "Tag {day} hat kein Datum; für Bescheinigungen braucht jeder Tag eines: tragen Sie es im Feld „Datum“ "
        "ein (auf der Seite „Kursunterlagen drucken“; in der Kursdatei: 'date: 2027-03-06')"),
}
#: The delivery as a certificate names it (`in_person`); unknown prints nothing.
MODES = {True: "in Präsenz", False: "online"}


@dataclass(frozen=True)
class Gap:
    """Something a certificate needs that the course leaves open."""

    field: str
    code: str
    message: str


@dataclass(frozen=True)
class Certificate:
    number: str
    participant: Participant


@dataclass(frozen=True)
class Refusal:
    participant: Participant
    reason: str


def certificate_gaps(course: Course) -> list[Gap]:
    """What is missing before certificates can be made: provider, a trainer, a date on every day."""
    gaps = []
    if not (course.provider or "").strip():
        gaps.append(Gap("provider", "certificate.provider-missing", GAP_MESSAGES["certificate.provider-missing"]))
    if not any(trainer.strip() for trainer in course.trainers):
        gaps.append(Gap("trainers", "certificate.trainers-missing", GAP_MESSAGES["certificate.trainers-missing"]))
    gaps += [Gap("days", "certificate.day-without-date", GAP_MESSAGES["certificate.day-without-date"].format(day=n))
             for n, day in enumerate(course.days, start=1) if day.date is None]
    return gaps


def sort_out(course: Course, timetable: Schedule,
             participants: list[Participant]) -> tuple[list[Certificate], list[Refusal]]:
    """Who gets a certificate (numbered in roster order) and who does not, with the reason.

    Missing a day without teaching costs nothing; missing any teaching costs the certificate.
    """
    last = course.days[-1].date
    assert last is not None
    issued: list[Certificate] = []
    refused: list[Refusal] = []
    for participant in participants:
        missed = [timetable.days[day - 1] for day in participant.absent_days]
        missed_teaching = sum(day.teaching_minutes for day in missed)
        if missed_teaching:
            days = ", ".join(f"Tag {day.number}" for day in missed)
            refused.append(Refusal(participant, f"fehlte an {days} ({whole_minutes(missed_teaching)} Min. Unterricht)"))
        else:
            issued.append(Certificate(f"{course.id}-{last:%Y%m%d}-{len(issued) + 1:02d}", participant))
    return issued, refused


def rule_texts(programme: Programme) -> dict[str, dict[str, Any]]:
    """What a certificate says of each recognition rule, by id: the page gets the same."""
    return {rule.id: {"label": rule.label, "basis": rule.legal_basis.title, "stand": date_de(rule.legal_basis.stand),
                      "refresher_years": rule.refresher.interval_years if rule.refresher else None,
                      "refresher_label": (rule.refresher.label or "Auffrischung") if rule.refresher else None}
            for rule in programme.recognition}


def refresher_due(last: date | None, rule: dict[str, Any] | None) -> date | None:
    """When the recognition runs out without a refresher: the last course day plus the interval."""
    if rule is None or rule["refresher_years"] is None or last is None:
        return None
    years = rule["refresher_years"]
    try:
        return last.replace(year=last.year + years)
    except ValueError:  # 29 February
        return last.replace(year=last.year + years, day=28)


def course_view(course: Course, catalogue: Catalogue, rules: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every text a certificate of this course prints, the same for each participant."""
    timetable = schedule(course, catalogue)
    status = recognition_status(course, timetable, catalogue)
    rule = rules.get(course.recognition or "")
    last = course.days[-1].date
    due = refresher_due(last, rule)
    provider, place = (course.provider or "").strip(), (course.place or "").strip()
    units = number(timetable.ue)
    recognition = ""
    if rule:
        recognition = (f"Der Kurs dient der {'Auffrischung der ' if course.refresher else ''}Anerkennung nach der "
                       f"Regel „{rule['label']}“: {rule['basis']} (Stand {rule['stand']}).")
    return {
        "title": course.title,
        "provider": provider,
        "provider_sentence": sentence(provider),
        "recognition": recognition,
        "not_met": "Er erfüllt die Regel nicht vollständig." if status and not status.met else "",
        # „Zählt als Grundkurs …“ under „erfüllt die Regel nicht“ told the participant both.
        "counts_for": "" if status and not status.met else sentence(course.counts_for or ""),
        "days": [{"date": date_weekday(day.date) if day.date else f"Tag {day.number}",
                  "time": f"{clock(day.start)}–{clock(day.end)} Uhr",
                  "minutes": f"{whole_minutes(day.teaching_minutes)} Min."} for day in timetable.days],
        "total": f"{whole_minutes(timetable.teaching_minutes)} Minuten = {units} "
                 f"Unterrichtseinheit{'' if units == '1' else 'en'}",
        "unit_minutes": str(timetable.unit_minutes),
        "contents": sentence("; ".join(catalogue.module_title(m) for m in course.modules if m in catalogue.modules)),
        "trainers": ", ".join(trainer.strip() for trainer in course.trainers if trainer.strip()),
        "place": place,
        "mode": MODES[course.in_person] if course.in_person is not None else "",
        "due": date_de(due) if due else "",
        "due_label": rule["refresher_label"] if rule and due else "",
        "issued": ", ".join(part for part in (place, date_de(last) if last else "") if part),
        "signature": f"Unterschrift der Kursleitung für {provider}" if provider else "Unterschrift der Kursleitung",
    }


def certificate_view(course: dict[str, Any], certificate: Certificate) -> dict[str, Any]:
    """The texts of one certificate: the course's and the participant's."""
    person = certificate.participant
    return {**course, "number": certificate.number, "name": person.name,
            "birth": date_de(person.birth_date) if person.birth_date else ""}


def certificates_html(course: Course, catalogue: Catalogue, certificates: list[Certificate], programme: Programme,
                      environment: Environment) -> str:
    """The print HTML of all certificates, rendered with the handouts' environment and stylesheet."""
    texts = course_view(course, catalogue, rule_texts(programme))
    return environment.get_template("certificate.html.j2").render(
        course=course, views=[certificate_view(texts, c) for c in certificates], programme=programme,
        css=Markup(print_css()), documents_css=Markup(DOCUMENTS_CSS.source.read_text(encoding="utf-8")))


def write_certificates(course: Course, catalogue: Catalogue, certificates: list[Certificate], programme: Programme,
                       root: Path, out: Path, environment: Environment) -> list[Path]:
    """One PDF per certificate and `alle.pdf` with all of them, in `out`; returns the files."""
    from engine.core.pdf import render_document, table_scopes  # WeasyPrint only when certificates are made

    document = render_document(certificates_html(course, catalogue, certificates, programme, environment), root,
                               f"Teilnahmebescheinigungen {course.title}")
    starts = [page for page, _ in _bookmarked_pages(document)]
    if len(starts) != len(certificates):
        raise RuntimeError(f"{len(starts)} Bescheinigungen gesetzt, {len(certificates)} erwartet")
    ends = [*starts[1:], len(document.pages)]
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".bescheinigungen-", dir=out.parent))
    try:
        written = []
        for certificate, start, end in zip(certificates, starts, ends, strict=True):
            target = staging / f"{certificate.number}.pdf"
            document.copy(document.pages[start:end]).write_pdf(target, pdf_variant="pdf/ua-1", finisher=table_scopes)
            written.append(out / target.name)
        document.write_pdf(staging / "alle.pdf", pdf_variant="pdf/ua-1", finisher=table_scopes)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [*written, out / "alle.pdf"]


def _bookmarked_pages(document: object) -> list[tuple[int, str]]:
    """The page where each certificate starts: each has one top-level bookmark (its heading)."""
    tree = document.make_bookmark_tree()  # type: ignore[attr-defined]
    return [(destination[0], label) for label, destination, *_ in tree]
