"""Legal figures and rules kept once, as data: shown in any text as `((id))`, with their change dates."""
