from datetime import timedelta

from odoo import api, fields, models


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    social_capacity_warning = fields.Text(
        "Capacity Warning",
        compute="_compute_social_capacity_warning",
        help="Work centres whose team cannot do the planned orders of the week in "
        "effective hours.",
    )

    @api.depends(
        "state", "workorder_ids.date_start", "workorder_ids.workcenter_id", "date_start"
    )
    def _compute_social_capacity_warning(self):
        Capacity = self.env["social.workcenter.capacity"]
        todo = self.filtered(
            lambda p: p.state in ("confirmed", "progress", "to_close")
            and p.workorder_ids
        )
        (self - todo).social_capacity_warning = False
        if not todo:
            return
        weeks = set()
        for production in todo:
            for workorder in production.workorder_ids:
                start = workorder.date_start or production.date_start
                day = fields.Datetime.context_timestamp(self, start).date()
                weeks.add(day - timedelta(days=day.weekday()))
        # sudo: sums per work centre; computing them reads placements and attendance.
        rows = Capacity.sudo()._compute_rows(
            todo.workorder_ids.workcenter_id, sorted(weeks)
        )
        overloaded = {
            (r["workcenter_id"], r["week_start"]): r for r in rows if r["overloaded"]
        }
        for production in todo:
            messages = []
            for workorder in production.workorder_ids:
                start = workorder.date_start or production.date_start
                day = fields.Datetime.context_timestamp(self, start).date()
                row = overloaded.get(
                    (workorder.workcenter_id.id, day - timedelta(days=day.weekday()))
                )
                if row:
                    messages.append(
                        self.env._(
                            "%(workcenter)s, week of %(week)s: the planned orders "
                            "need %(load).1f h, the team can do %(capacity).1f "
                            "effective hours.",
                            workcenter=workorder.workcenter_id.display_name,
                            week=row["week_start"],
                            load=row["load_hours"],
                            capacity=row["capacity_hours"],
                        )
                    )
            production.social_capacity_warning = "\n".join(dict.fromkeys(messages))
