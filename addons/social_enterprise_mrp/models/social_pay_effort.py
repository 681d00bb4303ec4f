from odoo import api, fields, models
from odoo.tools import float_compare


class SocialPayEffort(models.Model):
    """With manufacturing, a month's effort units of a participant paid by effort
    are filled from their piece output (``social.production.output``): the units of
    the work orders they finished that month, plus a correction entered by hand.

    ``units`` stays the number paid. Filling again (every computation of the pay
    run) updates the work orders' part and keeps the correction; editing ``units``
    by hand changes the correction, which the list shows. A month entered by hand
    before the work orders were first read keeps its units: the difference to the
    work orders becomes its correction (never paid twice)."""

    _inherit = "social.pay.effort"

    production_units = fields.Float(
        "From Work Orders",
        digits=(16, 2),
        readonly=True,
        help="Units of the work orders the participant finished this month, as last "
        "filled by the pay run.",
    )
    correction_units = fields.Float(
        "Correction",
        digits=(16, 2),
        compute="_compute_correction_units",
        inverse="_inverse_correction_units",
        store=True,
        help="Units added (or, negative, taken off) by hand on top of the work "
        "orders; kept when the work orders are read again.",
    )
    production_note = fields.Text(
        "Work Orders", readonly=True, help="The work orders the units come from."
    )
    production_read_date = fields.Datetime(
        "Read From Work Orders",
        readonly=True,
        help="When the pay run last read the work orders into this month.",
    )

    @api.depends("units", "production_units")
    def _compute_correction_units(self):
        for effort in self:
            effort.correction_units = effort.units - effort.production_units

    def _inverse_correction_units(self):
        for effort in self:
            effort.units = max(effort.production_units + effort.correction_units, 0.0)

    @api.model
    def _fill_from_production(self, placements, date_from, date_to):
        """Bring the month's effort of ``placements`` in line with their piece output
        (idempotent: filling twice changes nothing). A month without output keeps
        what was entered by hand."""
        first = date_from.replace(day=1)
        output = self._get_production_output(placements, date_from, date_to)
        efforts = {
            effort.placement_id.id: effort
            for effort in self.search(
                [("placement_id", "in", placements.ids), ("period_start", "=", first)]
            )
        }
        to_create, now = [], fields.Datetime.now()
        for placement in placements:
            lines = output.get(placement.id, [])
            units = round(sum(qty for _name, qty in lines), 2)
            note = "\n".join(f"{name}: {qty:.2f}" for name, qty in lines) or False
            effort = efforts.get(placement.id)
            if not effort:
                if units:
                    to_create.append(
                        {
                            "placement_id": placement.id,
                            "period_start": first,
                            "units": units,
                            "production_units": units,
                            "production_note": note,
                            "production_read_date": now,
                        }
                    )
                continue
            if (
                not float_compare(effort.production_units, units, precision_digits=2)
                and effort.production_note == note
            ):
                continue
            if effort.production_read_date:
                total = max(units + effort.units - effort.production_units, 0.0)
            else:
                total = effort.units  # entered by hand: the hand count stays
            effort.write(
                {
                    "units": total,
                    "production_units": units,
                    "production_note": note,
                    "production_read_date": now,
                }
            )
        return self.create(to_create)

    @api.model
    def _get_production_output(self, placements, date_from, date_to):
        """{placement id: [(work order name, units)]} of the month, in one query."""
        if not placements:
            return {}
        # sudo: piece output is manufacturing data an accountant computing the pay
        # run may not read; only the sums of these placements' work orders are used.
        output = placements.sudo()._get_effort_output(date_from, date_to)
        return {
            placement_id: sorted(
                (f"{wo.production_id.name} {wo.name}", round(units, 2))
                for wo, units in lines
            )
            for placement_id, lines in output.items()
        }
