"""Use cases. Each public method is one unit of work and returns domain DTOs. No Qt."""
