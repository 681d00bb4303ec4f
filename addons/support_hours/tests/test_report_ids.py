from datetime import datetime

from odoo.tests import tagged

from .common import SupportCase


@tagged("post_install", "-at_install")
class TestHoursReportIds(SupportCase):
    """The analysis rows keep their ids between a search and the read after it,
    even when other rows appear in between (no row number over an order)."""

    def _rows(self):
        self.env.flush_all()
        rows = self.env["support.hours.report"].search_read(
            [("employee_id", "=", self.person.id)],
            ["date", "source", "planned_hours", "delivered_hours", "granted_hours"],
        )
        return {row.pop("id"): row for row in rows}

    def test_ids_are_stable_when_rows_are_added(self):
        self._session(duration=1.5)  # Monday 2 March 2026
        before = self._rows()
        self.assertEqual(len(before), len(set(before)))
        # An earlier session sorts before every existing row.
        self._session(start=datetime(2026, 1, 5, 8, 0), duration=1.0)
        after = self._rows()
        self.assertEqual(len(after), len(before) + 1)
        for row_id, row in before.items():
            self.assertEqual(after[row_id], row)
        # A row read on its own is the row the search returned.
        row_id, row = next(iter(before.items()))
        read = self.env["support.hours.report"].browse(row_id).read(list(row))[0]
        read.pop("id")
        self.assertEqual(read, row)
