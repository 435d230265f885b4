using System.Globalization;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Oversight;

/// <summary>
/// <c>GET /api/audit</c> for the data-protection officer, served from the audit partitions: the
/// person's when <c>personId</c> is given, else the actor's, else one day partition after another
/// (newest first) over at most <see cref="MaxDays"/> days. Denied attempts are included.
/// </summary>
public sealed class AuditQueries(AuditLog audit, TimeProvider clock)
{
    public const int MaxDays = 31;

    public async Task<PageResponse<AuditItem>> ListAsync(Caller caller, string? personId, string? actorId, DateTimeOffset? from, DateTimeOffset? to, Paging paging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(paging);
        await audit.RecordAttemptAsync(AuditAction.AuditRead, personId is null ? "audit" : "person/" + personId, null, cancellationToken);
        var errors = new FieldErrors();
        if (personId is not null && !RecordIds.IsPersonId(personId))
        {
            errors.Add("personId", DomainText.NotAPersonId);
        }

        if (actorId is not null && (!TableKeys.IsValid(actorId) || actorId.Length > 128))
        {
            errors.Add("actorId", ApiText.NotAUserId);
        }

        if (from is { } f && to is { } t && f > t)
        {
            errors.Add("from", ApiText.MustBeBeforeTo);
        }

        errors.ThrowIfAny();
        if (personId is not null || actorId is not null)
        {
            var partition = personId is not null ? AuditLog.PersonPartition(personId) : AuditLog.ActorPartition(actorId!);
            var (items, token) = await audit.ReadAsync(partition, from, to, personId is not null ? actorId : null, paging, cancellationToken);
            return new PageResponse<AuditItem>([.. items.Select(AuditItem.From)], Paging.Encode(token));
        }

        return await ByDayAsync(from, to, paging, cancellationToken);
    }

    // The cursor is "yyyy-MM-dd|table token": the day being read and where in it.
    private async Task<PageResponse<AuditItem>> ByDayAsync(DateTimeOffset? from, DateTimeOffset? to, Paging paging, CancellationToken cancellationToken)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        var firstDay = DateOnly.FromDateTime(start.UtcDateTime);
        var day = DateOnly.FromDateTime(end.UtcDateTime);
        if (day.DayNumber - firstDay.DayNumber >= MaxDays)
        {
            throw ApiProblemException.Invalid("from", ApiText.AuditRange(MaxDays));
        }

        string? token = null;
        if (paging.ContinuationToken is { } cursor)
        {
            var parts = cursor.Split('|', 2);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) || day > DateOnly.FromDateTime(end.UtcDateTime) || day < firstDay)
            {
                throw ApiProblemException.Invalid("cursor", ApiText.NotACursorOfQuery);
            }

            token = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        }

        var items = new List<AuditItem>();
        while (day >= firstDay)
        {
            var (page, next) = await audit.ReadAsync(AuditLog.DayPartition(day), start, end, null, paging with { Limit = paging.Limit - items.Count, ContinuationToken = token }, cancellationToken);
            items.AddRange(page.Select(AuditItem.From));
            if (next is not null)
            {
                return new PageResponse<AuditItem>(items, Paging.Encode(Cursor(day, next)));
            }

            day = day.AddDays(-1);
            token = null;
            if (items.Count >= paging.Limit)
            {
                return new PageResponse<AuditItem>(items, day >= firstDay ? Paging.Encode(Cursor(day, null)) : null);
            }
        }

        return new PageResponse<AuditItem>(items, null);
    }

    private static string Cursor(DateOnly day, string? token) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "|" + token;
}
