using System.Globalization;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Reports;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Reports.Contracts;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Reports.UseCases;

/// <summary>A Coordinator opens a night count for a night, a window and zones; its tallies are the street contacts that fall in them, however late they are uploaded.</summary>
public sealed class OpenNightCount(NightCounts counts, NightCountTallies tallies, AuditLog audit, TimeProvider clock)
{
    public async Task<NightCountResponse> ExecuteAsync(Caller caller, OpenNightCountRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        DateOnly? night = null;
        if (!DateOnly.TryParseExact(request.Night, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add("night", ApiText.DateFormat);
        }
        else if (PlausibleDates.Check(day, now) is { } problem)
        {
            errors.Add("night", problem);
        }
        else
        {
            night = day;
        }

        var from = Time(request.From, "from", errors);
        var to = Time(request.To, "to", errors);
        if (from is { } f && to is { } t && f == t)
        {
            errors.Add("to", ApiText.NightCountWindow);
        }

        var zones = Zones(request.Zones, errors);
        errors.ThrowIfAny();

        var count = new NightCount("nc" + EntryIds.Random(16), night!.Value, from!.Value, to!.Value, zones, caller.Id, caller.OrganisationId, now);
        await audit.RecordAttemptAsync(AuditAction.NightCountOpen, "counts/" + count.Id, null, cancellationToken);
        await counts.AddAsync(count, cancellationToken);
        return await tallies.OfAsync(count, cancellationToken);
    }

    private static TimeOnly? Time(string? text, string field, FieldErrors errors)
    {
        if (text is { Length: 5 } && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        errors.Add(field, ApiText.ClockTime);
        return null;
    }

    private static List<string> Zones(IReadOnlyList<string?>? zones, FieldErrors errors)
    {
        if (zones is null || zones.Count is 0 or > OpenNightCountRequest.MaxZones)
        {
            errors.Add("zones", ApiText.NightCountZones(OpenNightCountRequest.MaxZones));
            return [];
        }

        var kept = new List<string>();
        for (var i = 0; i < zones.Count; i++)
        {
            var before = errors.Any;
            errors.Required($"zones[{i}]", zones[i], StreetContactRules.MaxZoneLength);
            if (errors.Any && !before)
            {
                continue;
            }

            if (kept.Any(k => Breakdowns.Normalise(k) == Breakdowns.Normalise(zones[i]!)))
            {
                errors.Add($"zones[{i}]", ApiText.NightCountZoneTwice);
                continue;
            }

            kept.Add(zones[i]!.Trim());
        }

        return kept;
    }
}
