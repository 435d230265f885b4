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

        var candidates = await CandidatesAsync(caller, call.Profile, now, cancellationToken);
        await Task.WhenAll(candidates.Select(c => audit.WriteAsync(
            new AuditEntry(EntryIds.New(), now, caller.Id, caller.OrganisationId, AuditAction.PersonMatch, "persons/match/" + call.RequestId, c.PersonId, AuditOutcome.Allowed), cancellationToken)));

        var sent = call with { Answered = [.. candidates.Select(c => c.PersonId)] };
        await requests.AddOutgoingAsync(sent, cancellationToken);
        await calls.SendAsync(sent, cancellationToken);
        return new MatchResponse(call.RequestId, candidates);
    }

    private async Task<IReadOnlyList<MatchCandidate>> CandidatesAsync(Caller caller, MatchProfile query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var partitions = MatchIndex.FindPartitions(query);
        var reads = caller.IsIn(AppRole.SocialWorker) || caller.IsIn(AppRole.Partner);
        var meets = caller.IsIn(AppRole.Mediator);
        var found = new List<string>();
        if (reads)
        {
            found.AddRange(await index.FindForAsync(partitions, caller.OrganisationId, contacted: false, cancellationToken));
        }

        if (meets)
        {
            found.AddRange(await index.FindForAsync(partitions, caller.OrganisationId, contacted: true, cancellationToken));
        }

        var scored = await Task.WhenAll(found.Distinct(StringComparer.Ordinal).Take(MaxScored).Select(async Task<(MatchCandidate Candidate, IReadOnlyList<string> Records)?> (personId) =>
        {
            var profile = await index.ProfileAsync(personId, cancellationToken);
            var score = profile is null ? null : PersonMatcher.Score(query, profile);
            if (score is not { IsMatch: true })
            {
                return null;
            }

            // The index only proposes: whether the caller sees the person is decided on the file now,
            // with the records linked to it, which are the same person.
            var (caseIds, records) = reads ? await VisibleCasesAsync(caller, personId, now, cancellationToken) : ((IReadOnlyList<string>)[], (IReadOnlyList<string>)[personId]);
            var met = meets && caseIds.Count == 0 && await MetAsync(caller.OrganisationId, personId, cancellationToken);
            return caseIds.Count > 0 || met ? (new MatchCandidate(personId, caseIds, Math.Round(score.Score, 2), score.Reasons), records) : null;
        }));

        // One answer per person: a record linked to a better one is answered within it.
        var answered = new List<MatchCandidate>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (candidate, records) in scored.OfType<(MatchCandidate Candidate, IReadOnlyList<string> Records)>().OrderByDescending(c => c.Candidate.Score).ThenBy(c => c.Candidate.PersonId, StringComparer.Ordinal))
        {
            if (taken.Add(candidate.PersonId))
            {
                taken.UnionWith(records);
                answered.Add(candidate);
            }
        }

        return [.. answered.Take(MaxCandidates)];
    }

    // The cases of the person the caller sees, with those of the records linked to it; and the ids of those records.
    private async Task<(IReadOnlyList<string> CaseIds, IReadOnlyList<string> Records)> VisibleCasesAsync(Caller caller, string personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var file = await files.LoadAsync(personId, cancellationToken);
        if (file.Person is null || file.Person.Value.ErasedAt is not null || !file.Access.SeesPerson(caller.OrganisationId, now))
        {
            return ([], [personId]);
        }

        var records = await linked.OfAsync(file, cancellationToken);
        var caseIds = records.Where(r => r.Person?.Value.ErasedAt is null)
            .SelectMany(r => r.Access.Cases.Where(c => r.Access.Sees(caller.OrganisationId, c, now)).Select(c => c.CaseId));
        return ([.. caseIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], [.. records.Select(r => r.PersonId)]);
    }

    private async Task<bool> MetAsync(string organisationId, string personId, CancellationToken cancellationToken) =>
        (await contacts.AllOutreachAsync(personId, cancellationToken)).Any(c => c.OrganisationId == organisationId);

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
}
