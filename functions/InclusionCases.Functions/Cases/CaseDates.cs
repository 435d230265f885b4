using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;

namespace InclusionCases.Functions.Cases;

/// <summary>
/// The dates a case update may carry, checked with <see cref="PlausibleDates"/>: a move-in from
/// 2000-01-01 to a year ahead (it may be planned), a closure and a PIIS signing not in the future and,
/// once the case is read, a closure not before the day it was opened.
/// </summary>
public static class CaseDates
{
    /// <summary>The checks that need no stored case; run with the other field checks.</summary>
    public static void Validate(FieldErrors errors, UpdateCaseRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Housing?.MoveInDate is { } moveIn && PlausibleDates.Check(moveIn, now) is { } moveInProblem)
        {
            errors.Add("housing.moveInDate", moveInProblem);
        }

        if (request.Closure?.Date is { } closed && PlausibleDates.CheckPast(closed, now) is { } closureProblem)
        {
            errors.Add("closure.date", closureProblem);
        }

        if (request.Piis?.SignedOn is { } signed && PlausibleDates.CheckPast(signed, now) is { } piisProblem)
        {
            errors.Add("piis.signedOn", piisProblem);
        }
    }

    /// <summary>A 400 when the closure date sent is before the day <paramref name="current"/> was opened.</summary>
    public static void ThrowIfClosedBeforeOpened(UpdateCaseRequest request, CaseFile current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(current);
        if (request.Closure?.Date is { } closed && PlausibleDates.CheckPast(closed, now, PlausibleDates.DayOf(current.CreatedAt)) is { } problem)
        {
            throw ApiProblemException.Invalid("closure.date", problem);
        }
    }
}
