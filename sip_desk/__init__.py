"""SIP Desk: coordinated individual plans (samordnad individuell plan)."""

__version__ = "0.1.0"
