from odoo import fields, models


class SocialAbsenceReason(models.Model):
    """Why a person is not there: ill, at the doctor's, an agreed day off, holiday,
    away without notice, late. Shipped as data; each reason says whether it counts
    as announced absence (municipalities ask for the unannounced one) and which
    pictogram the kiosk shows."""

    _name = "social.absence.reason"
    _description = "Absence Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kiosk_label = fields.Char(
        "Kiosk Text",
        translate=True,
        help='What the participant taps on the kiosk, in plain words ("I am ill '
        'today"). Empty: not offered on the kiosk.',
    )
    code = fields.Char(required=True)
    notice_category = fields.Char(
        "Category for the Case Worker",
        translate=True,
        help="What the same-day notice to the case worker says about the reason: a "
        "category, never health details.",
    )
    sequence = fields.Integer(default=10)
    icon = fields.Char(
        "Pictogram", default="fa-question", help="Font Awesome icon of the kiosk."
    )
    announced = fields.Boolean(
        default=True, help="The person let us know (not a no-show)."
    )
    is_late = fields.Boolean(
        "Lateness", help="The person came, later than planned: not an absent day."
    )
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "An absence code is unique.")
