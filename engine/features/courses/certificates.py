"""Attendance certificates (Teilnahmebescheinigungen): one PDF per participant and one to print.

Names come from a roster in `private/` and go nowhere else: not into the site, the cache or
any log. Everything is written to a temporary folder first and moved into place at the end,
so a failed run leaves nothing half-written.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from engine.core.formatting import whole_minutes
from engine.core.printer import print_css
from engine.core.programme import Programme
from engine.features.courses.plan import CoursePlan
from engine.features.courses.roster import Participant


@dataclass(frozen=True)
class Certificate:
    number: str
    participant: Participant


@dataclass(frozen=True)
class Refusal:
    participant: Participant
    reason: str


def sort_out(plan: CoursePlan, participants: list[Participant]) -> tuple[list[Certificate], list[Refusal]]:
    """Who gets a certificate (numbered in roster order) and who does not, with the reason."""
    last = plan.course.days[-1].date
    assert last is not None
    issued: list[Certificate] = []
    refused: list[Refusal] = []
    for participant in participants:
        missed = [plan.schedule.days[day - 1] for day in participant.absent_days]
        missed_teaching = sum(day.teaching_minutes for day in missed)
        if missed_teaching:
            days = ", ".join(f"Tag {day.number}" for day in missed)
            refused.append(Refusal(participant, f"fehlte an {days} ({whole_minutes(missed_teaching)} Min. Unterricht)"))
        else:
            issued.append(Certificate(f"{plan.course.id}-{last:%Y%m%d}-{len(issued) + 1:02d}", participant))
    return issued, refused


def refresher_due(plan: CoursePlan, programme: Programme) -> date | None:
    """When the recognition runs out without a refresher: the last course day plus the interval."""
    rule = programme.rule_by_id.get(plan.course.recognition or "")
    last = plan.course.days[-1].date
    if rule is None or rule.refresher is None or last is None:
        return None
    years = rule.refresher.interval_years
    try:
        return last.replace(year=last.year + years)
    except ValueError:  # 29 February
        return last.replace(year=last.year + years, day=28)


def certificates_html(plan: CoursePlan, certificates: list[Certificate], programme: Programme,
                      environment: Environment) -> str:
    """The print HTML of all certificates, rendered with the handouts' environment and stylesheet."""
    rule = programme.rule_by_id.get(plan.course.recognition or "")
    return environment.get_template("certificate.html.j2").render(
        plan=plan, course=plan.course, certificates=certificates, programme=programme, rule=rule,
        due=refresher_due(plan, programme), css=Markup(print_css()))


def write_certificates(plan: CoursePlan, certificates: list[Certificate], programme: Programme, root: Path,
                       out: Path, environment: Environment) -> list[Path]:
    """One PDF per certificate and `alle.pdf` with all of them, in `out`; returns the files."""
    from engine.core.pdf import render_document, table_scopes  # WeasyPrint only when certificates are made

    document = render_document(certificates_html(plan, certificates, programme, environment), root,
                               f"Teilnahmebescheinigungen {plan.course.title}")
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
