"""The PySide6 user interface. Never imports sqlalchemy or sip_desk.db at import time."""
