import csv
from collections import defaultdict
from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools.misc import file_open

from ..tools import demo_people

# How long a tap can be undone, in seconds.
UNDO_SECONDS = 60


class SocialKiosk(models.AbstractModel):
    """What the participants' kiosk may do, and nothing more.

    The kiosk is a public page opened with the company's secret token (like Odoo's
    attendance kiosk): no user logs in on the shared tablet. Every method here
    checks the token's company and that the person is on today's plan, then acts
    with ``sudo`` on exactly one thing: check in, check out, report today's
    absence, answer "how are you today", or undo the last of these within a
    minute. Nothing else is read or written, and no personal detail beyond the
    first name (when shown) and the pictogram or photo leaves the server.
    """

    _name = "social.kiosk"
    _description = "Participants' Kiosk"

    @api.model
    def _get_company(self, token):
        if not token:
            return self.env["res.company"]
        return (
            self.env["res.company"]
            .sudo()
            .search([("social_kiosk_token", "=", token)], limit=1)
        )

    @api.model
    def _today(self, company):
        tz = pytz.timezone(company.partner_id.tz or "Europe/Copenhagen")
        return datetime.now(tz)

    @api.model
    def _local_today(self, employee):
        tz = pytz.timezone(employee.sudo().tz or "Europe/Copenhagen")
        return datetime.now(tz).date()

    @api.model
    def _get_today_placements(self, company):
        """Active employment placements of the company planned for today (Monday to
        Friday up to 5 days a week, every day from 6)."""
        now = self._today(company)
        today = now.date()
        placements = (
            self.env["social.placement"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "active"),
                    ("scheme_id.exclusive", "=", True),
                    ("date_start", "<=", today),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", today),
                ],
                order="employee_id",
            )
        )
        weekend = today.weekday() >= 5
        return placements.filtered(lambda p: not weekend or p.days_per_week >= 6)

    @api.model
    def _get_person(self, company, employee_id):
        """The person's placement today, or an AccessError: the kiosk acts only for
        people on today's plan of its own company."""
        placement = self._get_today_placements(company).filtered(
            lambda p: p.employee_id.id == employee_id
        )[:1]
        if not placement:
            raise AccessError(self.env._("This person is not on today's plan."))
        return placement

    @api.model
    def _get_person_by_badge(self, company, barcode):
        """The placement of the person on today's plan whose badge is ``barcode``
        (the employee's Badge ID, as Odoo's attendance kiosk reads it), or an
        AccessError that says nothing about whose badge it might be."""
        code = (barcode or "").strip()
        placement = (
            code
            and self._get_today_placements(company).filtered(
                lambda p: p.employee_id.sudo().barcode == code
            )[:1]
        )
        if not placement:
            raise AccessError(self.env._("This badge is not on today's plan."))
        return placement

    @api.model
    def _get_state(self, employee):
        """Checked in now? Today's absence and wellbeing answer."""
        employee = employee.sudo()
        today = self._local_today(employee)
        open_attendance = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [("employee_id", "=", employee.id), ("check_out", "=", False)], limit=1
            )
        )
        absence = (
            self.env["social.absence"]
            .sudo()
            .search(
                [
                    ("employee_id", "=", employee.id),
                    ("date", "=", today),
                    ("is_late", "=", False),
                ],
                limit=1,
            )
        )
        mood = (
            self.env["social.mood"]
            .sudo()
            .search([("employee_id", "=", employee.id), ("date", "=", today)], limit=1)
        )
        return {"checked_in": bool(open_attendance), "absence": absence, "mood": mood}

    @api.model
    def _check_pin(self, company, employee, pin):
        if (
            company.social_kiosk_use_pin
            and employee.sudo().pin
            and (pin or "") != employee.sudo().pin
        ):
            raise UserError(self.env._("Wrong PIN. Try again."))

    @api.model
    def _check_in(self, placement):
        """Check the person in now; a check-in after the planned start and the
        grace minutes is also recorded as late. Returns the undo token (model, ids)
        or None when already checked in (a double tap does nothing)."""
        employee = placement.employee_id.sudo()
        if self._get_state(employee)["checked_in"]:
            return None
        now = fields.Datetime.now()
        attendance = (
            self.env["hr.attendance"]
            .sudo()
            .create({"employee_id": employee.id, "check_in": now})
        )
        undo = [("hr.attendance", attendance.ids, "unlink")]
        late = self._minutes_late(placement, now)
        if late:
            reason = self.env.ref("social_enterprise.social_absence_reason_late")
            absence = self.env["social.absence"].sudo().search(
                [
                    ("employee_id", "=", employee.id),
                    ("date", "=", self._local_today(employee)),
                    ("reason_id", "=", reason.id),
                ]
            ) or self.env["social.absence"].sudo().create(
                {
                    "employee_id": employee.id,
                    "date": self._local_today(employee),
                    "reason_id": reason.id,
                    "minutes_late": late,
                    "source": "kiosk",
                }
            )
            undo.append(("social.absence", absence.ids, "unlink"))
        return undo

    @api.model
    def _minutes_late(self, placement, now_utc):
        company = placement.company_id
        tz = pytz.timezone(placement.employee_id.sudo().tz or "Europe/Copenhagen")
        local = pytz.utc.localize(now_utc).astimezone(tz)
        planned = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(
            hours=placement.planned_start or 0.0
        )
        minutes = int((local - planned).total_seconds() // 60)
        return minutes if minutes > (company.social_kiosk_grace_minutes or 0) else 0

    @api.model
    def _check_out(self, placement):
        employee = placement.employee_id.sudo()
        attendance = (
            self.env["hr.attendance"]
            .sudo()
            .search(
                [("employee_id", "=", employee.id), ("check_out", "=", False)], limit=1
            )
        )
        if not attendance:
            return None
        attendance.check_out = fields.Datetime.now()
        return [("hr.attendance", attendance.ids, "reopen")]

    @api.model
    def _report_absence(self, placement, reason_id):
        reason = self.env["social.absence.reason"].sudo().browse(reason_id).exists()
        if not reason or not reason.kiosk_label:
            raise AccessError(self.env._("This reason cannot be chosen on the kiosk."))
        employee = placement.employee_id.sudo()
        state = self._get_state(employee)
        if state["checked_in"] or state["absence"]:
            return None
        absence = (
            self.env["social.absence"]
            .sudo()
            .create(
                {
                    "employee_id": employee.id,
                    "date": self._local_today(employee),
                    "reason_id": reason.id,
                    "source": "kiosk",
                }
            )
        )
        return [("social.absence", absence.ids, "unlink")]

    @api.model
    def _set_mood(self, placement, mood):
        Mood = self.env["social.mood"].sudo()
        if mood not in dict(Mood._fields["mood"].selection):
            raise UserError(self.env._("Choose one of the faces."))
        employee = placement.employee_id.sudo()
        answer = self._get_state(employee)["mood"]
        if answer:
            answer.mood = mood
            return None
        answer = Mood.create(
            {
                "employee_id": employee.id,
                "date": self._local_today(employee),
                "mood": mood,
            }
        )
        return [("social.mood", answer.ids, "unlink")]

    @api.model
    def _undo(self, company, undo, done_at):
        """Undo the last tap if it is less than a minute old. Only the records the
        tap created (or the check-out it wrote) are touched."""
        if not undo or not done_at:
            return False
        if (datetime.now().timestamp() - done_at) > UNDO_SECONDS:
            return False
        allowed = {"hr.attendance", "social.absence", "social.mood"}
        for model, ids, how in undo:
            if model not in allowed:
                continue
            records = self.env[model].sudo().browse(ids).exists()
            records = records.filtered(lambda r: r.employee_id.company_id == company)
            if how == "unlink":
                records.unlink()
            elif how == "reopen" and model == "hr.attendance":
                records.write({"check_out": False})
        return True

    # ------------------------------------------------------------ sample data
    @api.model
    def _load_demo_sample(self, path):
        """Sample data loader: pictograms for the demo company's participants and the
        absences and wellbeing answers of ``path`` (CSV: person, days_ago, kind,
        value), ``person`` being the n-th active placement of the demo company."""
        company = self.env.ref("base.demo_company_dk", raise_if_not_found=False)
        if not company:
            return
        placements = self.env["social.placement"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "active"),
                ("scheme_id.exclusive", "=", True),
            ],
            order="id",
        )
        if not placements:
            return
        symbols = [
            s for s, _label in self.env["hr.employee"]._fields["kiosk_symbol"].selection
        ]
        for index, placement in enumerate(placements):
            placement.employee_id.kiosk_symbol = symbols[index % len(symbols)]
        reasons = {r.code: r for r in self.env["social.absence.reason"].search([])}
        today = fields.Date.context_today(self)
        absences, moods = [], []
        with file_open(path) as handle:
            for row in csv.DictReader(handle):
                employee = placements[int(row["person"]) % len(placements)].employee_id
                day = today - timedelta(days=int(row["days_ago"]))
                if row["kind"] == "mood":
                    moods.append(
                        {"employee_id": employee.id, "date": day, "mood": row["value"]}
                    )
                else:
                    absences.append(
                        {
                            "employee_id": employee.id,
                            "date": day,
                            "reason_id": reasons[row["value"]].id,
                            "minutes_late": 25 if row["value"] == "late" else 0,
                            "source": "kiosk",
                        }
                    )
        self.env["social.absence"].create(absences)
        self.env["social.mood"].create(moods)
        self._load_demo_spread(placements, today)

    @api.model
    def _load_demo_spread(self, placements, today, weeks=8):
        """Sample data loader: the last ``weeks`` weeks of kiosk answers for every
        sample participant, so the municipal report shows absence by reason and
        the wellbeing trend above the suppression threshold: a reason for most
        planned days without attendance, a mood on most days with one
        (tools/demo_people.kiosk_days). Days that already have one are kept."""
        first = today - timedelta(weeks=weeks)
        employees = placements.employee_id
        attended = defaultdict(set)
        for employee, day in self.env["hr.attendance"]._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", first),
                ("date", "<", today),
            ],
            ["employee_id", "date:day"],
        ):
            attended[employee.id].add(day)
        taken = {
            (record.employee_id.id, record.date)
            for model in ("social.absence", "social.mood")
            for record in self.env[model].search(
                [("employee_id", "in", employees.ids), ("date", ">=", first)]
            )
        }
        reasons = {r.code: r for r in self.env["social.absence.reason"].search([])}
        absences, moods = [], []
        for placement in placements:
            employee = placement.employee_id
            start = max(first, placement.date_start)
            per_week = min(placement.days_per_week or 5, 5)
            planned = [
                start + timedelta(days=i)
                for i in range((today - start).days)
                if (start + timedelta(days=i)).weekday() < per_week
            ]
            gone, answers = demo_people.kiosk_days(
                employee.name, planned, attended[employee.id]
            )
            absences += [
                {
                    "employee_id": employee.id,
                    "date": day,
                    "reason_id": reasons[code].id,
                    "source": "staff",
                }
                for day, code in gone
                if (employee.id, day) not in taken
            ]
            moods += [
                {"employee_id": employee.id, "date": day, "mood": score}
                for day, score in answers
                if (employee.id, day) not in taken
            ]
        self.env["social.absence"].create(absences)
        self.env["social.mood"].create(moods)
