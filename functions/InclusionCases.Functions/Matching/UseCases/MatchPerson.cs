using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Matching.UseCases;

/// <summary>
/// Looks for the person a caller describes among the persons it may already see: for SocialWorkers and
/// Partners those with a case their organisation sees, for Mediators those their organisation's street
/// contacts name. Candidates come from the caller's own ranges of the match index, so nothing held
/// elsewhere is read on the caller's behalf, and every answer is checked again on the person's file.
/// Every call then goes, the same way whatever was found, to the <c>match-requests</c> queue, where the
/// holders of matches the caller may not see are looked for (<see cref="SendMatchRequests"/>): the answer
/// cannot tell whether anyone else holds the person.
/// </summary>
public sealed class MatchPerson(
    MatchIndex index, MatchCallLimit limit, MatchRequestStore requests, MatchCalls calls, PersonFileStore files, LinkedPersons linked, ContactStore contacts, IdentifierHasher hasher, AuditLog audit, TimeProvider clock)
{
    /// <summary>The most candidates answered, best first.</summary>
    public const int MaxCandidates = 10;

    /// <summary>The most persons scored per call, so a very common name costs a bounded number of reads.</summary>
    public const int MaxScored = 50;

    public async Task<MatchResponse> ExecuteAsync(Caller caller, MatchPersonRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var today = PlausibleDates.Today(now);
        Validate(request, today);
        var aliases = (request.Aliases ?? []).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var call = new MatchCallMessage(
            MatchRequestIds.New(now), caller.OrganisationId, caller.Id, now,
            request.DisplayName?.Trim() is { Length: > 0 } name ? name : null,
            aliases, request.BirthYear, request.Gender,
            request.Zone?.Trim() is { Length: > 0 } zone ? zone : null,
            PersonInputValidation.IdentifierHashes(request.Identifiers, today, hasher),
            [.. (request.Identifiers ?? []).Select(i => i.Scheme!.Value).Distinct()],
            []);

        // Counted and audited before anything is read: a refused call is audited as denied by the pipeline.
        await audit.RecordAttemptAsync(AuditAction.PersonMatch, Resource(call), null, cancellationToken);
        await limit.TakeAsync(caller.Id, cancellationToken);

        var found = await CandidatesAsync(caller, call.Profile, now, cancellationToken);
        // A read of each record whose id or cases are answered.
        await Task.WhenAll(found.SelectMany(f => f.Shown).Distinct(StringComparer.Ordinal).Select(personId => audit.WriteAsync(
            new AuditEntry(EntryIds.New(), now, caller.Id, caller.OrganisationId, AuditAction.PersonMatch, "persons/match/" + call.RequestId, personId, AuditOutcome.Allowed), cancellationToken)));

        var candidates = found.Select(f => f.Candidate).ToList();
        var sent = call with { Answered = [.. candidates.Select(c => c.PersonId)] };
        await requests.AddOutgoingAsync(sent, cancellationToken);
        await calls.SendAsync(sent, cancellationToken);
        return new MatchResponse(call.RequestId, candidates);
    }

    private async Task<IReadOnlyList<Found>> CandidatesAsync(Caller caller, MatchProfile query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partitions = MatchIndex.SearchPartitions(query);
        var reads = caller.IsIn(AppRole.SocialWorker) || caller.IsIn(AppRole.Partner);
        var meets = caller.IsIn(AppRole.Mediator);
        var ids = new List<string>();
        if (reads)
        {
            ids.AddRange(await index.FindForAsync(partitions, caller.OrganisationId, contacted: false, cancellationToken));
        }

        if (meets)
        {
            ids.AddRange(await index.FindForAsync(partitions, caller.OrganisationId, contacted: true, cancellationToken));
        }

        var scored = await Task.WhenAll(ids.Distinct(StringComparer.Ordinal).Take(MaxScored).Select(async personId =>
            (reads ? await AsReaderAsync(caller, query, personId, now, cancellationToken) : null)
            ?? (meets ? await AsMediatorAsync(caller, query, personId, cancellationToken) : null)));

        // One answer per person: a record linked to a better one is answered within it.
        var answered = new List<Found>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var found in scored.OfType<Found>().OrderByDescending(f => f.Candidate.Score).ThenBy(f => f.Candidate.PersonId, StringComparer.Ordinal))
        {
            if (taken.Add(found.Candidate.PersonId))
            {
                taken.UnionWith(found.Records);
                answered.Add(found);
            }
        }

        return [.. answered.Take(MaxCandidates)];
    }

    // A SocialWorker or Partner: scored on the person as indexed; answered only if the caller sees the
    // person on the file now, with the cases it sees of the person and of the records linked to it.
    private async Task<Found?> AsReaderAsync(Caller caller, MatchProfile query, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await index.ProfileAsync(personId, cancellationToken) is not { } profile || PersonMatcher.Score(query, profile) is not { IsMatch: true } score)
        {
            return null;
        }

        var file = await files.LoadAsync(personId, cancellationToken);
        if (file.Person is null || file.Person.Value.ErasedAt is not null || !file.Access.SeesPerson(caller.OrganisationId, now))
        {
            return null;
        }

        var records = await linked.OfAsync(file, cancellationToken);
        var seen = records.Where(r => r.Person?.Value.ErasedAt is null)
            .Select(r => (r.PersonId, Cases: r.Access.Cases.Where(c => r.Access.Sees(caller.OrganisationId, c, now)).Select(c => c.CaseId).ToList()))
            .Where(r => r.Cases.Count > 0)
            .ToList();
        return new Found(
            new MatchCandidate(personId, [.. seen.SelectMany(r => r.Cases).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], Math.Round(score.Score, 2), score.Reasons),
            [.. records.Select(r => r.PersonId)],
            [.. seen.Select(r => r.PersonId)]);
    }

    // A Mediator reads no case file: a person its organisation's contacts name is scored only on what those
    // contacts say (aliases and zones), so an answer never confirms a name, year or number from a case file.
    private async Task<Found?> AsMediatorAsync(Caller caller, MatchProfile query, string personId, CancellationToken cancellationToken)
    {
        var own = (await contacts.AllOutreachAsync(personId, cancellationToken)).Where(c => c.OrganisationId == caller.OrganisationId).Select(c => c.Contact).ToList();
        var met = new MatchProfile(
            null,
            [.. own.Select(c => c.Alias).OfType<string>().Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase)],
            null,
            null,
            [.. own.Select(c => c.Zone).Distinct(StringComparer.OrdinalIgnoreCase)],
            []);
        return own.Count > 0 && PersonMatcher.Score(query, met) is { IsMatch: true } score
            ? new Found(new MatchCandidate(personId, [], Math.Round(score.Score, 2), score.Reasons), [personId], [personId])
            : null;
    }

    private static void Validate(MatchPersonRequest request, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Optional("displayName", request.DisplayName, FieldErrors.MaxNameLength);
        if (request.Aliases is { } aliases)
        {
            if (aliases.Length > MatchPersonRequest.MaxAliases)
            {
                errors.Add("aliases", ApiText.AtMostAliases(MatchPersonRequest.MaxAliases));
            }
            else
            {
                for (var i = 0; i < aliases.Length; i++)
                {
                    errors.Required($"aliases[{i}]", aliases[i], FieldErrors.MaxNameLength);
                }
            }
        }

        if (request.BirthYear is { } year && (year < 1900 || year > today.Year))
        {
            errors.Add("birthYear", ApiText.BirthYearRange(today.Year));
        }

        errors.Optional("zone", request.Zone, StreetContactRules.MaxZoneLength);
        PersonInputValidation.ValidateIdentifiers(errors, "identifiers", request.Identifiers, today);
        var given = new[]
        {
            !string.IsNullOrWhiteSpace(request.DisplayName),
            request.Aliases is { Length: > 0 },
            request.BirthYear is not null,
            request.Gender is not null,
            !string.IsNullOrWhiteSpace(request.Zone),
            request.Identifiers is { Length: > 0 },
        }.Count(g => g);
        if (given < MatchPersonRequest.MinFields)
        {
            errors.Add("$", ApiText.MatchFieldsTooFew(MatchPersonRequest.MinFields));
        }

        errors.ThrowIfAny();
    }

    // The audit keeps which fields were sent and a keyed digest of each, never a value.
    private string Resource(MatchCallMessage call)
    {
        var fields = new List<string>();
        void Add(string field, string? value)
        {
            if (value is not null)
            {
                fields.Add($"{field}={hasher.Digest(field, value)}");
            }
        }

        Add("displayName", call.DisplayName is null ? null : PersonNames.Key(call.DisplayName));
        Add("aliases", call.Aliases.Count == 0 ? null : string.Join('|', call.Aliases.Select(PersonNames.Key).Order(StringComparer.Ordinal)));
        Add("birthYear", call.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("gender", call.Gender?.ToString());
        Add("zone", call.Zone?.ToLowerInvariant());
        Add("identifiers", call.IdentifierHashes.Count == 0 ? null : string.Join('|', call.IdentifierHashes.Order(StringComparer.Ordinal)));
        return $"persons/match/{call.RequestId}?{string.Join('&', fields)}";
    }

    // A candidate, the records that stand for the same person, and those whose cases it shows.
    private sealed record Found(MatchCandidate Candidate, IReadOnlyList<string> Records, IReadOnlyList<string> Shown);
}
