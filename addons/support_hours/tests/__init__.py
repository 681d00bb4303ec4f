from . import test_need_category
