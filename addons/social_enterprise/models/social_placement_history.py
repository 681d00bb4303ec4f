import csv

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools.misc import file_open

from .social_placement import DESTINATIONS

HISTORY_KINDS = [
    ("start", "Started"),
    ("capacity", "Hours or Capacity Changed"),
    ("case_worker", "Case Worker Changed"),
    ("meeting", "Meeting with the Municipality"),
    ("end", "Ended"),
]
# Destinations that are a step forward when a placement ends towards them.
FORWARD_DESTINATIONS = ("ordinary_job", "ordinary_job_ips", "flexjob", "education")


class SocialPlacementHistory(models.Model):
    """The dated history of a placement: its start, each change of agreed hours or
    work capacity, each change of case worker, meetings with the municipality and
    its end. Recorded by the placement itself when it changes (see
    ``social.placement._record_history``), so growing work capacity is a dated,
    reportable outcome and not only a line in the chatter; meetings are logged by
    the coordinator."""

    _name = "social.placement.history"
    _description = "Placement History"
    _order = "date desc, id desc"

    placement_id = fields.Many2one(
        "social.placement", required=True, index=True, ondelete="cascade"
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    scheme_id = fields.Many2one(related="placement_id.scheme_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    kind = fields.Selection(HISTORY_KINDS, required=True, default="meeting")
    weekly_hours = fields.Float("Agreed Weekly Hours", digits=(16, 2))
    work_capacity = fields.Float("Work Capacity (%)", digits=(16, 2))
    effective_weekly_hours = fields.Float(digits=(16, 2))
    previous_weekly_hours = fields.Float(digits=(16, 2))
    previous_work_capacity = fields.Float("Previous Work Capacity (%)", digits=(16, 2))
    previous_effective_weekly_hours = fields.Float(digits=(16, 2))
    case_worker_id = fields.Many2one("res.partner")
    previous_case_worker_id = fields.Many2one("res.partner")
    destination = fields.Selection(DESTINATIONS)
    note = fields.Char(help="What was agreed (no health details).")
    user_id = fields.Many2one("res.users", "Recorded By", default=lambda s: s.env.user)
    is_step_forward = fields.Boolean(
        "Step Forward",
        compute="_compute_is_step_forward",
        store=True,
        help="More effective hours, a higher work capacity, or a move on to a job, "
        "flexjob or education.",
    )

    @api.depends(
        "kind",
        "effective_weekly_hours",
        "previous_effective_weekly_hours",
        "work_capacity",
        "previous_work_capacity",
        "destination",
    )
    def _compute_is_step_forward(self):
        for item in self:
            item.is_step_forward = (
                item.kind == "capacity"
                and (
                    item.effective_weekly_hours > item.previous_effective_weekly_hours
                    or item.work_capacity > item.previous_work_capacity
                )
            ) or (item.kind == "end" and item.destination in FORWARD_DESTINATIONS)

    @api.depends("kind", "placement_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for item in self:
            item.display_name = f"{kinds.get(item.kind, '')}: {item.placement_id.name}"

    # ------------------------------------------------------------ continuity
    @api.model
    def _get_continuity(self, employees, date_from, date_to):
        """Continuity and burden measures of ``employees`` over [date_from, date_to]:

        - ``case_worker_changes``: changes of case worker recorded in the period;
        - ``meetings``: meetings with the municipality logged in the period;
        - ``contacts``: the number of distinct contact persons (case workers,
          coordinators, work supervisors; support_hours adds the staff who gave
          support sessions, see ``_get_contact_persons``);
        - ``last_step``: the date of the last step forward up to ``date_to`` (more
          effective hours, a higher capacity, a move on), or None;
        - ``days_since_step``: days from it to ``date_to``, or None;
        - ``step_dates``: the days of all steps forward up to ``date_to``, in order
          (extensions add theirs and call ``_set_last_step``).

        A fixed number of queries whatever the number of people.
        """
        ids = employees.ids
        result = {
            eid: {
                "case_worker_changes": 0,
                "meetings": 0,
                "contacts": 0,
                "last_step": None,
                "days_since_step": None,
                "step_dates": [],
            }
            for eid in ids
        }
        period = [
            ("employee_id", "in", ids),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
        for employee, kind, count in self._read_group(
            [*period, ("kind", "in", ("case_worker", "meeting"))],
            ["employee_id", "kind"],
            ["__count"],
        ):
            key = "case_worker_changes" if kind == "case_worker" else "meetings"
            result[employee.id][key] = count
        for employee, steps in self._read_group(
            [
                ("employee_id", "in", ids),
                ("is_step_forward", "=", True),
                ("date", "<=", date_to),
            ],
            ["employee_id"],
            ["date:array_agg"],
        ):
            result[employee.id]["step_dates"] = sorted(set(steps))
        for values in result.values():
            self._set_last_step(values, date_to)
        for eid, contacts in self._get_contact_persons(
            employees, date_from, date_to
        ).items():
            result[eid]["contacts"] = len(contacts)
        return result

    @api.model
    def _set_last_step(self, values, date_to):
        """Last step and days since it, from the measures' ``step_dates``."""
        steps = values["step_dates"]
        values["last_step"] = steps[-1] if steps else None
        values["days_since_step"] = (date_to - steps[-1]).days if steps else None

    @api.model
    def _get_contact_persons(self, employees, date_from, date_to):
        """{employee id: set of (model, id)} of the people the person dealt with in
        the period: case workers (current and recorded), coordinators, work
        supervisors of the placements running in it. Extend to add others."""
        contacts = {eid: set() for eid in employees.ids}
        placements = self.env["social.placement"]._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "in", ("active", "ended")),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
            ],
            ["employee_id"],
            [
                "case_worker_id:array_agg",
                "user_id:array_agg",
                "supervisor_id:array_agg",
            ],
        )
        for employee, case_workers, users, supervisors in placements:
            found = contacts[employee.id]
            found.update(("res.partner", i) for i in case_workers if i)
            found.update(("res.users", i) for i in users if i)
            found.update(("hr.employee", i) for i in supervisors if i)
        for employee, case_workers in self._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", date_from),
                ("date", "<=", date_to),
            ],
            ["employee_id"],
            ["case_worker_id:array_agg"],
        ):
            contacts[employee.id].update(("res.partner", i) for i in case_workers if i)
        return contacts

    # ------------------------------------------------------------ sample data
    @api.model
    def _load_demo_stories(self, path):
        """Sample data loader: play the steps of ``path`` (CSV: person, months_ago,
        action, scheme, municipality, case_worker, weekly_hours, days_per_week,
        work_capacity, value) through the placements, so their history is
        recorded the way real changes are."""
        ref = self.env.ref
        company = ref("base.demo_company_dk", raise_if_not_found=False)
        if not company:
            return
        today = fields.Date.context_today(self)
        Employee = self.env["hr.employee"].with_company(company)
        placements, people = {}, {}
        with file_open(path) as handle:
            for row in csv.DictReader(handle):
                day = (today - relativedelta(months=int(row["months_ago"]))).replace(
                    day=1
                )
                # The story's own people: never a namesake elsewhere in the sample.
                person = people.get(row["person"])
                if not person:
                    person = people[row["person"]] = Employee.create(
                        {
                            "name": row["person"],
                            "company_id": company.id,
                            "parent_id": ref(
                                "social_enterprise.hr_employee_supervisor_demo"
                            ).id,
                        }
                    )
                placement = placements.get(row["person"])
                vals = {
                    key: float(row[key])
                    for key in ("weekly_hours", "work_capacity")
                    if row[key]
                }
                if row["days_per_week"]:
                    vals["days_per_week"] = int(row["days_per_week"])
                dated = placement.with_context(history_date=day) if placement else None
                if row["action"] == "start":
                    placement = self.env["social.placement"].create(
                        {
                            "company_id": company.id,
                            "employee_id": person.id,
                            "scheme_id": ref(f"social_enterprise.{row['scheme']}").id,
                            "municipality_id": ref(
                                f"social_enterprise.{row['municipality']}"
                            ).id,
                            "case_worker_id": ref(
                                f"social_enterprise.{row['case_worker']}"
                            ).id,
                            "date_start": day,
                            **vals,
                        }
                    )
                    placement.action_activate()
                    placements[row["person"]] = placement
                elif row["action"] == "change":
                    dated.write(vals)
                elif row["action"] == "end":
                    placement._end(
                        day - relativedelta(days=1), "transition", row["value"]
                    )
                elif row["action"] == "meeting":
                    self.create(
                        {
                            "placement_id": placement.id,
                            "kind": "meeting",
                            "date": day,
                            "note": row["value"],
                        }
                    )
                elif row["action"] == "case_worker":
                    worker = self.env["res.partner"].search(
                        [
                            ("name", "=", row["case_worker"]),
                            ("parent_id", "=", placement.municipality_id.id),
                        ],
                        limit=1,
                    ) or self.env["res.partner"].create(
                        {
                            "name": row["case_worker"],
                            "parent_id": placement.municipality_id.id,
                        }
                    )
                    dated.case_worker_id = worker
