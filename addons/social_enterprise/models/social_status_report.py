from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.misc import format_date

from ..tools import report_text

REPORT_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To Approve"),
    ("approved", "Approved"),
    ("sent", "Sent"),
]
MANAGER = "social_enterprise.social_enterprise_group_manager"
FIGURES = (
    "planned_days",
    "planned_hours",
    "attended_days",
    "attended_hours",
    "effective_hours",
    "absence_hours",
)
# What may still change once a report is submitted: its workflow, not its content.
WORKFLOW_FIELDS = {
    "state",
    "approver_id",
    "date_approved",
    "date_sent",
    "attachment_id",
    "message_main_attachment_id",
}


class SocialStatusReport(models.Model):
    """A report to the case worker about one placement and one period.

    The coordinator (or the person's mentor) creates a draft: ``action_fill`` writes
    the figures of the period from live data (``_get_report_figures``) and the text
    of the report type's blocks with their placeholders filled
    (``_get_report_values``), in the case worker's language. The coordinator edits
    it and submits it; a manager approves it, which locks it; sending renders the
    PDF, attaches it and mails it to the case worker with a body that names no one.
    """

    _name = "social.status.report"
    _description = "Status Report to the Case Worker"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    placement_id = fields.Many2one(
        "social.placement",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="placement_id.company_id", store=True, index=True
    )
    employee_id = fields.Many2one(
        related="placement_id.employee_id", store=True, index=True
    )
    scheme_id = fields.Many2one(related="placement_id.scheme_id")
    municipality_id = fields.Many2one(related="placement_id.municipality_id")
    case_worker_id = fields.Many2one(
        "res.partner",
        compute="_compute_case_worker_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    type_id = fields.Many2one(
        "social.status.report.type", "Report Type", required=True, ondelete="restrict"
    )
    date_from = fields.Date("Period From", required=True)
    date_to = fields.Date("Period To", required=True)
    state = fields.Selection(
        REPORT_STATES, required=True, default="draft", tracking=True, copy=False
    )
    user_id = fields.Many2one("res.users", "Written By", default=lambda s: s.env.user)
    approver_id = fields.Many2one("res.users", "Approved By", readonly=True, copy=False)
    date_approved = fields.Datetime("Approved On", readonly=True, copy=False)
    date_sent = fields.Datetime("Sent On", readonly=True, copy=False)
    lang = fields.Char(compute="_compute_lang")
    include_health = fields.Boolean(
        "Health Details Included",
        compute="_compute_include_health",
        help="The report type allows health details and the person's consent does.",
    )
    body = fields.Html(sanitize=True, copy=False)
    next_steps = fields.Text(
        help="What happens next: written by the coordinator, filled into the text."
    )
    planned_days = fields.Float(readonly=True, digits=(16, 2), copy=False)
    planned_hours = fields.Float(readonly=True, digits=(16, 2), copy=False)
    attended_days = fields.Float(readonly=True, digits=(16, 2), copy=False)
    attended_hours = fields.Float(readonly=True, digits=(16, 2), copy=False)
    effective_hours = fields.Float(readonly=True, digits=(16, 2), copy=False)
    absence_hours = fields.Float(readonly=True, digits=(16, 2), copy=False)
    suspended_days = fields.Integer(readonly=True, copy=False)
    attachment_id = fields.Many2one(
        "ir.attachment", "Sent PDF", readonly=True, copy=False
    )

    _dates_sane = models.Constraint(
        "CHECK(date_to >= date_from)", "The report period cannot end before it starts."
    )

    @api.depends("placement_id")
    def _compute_case_worker_id(self):
        for report in self:
            report.case_worker_id = (
                report.case_worker_id or report.placement_id.case_worker_id
            )

    @api.depends("case_worker_id.lang", "municipality_id.lang")
    def _compute_lang(self):
        for report in self:
            report.lang = (
                report.case_worker_id.lang or report.municipality_id.lang or "da_DK"
            )

    @api.depends("type_id.allows_health", "employee_id", "date_to")
    def _compute_include_health(self):
        for report in self:
            report.include_health = report._consent_allows_health()

    def _consent_allows_health(self):
        """May this report contain health details? Only when its type allows them
        and the person has a valid consent to health details in status reports
        (consent register, purpose ``health_status_report``) at the end of the
        period."""
        self.ensure_one()
        return bool(
            self.type_id.allows_health
            and self.employee_id
            and self.env["social.consent"]._has_consent(
                self.employee_id, "health_status_report", self.date_to
            )
        )

    @api.constrains("date_from", "date_to", "placement_id")
    def _check_period(self):
        for report in self:
            placement = report.placement_id
            if report.date_to < placement.date_start or (
                placement.date_end and report.date_from > placement.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The report period %(start)s to %(end)s lies outside the "
                        "placement %(placement)s.",
                        start=report.date_from,
                        end=report.date_to,
                        placement=placement.display_name,
                    )
                )

    # -------------------------------------------------------------------- crud
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("social.status.report") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        locked = not self.env.context.get("social_privacy_anonymise")
        if (
            locked
            and set(vals) - WORKFLOW_FIELDS
            and any(r.state != "draft" for r in self)
        ):
            raise UserError(
                self.env._(
                    "A submitted, approved or sent report is locked: set it back to "
                    "draft (before approval) or write a new report."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(r.state != "draft" for r in self):
            raise UserError(self.env._("Only draft reports can be deleted."))

    # ---------------------------------------------------------------- the draft
    @api.model
    def _get_placeholder_names(self):
        """Every placeholder a text block may use."""
        return [
            "person",
            "period",
            "scheme",
            "municipality",
            "date_start",
            "authorised_until",
            "planned_days",
            "attended_days",
            "planned_hours",
            "attended_hours",
            "effective_hours",
            "absence_hours",
            "attendance_rate",
            "absence",
            "next_steps",
            "company",
        ]

    def _get_report_figures(self):
        """The period's figures, from the same computation as the hours views."""
        self.ensure_one()
        placement = self.placement_id
        data = placement._get_hours_data(self.date_from, self.date_to).get(
            placement.id, {}
        )
        figures = {name: round(data.get(name, 0.0), 2) for name in FIGURES}
        figures["suspended_days"] = placement._get_suspended_days(
            self.date_from, self.date_to
        )
        return figures

    def _get_absence_text(self, figures):
        """Absence in words: suspensions by reason, then absence by reason."""
        self.ensure_one()
        suspensions = self.placement_id.sudo().suspension_ids.filtered(
            lambda s: s.date_from <= self.date_to and s.date_to >= self.date_from
        )
        reasons = dict(suspensions._fields["reason"]._description_selection(self.env))
        parts = []
        for reason in dict.fromkeys(suspensions.mapped("reason")):
            days = sum(
                (min(s.date_to, self.date_to) - max(s.date_from, self.date_from)).days
                + 1
                for s in suspensions.filtered(lambda s, r=reason: s.reason == r)
            )
            parts.append(
                self.env._(
                    "%(reason)s: %(days)s days", reason=reasons[reason], days=days
                )
            )
        parts += self._get_absence_reason_parts(figures, suspensions)
        return "; ".join(parts)

    def _get_absence_by_reason(self, suspensions):
        """``({reason: hours}, days late, hours with no reason on suspended days)``
        of the period, from the hours views' rows (the same days and hours)."""
        self.ensure_one()
        # sudo: sums of this placement's hours by reason; the report reader may
        # draft for the placement without reading each absence.
        Hours = self.env["social.placement.hours.report"].sudo()
        domain = Hours._get_absence_domain(
            self.placement_id, self.date_from, self.date_to
        )
        absent = [*domain, ("absence_hours", ">", 0)]
        by_reason = dict(
            Hours._read_group(
                [*absent, ("absence_reason_id", "!=", False)],
                ["absence_reason_id"],
                ["absence_hours:sum"],
            )
        )
        [(late_days,)] = Hours._read_group(
            [*domain, ("late_count", ">", 0)], [], ["__count"]
        )
        unexplained = Hours._read_group(
            [*absent, ("absence_reason_id", "=", False)],
            ["date:day"],
            ["absence_hours:sum"],
        )
        suspended = sum(
            hours
            for day, hours in unexplained
            if any(s.date_from <= day <= s.date_to for s in suspensions)
        )
        return by_reason, late_days, suspended

    def _get_absence_reason_parts(self, figures, suspensions):
        """The period's absence hours by the reason recorded for each day, as the
        same-day notice words it (the reason's category for the case worker, never
        health details), unannounced absence called so, late arrivals counted in
        days, and the hours no reason was recorded for (a suspension explains its
        days already)."""
        by_reason, late_days, suspended = self._get_absence_by_reason(suspensions)
        num = report_text.number
        parts = [
            self.env._(
                "%(reason)s: %(hours)s hours",
                reason=reason.notice_category or reason.name,
                hours=num(hours),
            )
            for reason, hours in sorted(by_reason.items(), key=lambda i: i[0].sequence)
            if reason.announced
        ]
        unannounced = sum(h for reason, h in by_reason.items() if not reason.announced)
        if unannounced:
            parts.append(
                self.env._(
                    "unannounced absence: %(hours)s hours", hours=num(unannounced)
                )
            )
        if late_days:
            parts.append(self.env._("days with late arrival: %(days)s", days=late_days))
        other = figures["absence_hours"] - sum(by_reason.values()) - suspended
        if round(other, 2) > 0 or not parts:
            parts.append(
                self.env._(
                    "absence with no reason recorded: %(hours)s hours",
                    hours=num(max(other, 0.0)),
                )
            )
        return parts

    def _get_report_values(self, figures):
        """{placeholder: text} for the blocks. Never a CPR number."""
        self.ensure_one()
        placement = self.placement_id
        num = report_text.number
        planned = figures["planned_hours"]
        rate = 100.0 * figures["attended_hours"] / planned if planned else 0.0
        return {
            "person": placement.employee_id.name,
            "period": self.env._(
                "%(start)s to %(end)s",
                start=format_date(self.env, self.date_from),
                end=format_date(self.env, self.date_to),
            ),
            "scheme": placement.scheme_id.name,
            "municipality": placement.municipality_id.name or "",
            "company": placement.company_id.name,
            "date_start": format_date(self.env, placement.date_start),
            "authorised_until": format_date(
                self.env, placement.sudo().authorised_until or placement.date_end
            )
            or "-",
            "planned_days": num(figures["planned_days"]),
            "attended_days": num(figures["attended_days"]),
            "planned_hours": num(figures["planned_hours"]),
            "attended_hours": num(figures["attended_hours"]),
            "effective_hours": num(figures["effective_hours"]),
            "absence_hours": num(figures["absence_hours"]),
            "attendance_rate": num(rate, 0),
            "absence": self._get_absence_text(figures),
            "next_steps": self.next_steps or "-",
        }

    def _render_body(self, values):
        self.ensure_one()
        html = Markup("")
        for block in self.type_id.block_ids:
            if block.health and not self.include_health:
                continue
            html += Markup("<h3>%s</h3>") % block.title
            html += Markup(report_text.fill(block.body, values))  # noqa: S704
        return html

    def action_fill(self):
        """Fill the draft from live data for the period, in the case worker's
        language. Overwrites the text: edit after filling."""
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("Only a draft can be filled again."))
            report = report.with_context(lang=report.lang)
            figures = report._get_report_figures()
            body = report._render_body(report._get_report_values(figures))
            report.write(dict(figures, body=body))
        return True

    # ---------------------------------------------------------------- workflow
    def action_submit(self):
        for report in self:
            if report.state != "draft" or not report.body:
                raise UserError(
                    self.env._("Fill the draft before submitting it for approval.")
                )
        self.write({"state": "to_approve"})
        return True

    def action_reset_draft(self):
        if any(r.state != "to_approve" for r in self):
            raise UserError(
                self.env._("Only a report waiting for approval goes back to draft.")
            )
        self.write({"state": "draft"})
        return True

    def action_approve(self):
        """A manager approves: the report is locked from now on."""
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only a manager approves status reports."))
        if any(r.state != "to_approve" for r in self):
            raise UserError(self.env._("Submit the report for approval first."))
        self.write(
            {
                "state": "approved",
                "approver_id": self.env.user.id,
                "date_approved": fields.Datetime.now(),
            }
        )
        return True

    def _prepare_mail_body(self):
        """The mail carries no personal details: the reference and the order
        number only; the content is in the attached PDF."""
        self.ensure_one()
        return self.env._(
            "Please find attached the %(type)s %(ref)s (your reference %(order)s).",
            type=self.type_id.name.lower(),
            ref=self.name,
            order=self.placement_id.order_ref or "-",
        )

    def action_send(self):
        """Render the PDF, keep it on the report and mail it to the case worker."""
        for report in self:
            if report.state != "approved":
                raise UserError(self.env._("Only an approved report can be sent."))
            if not report.case_worker_id.email:
                raise UserError(
                    self.env._(
                        "%(report)s: the case worker has no e-mail address.",
                        report=report.name,
                    )
                )
            report = report.with_context(lang=report.lang)
            content, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
                "social_enterprise.social_status_report_action_print", report.ids
            )
            if isinstance(content, str):  # tests render HTML instead of a PDF
                content = content.encode()
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{report.name}.pdf",
                    "type": "binary",
                    "raw": content,
                    "res_model": report._name,
                    "res_id": report.id,
                    "mimetype": "application/pdf",
                }
            )
            report.message_post(
                body=report._prepare_mail_body(),
                subject=report.name,
                partner_ids=report.case_worker_id.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            report.write(
                {
                    "state": "sent",
                    "date_sent": fields.Datetime.now(),
                    "attachment_id": attachment.id,
                }
            )
        return True
