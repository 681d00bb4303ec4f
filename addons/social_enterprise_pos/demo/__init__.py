from . import social_pos_demo
