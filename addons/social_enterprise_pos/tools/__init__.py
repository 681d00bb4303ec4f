from . import till
