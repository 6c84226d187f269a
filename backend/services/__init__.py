"""Services hold the logic; routers in backend.api stay thin."""
