"""The what-if app's own limits, one declaration for the levers' checks, the ranges the
page shows and the command line's options (the schema's limits are for batch runs)."""

MAX_YEARS = 20
MAX_REPLICATIONS = 64
MIN_REPLICATIONS = 2            # a paired interval needs two
DEFAULT_REPLICATIONS = 16       # the refined answer's replications
FIRST_REPLICATIONS = 4          # the first answer's
