from . import test_accommodation
