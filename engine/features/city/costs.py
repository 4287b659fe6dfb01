"""Totals of the city's cost items: what is sourced, what is assumed, what is still open.

Amounts are added per period (a yearly sum and a one-off sum never mix); an item without an
amount is counted as open and named, never treated as zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from engine.features.city.model import PERIOD_LABELS, CostItem, Funding


@dataclass(frozen=True)
class Total:
    """One period's sums: sourced, assumed, and the items whose amount is open."""

    period: str
    sourced: float
    assumed: float
    items: tuple[CostItem, ...]

    @property
    def label(self) -> str:
        return PERIOD_LABELS[self.period]

    @property
    def open_items(self) -> tuple[CostItem, ...]:
        return tuple(item for item in self.items if item.amount is None)


@dataclass(frozen=True)
class Totals:
    """The totals of every period that has a cost item, yearly first."""

    periods: tuple[Total, ...]

    @property
    def items(self) -> tuple[CostItem, ...]:
        return tuple(item for total in self.periods for item in total.items)

    @property
    def open_items(self) -> tuple[CostItem, ...]:
        return tuple(item for total in self.periods for item in total.open_items)

    def sentence(self) -> str:
        """The totals in plain German, for the committee's first page: open never reads as zero."""
        def sums(assumed: bool) -> str:
            return " und ".join(f"{euro(total.assumed if assumed else total.sourced)} {total.label}"
                                for total in self.periods
                                if any(item.amount is not None and item.assumption == assumed for item in total.items))

        sourced, assumed = sums(False), sums(True)
        # How many items an assumed sum covers: a committee read the one figure on the page (two
        # Minijob posts) as the whole cost, while the largest item was still open.
        covered = sum(item.amount is not None and item.assumption for item in self.items)
        text = (f"Belegt sind {sourced}" if sourced else "Belegt ist bisher kein Betrag") + "; " + \
            (f"als Annahme gerechnet {assumed} für {covered} Posten" if assumed else "keiner ist als Annahme gerechnet")
        if not self.open_items:
            return text + "."
        count = len(self.open_items)
        return text + (f"; {count} von {len(self.items)} {'hat' if count == 1 else 'haben'} noch keinen Betrag: "
                       "Die Kosten sind zum Teil offen, nicht null.")


def euro(amount: float) -> str:
    """An amount as German readers write it: „15.192 €“, „1.234,50 €“ (never broken before the €)."""
    cents = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, fraction = f"{cents:,.2f}".split(".")
    whole = whole.replace(",", ".")
    return f"{whole}\u00a0€" if fraction == "00" else f"{whole},{fraction}\u00a0€"


def cost_totals(funding: Funding) -> Totals:
    """The sums of `funding`'s cost items per period, sourced and assumed apart, open ones listed."""
    totals = []
    for period in PERIOD_LABELS:
        items = tuple(item for item in funding.costs if item.period == period)
        if items:
            totals.append(Total(period,
                                sum(item.amount for item in items if item.amount is not None and not item.assumption),
                                sum(item.amount for item in items if item.amount is not None and item.assumption),
                                items))
    return Totals(tuple(totals))
