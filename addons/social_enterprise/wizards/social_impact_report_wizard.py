from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.misc import format_date, formatLang

from ..tools import impact


class SocialImpactReportWizard(models.TransientModel):
    """Choose a municipality and a period, then print the report as xlsx or PDF.

    Both are ``ir.actions.report`` on this wizard (``action_report_social_impact_xlsx``
    through OCA report_xlsx, ``action_report_social_impact`` in QWeb) rendering the
    same ``_get_report_data``; the options are checked when the report is rendered.
    """

    _name = "social.impact.report.wizard"
    _description = "Social-Impact Report"

    def _default_date_from(self):
        today = fields.Date.context_today(self)
        return (
            today.replace(month=1, day=1)
            if today.month > 1
            else today.replace(year=today.year - 1, month=1, day=1)
        )

    def _default_date_to(self):
        return fields.Date.context_today(self).replace(day=1) - relativedelta(days=1)

    municipality_id = fields.Many2one(
        "res.partner",
        required=True,
        domain=[("is_municipality", "=", True)],
    )
    date_from = fields.Date("From", required=True, default=_default_date_from)
    date_to = fields.Date("To", required=True, default=_default_date_to)
    person_lines = fields.Boolean(
        help="Add one line per person, identified by a pseudonymous ID.",
    )
    include_names = fields.Boolean(
        help="Managers only. A name appears only where the municipality is the data "
        "controller for the people it places, or the person consented to named "
        "reporting; the others keep their pseudonymous ID.",
    )
    can_include_names = fields.Boolean(compute="_compute_can_include_names")

    @api.depends("municipality_id")
    def _compute_can_include_names(self):
        manager = self.env.user.has_group(
            "social_enterprise.social_enterprise_group_manager"
        )
        for wizard in self:
            wizard.can_include_names = manager

    def _check_options(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        if self.include_names and not self.can_include_names:
            raise UserError(
                self.env._(
                    "Names can only be included by a manager, and only for people who "
                    "consented or when %(m)s is the data controller for the people it "
                    "places here (set it on the municipality or its agreement).",
                    m=self.municipality_id.name,
                )
            )

    def _get_report_data(self):
        self._check_options()
        return self.env["social.impact.report"]._get_report_data(
            self.municipality_id,
            self.date_from,
            self.date_to,
            person_lines=self.person_lines or self.include_names,
            include_names=self.include_names,
        )

    def _get_file_stem(self):
        return "{}-{}-{}".format(
            self.env._("impact"),
            (self.municipality_id.name or "").replace(" ", "_"),
            self.date_to.isoformat(),
        )

    def _get_xlsx_labels(self):
        return {
            "municipality": self.env._("Municipality"),
            "period": self.env._("Period"),
            "generated": self.env._("Generated"),
            "sheet": self.env._("Social impact"),
            "chart": self.env._("Planned and attended hours"),
        }

    def action_download_xlsx(self):
        self.ensure_one()
        self._check_options()
        return self.env.ref(
            "social_enterprise.action_report_social_impact_xlsx"
        ).report_action(self, config=False)  # a workbook needs no letterhead

    def action_print_pdf(self):
        self.ensure_one()
        self._check_options()
        return self.env.ref(
            "social_enterprise.action_report_social_impact"
        ).report_action(self)

    # Formatting helpers for the QWeb template (Danish formats for Danish users).
    def _format_cell(self, value, kind):
        if value is None:
            return impact.SUPPRESSED
        if value is impact.NOT_APPLICABLE:
            return impact.NOT_APPLICABLE_MARKER
        if value is False or value == "":
            return ""
        if kind == "date":
            return format_date(self.env, value)
        if kind == "count":
            return formatLang(self.env, value, digits=0)
        if kind in ("hours", "days", "number", "percent"):
            return formatLang(self.env, value, digits=1)
        return str(value)

    def _format_date(self, value):
        return format_date(self.env, value)
