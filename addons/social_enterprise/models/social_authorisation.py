from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from .social_placement import RATE_LEVELS


class SocialAuthorisation(models.Model):
    """One authorised period (bevilling) of a placement and its scope.

    The municipality's case worker authorises a placement for a period, on a scheme
    and level, for so many days and hours a week. Billing charges only days inside
    an authorised period (placements without any authorisation bill as before).
    """

    _name = "social.authorisation"
    _description = "Authorisation"
    _inherit = ["mail.thread"]
    _order = "placement_id, date_from"
    _check_company_auto = True

    placement_id = fields.Many2one(
        "social.placement", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="placement_id.company_id", store=True)
    employee_id = fields.Many2one(related="placement_id.employee_id", store=True)
    municipality_id = fields.Many2one(related="placement_id.municipality_id")
    reference = fields.Char(
        "Authorisation No.",
        tracking=True,
        help="The municipality's number of the decision (bevillingsnummer).",
    )
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date(
        "To", tracking=True, help="Leave empty for an open-ended authorisation."
    )
    scheme_id = fields.Many2one(
        "social.scheme",
        required=True,
        ondelete="restrict",
        compute="_compute_scope",
        store=True,
        readonly=False,
        precompute=True,
    )
    rate_level = fields.Selection(
        RATE_LEVELS,
        compute="_compute_scope",
        store=True,
        readonly=False,
        precompute=True,
    )
    days_per_week = fields.Integer(
        compute="_compute_scope", store=True, readonly=False, precompute=True
    )
    weekly_hours = fields.Float(
        compute="_compute_scope",
        store=True,
        readonly=False,
        precompute=True,
        digits=(16, 2),
    )
    source = fields.Char(
        help="Where the decision comes from: the letter or mail of the case worker."
    )
    extension_ids = fields.One2many(
        "social.authorisation.extension", "authorisation_id", "Extension Requests"
    )
    expiry_warned_until = fields.Date(
        copy=False,
        readonly=True,
        help="Technical: the end date the coordinator was last warned about.",
    )

    _dates_sane = models.Constraint(
        "CHECK(date_to IS NULL OR date_to >= date_from)",
        "An authorisation cannot end before it starts.",
    )
    _days_sane = models.Constraint(
        "CHECK(days_per_week >= 0 AND days_per_week <= 7)",
        "Authorised days per week must be between 0 and 7.",
    )
    _hours_sane = models.Constraint(
        "CHECK(weekly_hours >= 0 AND weekly_hours <= 168)",
        "Authorised weekly hours must be between 0 and 168.",
    )

    @api.depends("placement_id")
    def _compute_scope(self):
        for auth in self:
            placement = auth.placement_id
            auth.scheme_id = auth.scheme_id or placement.scheme_id
            auth.rate_level = auth.rate_level or placement.rate_level
            auth.days_per_week = auth.days_per_week or placement.days_per_week
            auth.weekly_hours = auth.weekly_hours or placement.weekly_hours

    @api.depends("placement_id", "date_from", "date_to")
    def _compute_display_name(self):
        for auth in self:
            auth.display_name = self.env._(
                "%(ref)s %(start)s to %(end)s",
                ref=auth.reference or auth.placement_id.name or "",
                start=auth.date_from or "",
                end=auth.date_to or "…",
            ).strip()

    def _get_overlap_domain(self):
        self.ensure_one()
        domain = Domain(
            [
                ("id", "!=", self.id),
                ("placement_id", "=", self.placement_id.id),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", self.date_from),
            ]
        )
        if self.date_to:
            domain &= Domain("date_from", "<=", self.date_to)
        return domain

    @api.constrains("placement_id", "date_from", "date_to")
    def _check_overlap(self):
        for auth in self:
            other = self.search(auth._get_overlap_domain(), limit=1)
            if other:
                raise ValidationError(
                    self.env._(
                        "The authorisation from %(start)s overlaps %(other)s of the "
                        "same placement: end that one first, or extend it instead.",
                        start=auth.date_from,
                        other=other.display_name,
                    )
                )
