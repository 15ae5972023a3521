"""Pure domain layer: value objects, DTOs and rules. Standard library only."""
