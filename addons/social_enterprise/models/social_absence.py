from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SocialAbsence(models.Model):
    """A person's absence (or lateness) on a day, with its reason: recorded by the
    participant on the kiosk or by staff. For schemes that require it (work
    placement: the case worker must know the same day) the absence sends a notice
    to the placement's case worker once, with no health details
    (``_send_same_day_notice``)."""

    _name = "social.absence"
    _description = "Absence"
    _order = "date desc, id desc"

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    placement_id = fields.Many2one(
        "social.placement",
        compute="_compute_placement_id",
        store=True,
        readonly=False,
        index=True,
        help="The person's employment placement running on the day.",
    )
    scheme_id = fields.Many2one(related="placement_id.scheme_id", store=True)
    supervisor_id = fields.Many2one(related="employee_id.parent_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    reason_id = fields.Many2one(
        "social.absence.reason", required=True, ondelete="restrict"
    )
    announced = fields.Boolean(related="reason_id.announced", store=True)
    is_late = fields.Boolean(related="reason_id.is_late", store=True)
    minutes_late = fields.Integer()
    source = fields.Selection(
        [("kiosk", "Kiosk"), ("staff", "Staff")], default="staff", required=True
    )
    notice_state = fields.Selection(
        [
            ("none", "Not Needed"),
            ("mail", "E-mail Sent"),
            ("activity", "Activity for the Coordinator"),
        ],
        "Case-Worker Notice",
        default="none",
        readonly=True,
        copy=False,
    )

    _person_day_reason_unique = models.Constraint(
        "UNIQUE(employee_id, date, reason_id)",
        "This absence is recorded already.",
    )

    @api.depends("employee_id", "date")
    def _compute_placement_id(self):
        Placement = self.env["social.placement"]
        for absence in self:
            if not absence.employee_id or not absence.date:
                absence.placement_id = False
                continue
            absence.placement_id = Placement.search(
                [
                    ("employee_id", "=", absence.employee_id.id),
                    ("state", "in", ("active", "ended")),
                    ("scheme_id.exclusive", "=", True),
                    ("date_start", "<=", absence.date),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", absence.date),
                ],
                limit=1,
            )

    @api.constrains("minutes_late", "reason_id")
    def _check_minutes_late(self):
        for absence in self:
            if absence.minutes_late < 0:
                raise ValidationError(self.env._("Minutes late cannot be negative."))

    @api.depends("employee_id", "reason_id", "date")
    def _compute_display_name(self):
        for absence in self:
            absence.display_name = (
                f"{absence.employee_id.name or ''}: {absence.reason_id.name or ''}"
            )

    @api.model_create_multi
    def create(self, vals_list):
        absences = super().create(vals_list)
        absences._send_same_day_notice()
        return absences

    # ------------------------------------------------------------- notice
    def _needs_notice(self):
        """Today's absence on a scheme that asks for it, not told yet today."""
        self.ensure_one()
        if (
            self.notice_state != "none"
            or self.is_late
            or not self.placement_id.scheme_id.absence_notice
            or self.date != self.env["social.kiosk"]._local_today(self.employee_id)
        ):
            return False
        return not self.search_count(
            [
                ("employee_id", "=", self.employee_id.id),
                ("date", "=", self.date),
                ("notice_state", "!=", "none"),
                ("id", "!=", self.id),
            ],
            limit=1,
        )

    def _send_same_day_notice(self):
        """Tell the case worker today, once: an e-mail from a template that names
        the person, the day and the reason's category and nothing else, or, when the
        case worker has no e-mail, an activity for the placement's coordinator."""
        template = self.env.ref(
            "social_enterprise.mail_template_absence_notice", raise_if_not_found=False
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for absence in self.filtered(lambda a: a._needs_notice()):
            placement = absence.placement_id
            worker = placement.case_worker_id
            if worker.email and template:
                # sudo: the kiosk and mentors may record absences; sending the
                # notice is the enterprise's duty, not a right of the recorder.
                template.sudo().send_mail(absence.id)
                absence.sudo().notice_state = "mail"
                body = self.env._(
                    "Absence on %(date)s reported to the case worker %(worker)s.",
                    date=absence.date,
                    worker=worker.name,
                )
            else:
                placement.sudo().activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Tell the case worker about today's absence"),
                    note=self.env._(
                        "%(person)s is absent today (%(reason)s). The case worker has "
                        "no e-mail address: call them today.",
                        person=absence.employee_id.name,
                        reason=absence.reason_id.name,
                    ),
                    user_id=placement.user_id.id or self.env.user.id,
                )
                absence.sudo().notice_state = "activity"
                body = self.env._(
                    "Absence on %(date)s: the case worker has no e-mail, the "
                    "coordinator was asked to call.",
                    date=absence.date,
                )
            placement.sudo().message_post(body=body)
