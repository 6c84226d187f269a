"""Base of the response models (the template's `...Public` models).

Responses keep keys a model does not declare yet (`extra="allow"`): a field a service adds reaches
the SPA at once (typed as `unknown` until it is declared here), instead of being dropped silently.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Public(BaseModel):
    model_config = ConfigDict(extra="allow")
