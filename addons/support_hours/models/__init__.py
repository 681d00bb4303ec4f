from . import support_need_category
