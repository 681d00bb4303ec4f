from . import test_tools
from . import test_cafe_till
