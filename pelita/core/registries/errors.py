"""The one exception type for a registry file that cannot be used as it is."""


class RegistryError(ValueError):
    """A registry file is missing, malformed, or names something unknown.

    The message names the file, the line or field, the value, and the fix.
    """
