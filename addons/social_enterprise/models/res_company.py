import logging
import uuid

from odoo import Command, fields, models

from ..tools import ratio

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    # The ratio rule (rimelighedskrav): see tools/ratio.py.
    ratio_per_small = fields.Integer(
        "Ratio: Ordinary Employees per Person",
        default=5,
        help="One person in wage subsidy or work placement per this many ordinary "
        "employees of a production unit...",
    )
    ratio_threshold = fields.Integer(
        "Ratio: Up To", default=50, help="...up to this many ordinary employees..."
    )
    ratio_per_large = fields.Integer(
        "Ratio: Ordinary Employees per Person Above",
        default=10,
        help="...then one per this many ordinary employees beyond.",
    )

    _ratio_positive = models.Constraint(
        "CHECK(ratio_per_small > 0 AND ratio_per_large > 0 AND ratio_threshold >= 0)",
        "The ratio rule needs positive divisors.",
    )

    def _ratio_allowed(self, ordinary):
        """People in wage subsidy or work placement allowed for ``ordinary`` staff."""
        self.ensure_one()
        return ratio.allowed_subsidised(
            ordinary,
            per_small=self.ratio_per_small,
            threshold=self.ratio_threshold,
            per_large=self.ratio_per_large,
        )

    def _cron_for_each(self, job, label):
        """Run ``job(company)`` for each company of ``self``, each in its own
        savepoint: an error rolls back that company's work only, is logged, and
        the next company still runs. Scheduled jobs that work per company (the
        monthly billing run, the daily follow-ups) go through here.

        Returns the companies whose job failed.
        """
        failed = self.browse()
        for company in self:
            try:
                with self.env.cr.savepoint():
                    job(company)
            except Exception:  # noqa: BLE001 - one company must not stop the others
                _logger.exception("%s failed for company %s", label, company.name)
                failed |= company
        return failed

    # The participants' kiosk (controllers/kiosk.py).
    social_kiosk_token = fields.Char(
        "Kiosk Token",
        copy=False,
        groups="social_enterprise.social_enterprise_group_manager",
        default=lambda self: uuid.uuid4().hex,
        help="The secret part of the kiosk's address. Renew it to lock out a lost "
        "tablet.",
    )
    social_kiosk_show_names = fields.Boolean(
        "Kiosk: Show First Names",
        default=True,
        help="Below the pictograms. Off: people find themselves by picture alone.",
    )
    social_kiosk_use_pin = fields.Boolean(
        "Kiosk: Ask for the PIN",
        help="People who have a PIN (employee form, HR settings) type it before "
        "checking in or out.",
    )
    social_kiosk_grace_minutes = fields.Integer(
        "Kiosk: Minutes Before Late",
        default=10,
        help="A check-in this many minutes after the planned start is recorded as "
        "late.",
    )

    social_kiosk_user_id = fields.Many2one(
        "res.users",
        "Kiosk Account",
        copy=False,
        readonly=True,
        groups="social_enterprise.social_enterprise_group_manager",
        help="The account the kiosk acts as: attendances, absences and answers "
        "recorded on the kiosk carry it as their author. Nobody can log in with it.",
    )

    def _get_social_kiosk_user(self):
        """The kiosk's own account, created the first time the kiosk is opened: a
        portal-type user of this company in the kiosk group only, without a
        password (nobody can log in with it) and with no access rights of its own."""
        self.ensure_one()
        company = self.sudo()
        if company.social_kiosk_user_id:
            return company.social_kiosk_user_id
        user = (
            self.env["res.users"]
            .sudo()
            .with_context(no_reset_password=True, tracking_disable=True)
            .create(
                {
                    "name": self.env._(
                        "Participants' kiosk (%(company)s)", company=self.name
                    ),
                    "login": f"social-kiosk-{self.id}",
                    "company_id": self.id,
                    "company_ids": [Command.set(self.ids)],
                    "group_ids": [
                        Command.set(
                            [
                                self.env.ref("base.group_portal").id,
                                self.env.ref(
                                    "social_enterprise.social_enterprise_group_kiosk"
                                ).id,
                            ]
                        )
                    ],
                }
            )
        )
        company.social_kiosk_user_id = user
        return user

    def _get_social_kiosk_url(self):
        self.ensure_one()
        base = self.get_base_url()
        return f"{base}/social_kiosk/{self.sudo().social_kiosk_token}"

    def action_renew_social_kiosk_token(self):
        for company in self:
            company.sudo().social_kiosk_token = uuid.uuid4().hex
        return True

    employer_status_ids = fields.One2many(
        "social.employer.status", "company_id", "Public or Private Employer"
    )

    def _get_employer_status(self, day):
        """The status record in force on ``day`` (possibly empty: private)."""
        self.ensure_one()
        # The status is company configuration read by placements and claims of any
        # user; it holds no personal data.
        return (
            self.env["social.employer.status"]
            .sudo()
            .search(
                [("company_id", "=", self.id), ("date_from", "<=", day)],
                order="date_from desc",
                limit=1,
            )
        )

    def _get_employer_kind(self, day):
        self.ensure_one()
        return self._get_employer_status(day).employer_kind or "private"
