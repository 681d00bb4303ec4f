from . import capacity
