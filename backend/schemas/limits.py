"""Input limits shared by the request schemas and the services that enforce them again in depth."""

MAX_PROMPT_CHARS = 16_000
MAX_NEW_TOKENS = 4096
