from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import identifiers
from .social_placement import RATE_LEVELS

REFERRAL_STATES = [
    ("received", "Received"),
    ("waiting", "Waiting List"),
    ("intake", "Intake"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("withdrawn", "Withdrawn"),
]
PRIORITIES = [("0", "Normal"), ("1", "High"), ("2", "Urgent")]


class SocialReferral(models.Model):
    """A municipality's referral (henvisning) of a person, from intake to placement.

    Received, on the waiting list, at the intake meeting, then decided: accepted
    (becomes a draft placement and its first authorisation with everything the
    referral holds), declined with a reason, or withdrawn by the municipality.
    """

    _name = "social.referral"
    _description = "Referral"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "priority desc, date_received, id"
    _check_company_auto = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda s: s.env.company
    )
    state = fields.Selection(
        REFERRAL_STATES,
        required=True,
        default="received",
        tracking=True,
        index=True,
        copy=False,
        group_expand=True,
    )
    priority = fields.Selection(PRIORITIES, default="0", index=True)
    color = fields.Integer()
    user_id = fields.Many2one(
        "res.users", "Coordinator", default=lambda s: s.env.user, tracking=True
    )
    municipality_id = fields.Many2one(
        "res.partner",
        "Referring Municipality",
        required=True,
        tracking=True,
        domain=[("is_municipality", "=", True)],
    )
    case_worker_id = fields.Many2one(
        "res.partner", domain="[('parent_id', '=', municipality_id)]", tracking=True
    )
    employee_id = fields.Many2one(
        "hr.employee",
        "Person",
        check_company=True,
        tracking=True,
        help="The person, when already known here; otherwise write the name below "
        "and the person is created when the referral is accepted.",
    )
    person_name = fields.Char(
        "New Person's Name",
        help="Name of a person not yet registered. Never a CPR number.",
    )
    scheme_id = fields.Many2one(
        "social.scheme", "Scheme Asked For", required=True, ondelete="restrict"
    )
    rate_level = fields.Selection(RATE_LEVELS)
    weekly_hours = fields.Float("Weekly Hours Asked For", digits=(16, 2))
    days_per_week = fields.Integer(default=5)
    order_ref = fields.Char("Order / Visitation No.")
    person_ref = fields.Char(
        "Municipal Person Reference", help="The municipality's reference. Never CPR."
    )
    authorisation_ref = fields.Char("Authorisation No.")
    date_authorised_to = fields.Date(
        "Authorised Until",
        help="End of the period the municipality authorises; the placement's first "
        "authorisation runs from the start to this day.",
    )
    date_received = fields.Date(
        "Received On", required=True, default=fields.Date.context_today
    )
    date_wished_start = fields.Date("Wished Start")
    date_waitlist = fields.Date("On Waiting List Since", copy=False)
    date_intake = fields.Datetime("Intake Meeting", copy=False)
    date_decision = fields.Date("Decided On", copy=False, readonly=True)
    decline_reason = fields.Text(copy=False)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        string="Municipality's Documents",
        help="The referral, the authorisation and other documents from the "
        "municipality.",
    )
    note = fields.Html("Intake Notes", copy=False)
    placement_id = fields.Many2one(
        "social.placement", readonly=True, copy=False, check_company=True
    )
    date_start = fields.Date(
        "Start", related="placement_id.date_start", store=True, readonly=True
    )
    days_to_start = fields.Integer(
        "Days from Referral to Start",
        compute="_compute_days_to_start",
        store=True,
        aggregator="avg",
        help="Days from the referral was received until the placement started.",
    )
    days_waiting = fields.Integer(compute="_compute_days_waiting", aggregator="avg")

    _person_given = models.Constraint(
        "CHECK(employee_id IS NOT NULL OR person_name IS NOT NULL)",
        "A referral needs the person: choose an employee or write a name.",
    )
    _hours_sane = models.Constraint(
        "CHECK(weekly_hours >= 0 AND weekly_hours <= 168)",
        "Weekly hours must be between 0 and 168.",
    )

    @api.depends("date_received", "placement_id.date_start", "placement_id.state")
    def _compute_days_to_start(self):
        for referral in self:
            placement = referral.placement_id
            referral.days_to_start = (
                (placement.date_start - referral.date_received).days
                if placement.state in ("active", "ended") and referral.date_received
                else 0
            )

    @api.depends("date_received", "date_waitlist", "state")
    def _compute_days_waiting(self):
        today = fields.Date.context_today(self)
        for referral in self:
            start = referral.date_waitlist or referral.date_received
            referral.days_waiting = (
                (today - start).days
                if start and referral.state in ("received", "waiting", "intake")
                else 0
            )

    @api.onchange("municipality_id")
    def _onchange_municipality_id(self):
        if self.case_worker_id.parent_id != self.municipality_id:
            self.case_worker_id = False

    @api.constrains("order_ref", "person_ref", "person_name", "authorisation_ref")
    def _check_not_cpr(self):
        names = ("order_ref", "person_ref", "person_name", "authorisation_ref")
        for referral in self:
            for field in names:
                if identifiers.looks_like_cpr(referral[field]):
                    raise ValidationError(
                        self.env._(
                            "%(field)s looks like a CPR number: CPR numbers are not "
                            "written on referrals.",
                            field=self._fields[field]._description_string(self.env),
                        )
                    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("social.referral") or "/"
                )
        return super().create(vals_list)

    def _display_person(self):
        self.ensure_one()
        return self.employee_id.name or self.person_name or ""

    @api.depends("name", "employee_id", "person_name")
    def _compute_display_name(self):
        for referral in self:
            referral.display_name = " - ".join(
                p for p in (referral.name, referral._display_person()) if p
            )

    # ------------------------------------------------------------------ steps
    def _check_open(self):
        for referral in self:
            if referral.state not in ("received", "waiting", "intake"):
                raise UserError(
                    self.env._(
                        "%(name)s is already decided.", name=referral.display_name
                    )
                )

    def action_waitlist(self):
        self._check_open()
        today = fields.Date.context_today(self)
        for referral in self:
            referral.write(
                {"state": "waiting", "date_waitlist": referral.date_waitlist or today}
            )
        return True

    def action_intake(self):
        self._check_open()
        self.write({"state": "intake"})
        return True

    def action_decline(self):
        self._check_open()
        if any(not r.decline_reason for r in self):
            raise UserError(self.env._("Write the reason for declining first."))
        self.write(
            {"state": "declined", "date_decision": fields.Date.context_today(self)}
        )
        return True

    def action_withdraw(self):
        self._check_open()
        self.write(
            {"state": "withdrawn", "date_decision": fields.Date.context_today(self)}
        )
        return True

    def action_accept(self):
        """Accept: the draft placement (and its authorisation) from the referral."""
        self._check_open()
        for referral in self:
            if not referral.date_wished_start:
                raise UserError(
                    self.env._(
                        "%(name)s: set the start date before accepting.",
                        name=referral.display_name,
                    )
                )
            if not referral.employee_id:
                referral.employee_id = referral._create_person()
            placement = self.env["social.placement"].create(
                referral._prepare_placement_vals()
            )
            auth_vals = referral._prepare_authorisation_vals(placement)
            if auth_vals:
                self.env["social.authorisation"].create(auth_vals)
            referral.write(
                {
                    "state": "accepted",
                    "placement_id": placement.id,
                    "date_decision": fields.Date.context_today(self),
                }
            )
            if referral.attachment_ids:
                referral.attachment_ids.copy(
                    {"res_model": "social.placement", "res_id": placement.id}
                )
        return self.action_open_placement() if len(self) == 1 else True

    def _create_person(self):
        """The person as an employee. sudo: coordinators register the people they
        take in without being HR officers; only the name and company are written."""
        self.ensure_one()
        return (
            self.env["hr.employee"]
            .sudo()
            .create({"name": self.person_name, "company_id": self.company_id.id})
            .sudo(False)
        )

    def _prepare_placement_vals(self):
        self.ensure_one()
        return {
            "employee_id": self.employee_id.id,
            "company_id": self.company_id.id,
            "scheme_id": self.scheme_id.id,
            "municipality_id": self.municipality_id.id,
            "case_worker_id": self.case_worker_id.id,
            "order_ref": self.order_ref,
            "person_ref": self.person_ref,
            "date_start": self.date_wished_start,
            "date_end": self.date_authorised_to,
            "weekly_hours": self.weekly_hours,
            "days_per_week": self.days_per_week,
            "rate_level": self.rate_level,
            "user_id": self.user_id.id,
        }

    def _prepare_authorisation_vals(self, placement):
        """The first authorised period, when the municipality gave an end."""
        self.ensure_one()
        if not self.date_authorised_to:
            return None
        return {
            "placement_id": placement.id,
            "reference": self.authorisation_ref,
            "date_from": self.date_wished_start,
            "date_to": self.date_authorised_to,
            "scheme_id": self.scheme_id.id,
            "rate_level": self.rate_level,
            "days_per_week": self.days_per_week,
            "weekly_hours": self.weekly_hours,
            "source": self.env._("Referral %(name)s", name=self.name),
        }

    def action_open_placement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "social.placement",
            "res_id": self.placement_id.id,
            "view_mode": "form",
        }
