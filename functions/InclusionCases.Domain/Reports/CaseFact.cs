using InclusionCases.Domain.Cases;

namespace InclusionCases.Domain.Reports;

/// <summary>
/// What the reports count of a case: its type, its person's reported attributes, the day it was opened,
/// the move-in day if any, and the first day the person was no longer housed after it.
/// </summary>
public sealed record CaseFact(CaseType Type, ReportedPerson Person, DateOnly OpenedOn, DateOnly? MoveInDate, DateOnly? LeftHousingOn);
