"""Base of the response models (the template's `...Public` models).

Responses keep keys a model does not declare yet (`extra="allow"`): a field a service adds reaches
the SPA at once instead of being dropped silently. The schema does not advertise them (no
`additionalProperties`), so the generated types stay exact: declare a field to make it part of
the contract.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


def _declared_only(schema: dict) -> None:
    schema.pop("additionalProperties", None)


class Public(BaseModel):
    model_config = ConfigDict(extra="allow", json_schema_extra=_declared_only)
