import base64
import json

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("access", "Access (GDPR art. 15)"),
    ("erasure", "Erasure (GDPR art. 17)"),
    ("retention", "Retention period ended"),
]


class SocialPrivacyRequest(models.Model):
    """One privacy step for one person, and the record of what was done.

    *Access*: exports everything the product holds about the person as a readable
    PDF and a machine-readable JSON file. *Erasure*: anonymises what may go now and
    says why the rest is kept (a running placement, a legal hold, a municipality
    that is data controller, bookkeeping law). *Retention*: written by the daily
    retention cron. Managers only.
    """

    _name = "social.privacy.request"
    _description = "Privacy Request"
    _order = "request_date desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one("hr.employee", "Person", required=True, index=True)
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(KINDS, required=True, default="access")
    request_date = fields.Date(
        "Received On", required=True, default=fields.Date.context_today
    )
    user_id = fields.Many2one(
        "res.users", "Handled By", default=lambda self: self.env.user, readonly=True
    )
    reason = fields.Text(help="The request as the person made it, or the occasion.")
    state = fields.Selection(
        [("draft", "To Do"), ("done", "Done")], default="draft", required=True
    )
    done_date = fields.Date("Done On", readonly=True)
    done_summary = fields.Text("What Was Done", readonly=True)
    kept_summary = fields.Text("What Was Kept, and Why", readonly=True)
    export_file = fields.Binary("Data (JSON)", attachment=True, readonly=True)
    export_file_name = fields.Char(readonly=True)

    @api.depends("employee_id", "kind", "request_date")
    def _compute_display_name(self):
        kinds = dict(KINDS)
        for request in self:
            request.display_name = " - ".join(
                str(n)
                for n in (
                    kinds.get(request.kind),
                    request.employee_id.name,
                    request.request_date,
                )
                if n
            )

    def _check_draft(self, kind):
        self.ensure_one()
        if self.kind != kind:
            raise UserError(self.env._("This request is not of that kind."))
        if self.state == "done":
            raise UserError(self.env._("This request has already been handled."))

    # ------------------------------------------------------------------ access
    def action_export(self):
        """Art. 15: store the JSON file and print the PDF from the same data."""
        self._check_draft("access")
        data = self.employee_id._privacy_collect()
        count = sum(len(section["records"]) for section in data["sections"])
        content = json.dumps(data, ensure_ascii=False, indent=2)
        self.write(
            {
                "export_file": base64.b64encode(content.encode()),
                "export_file_name": f"data-{self.employee_id.id}.json",
                "state": "done",
                "done_date": fields.Date.context_today(self),
                "done_summary": self.env._(
                    "Exported %(count)s records as PDF and JSON.", count=count
                ),
            }
        )
        return self.action_print_pdf()

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref(
            "social_enterprise.action_report_social_privacy_request"
        ).report_action(self)

    def _get_export_data(self):
        """The exported data, read back from the JSON file (for the PDF)."""
        self.ensure_one()
        if not self.export_file:
            return {"sections": []}
        return json.loads(base64.b64decode(self.export_file))

    # ----------------------------------------------------------------- erasure
    def action_erase(self):
        """Art. 17: anonymise what may go now; record what is kept and why."""
        self._check_draft("erasure")
        done, kept = self._erase()
        self.write(
            {
                "state": "done",
                "done_date": fields.Date.context_today(self),
                "done_summary": "\n".join(done) or self.env._("Nothing."),
                "kept_summary": "\n".join(kept) or self.env._("Nothing."),
            }
        )
        return True

    def _erase(self):
        """Anonymise and return ``(done, kept)``: two lists of sentences."""
        employee = self.employee_id.sudo()
        if employee.privacy_legal_hold:
            return [], [
                self.env._(
                    "Everything: the person is under a legal hold (%(reason)s).",
                    reason=employee.privacy_legal_hold_reason or "",
                )
            ]
        end = employee._privacy_get_end_dates().get(employee.id, False)
        if end is None:
            return [], [
                self.env._(
                    "Everything: a placement or support is still running and needs "
                    "the data (GDPR art. 17(1)(a) applies once it ends)."
                )
            ]
        done, kept = [], []
        controllers = self._get_controller_municipalities()
        if controllers:
            kept.append(
                self.env._(
                    "Health data: %(names)s is data controller for this person; the "
                    "request is forwarded to it and its instruction decides "
                    "(GDPR art. 28(3)(e)).",
                    names=", ".join(controllers.mapped("name")),
                )
            )
        else:
            employee._privacy_anonymise({"support"})
            done.append(
                self.env._(
                    "Health data anonymised: notes, need descriptions, assessments."
                )
            )
        identity = [
            item
            for item in employee._privacy_get_due()
            if item["category"] == "identity"
        ]
        today = fields.Date.context_today(self)
        if identity and identity[0]["due"] > today:
            kept.append(
                self.env._(
                    "Name, CPR and placements until %(due)s: %(rule)s (%(origin)s).",
                    due=identity[0]["due"],
                    rule=identity[0]["rule"].name,
                    origin=identity[0]["rule"].source,
                )
            )
        elif not controllers:
            employee._privacy_anonymise({"identity"})
            done.append(self.env._("Name, CPR and private contact data anonymised."))
        return done, kept

    def _get_controller_municipalities(self):
        placements = (
            self.env["social.placement"]
            .sudo()
            .search([("employee_id", "=", self.employee_id.id)])
        )
        return placements.municipality_id.filtered(lambda m: m._is_privacy_controller())
