from . import social_placement_end_wizard
