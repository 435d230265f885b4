using System.Text.RegularExpressions;
using Azure.Data.Tables;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Functions.Cases;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;

namespace InclusionCases.Functions.Consents;

/// <summary>
/// Records and revokes a person's consents. Only a social worker of the lead organisation of one of
/// the person's cases may. A revocation ends the access it granted at once: access is decided on the
/// consent rows at every request, never on a cached copy.
/// </summary>
public sealed partial class ConsentService(CaseStore store, CaseService cases, OrganisationRepository organisations, CaseEventPublisher events, TimeProvider clock)
{
    public const int MaxOrganisations = 20;
    public const int MaxEvidenceLength = 2_000;
    public const int MaxYears = 10;

    public async Task<ConsentResponse> RecordAsync(Caller caller, string personId, ConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        RequirePersonId(personId);
        var errors = new FieldErrors();
        var organisationIds = request.OrganisationIds ?? [];
        if (organisationIds.Length is 0 or > MaxOrganisations)
        {
            errors.Add("organisationIds", $"From 1 to {MaxOrganisations} organisation ids.");
        }
        else if (organisationIds.Any(o => o is null || !OrganisationId().IsMatch(o)))
        {
            errors.Add("organisationIds", "Organisation ids such as \"habitat-asbl\".");
        }

        var scope = request.Scope ?? [];
        if (!scope.Contains(ConsentScope.Case))
        {
            errors.Add("scope", "[\"case\"] or [\"case\", \"sensitive\"].");
        }

        if (request.ExpiresOn is not { } expiresOn || expiresOn < today || expiresOn > today.AddYears(MaxYears))
        {
            errors.Add("expiresOn", $"A date from today to {MaxYears} years ahead.");
        }

        errors.Required("evidence", request.Evidence, MaxEvidenceLength);
        errors.ThrowIfAny();

        var distinct = organisationIds.Distinct(StringComparer.Ordinal).ToArray();
        var known = await Task.WhenAll(distinct.Select(o => organisations.FindAsync(o, cancellationToken)));
        if (known.Any(o => o is null))
        {
            throw ApiProblemException.Invalid("organisationIds", "Unknown organisation: " + string.Join(", ", distinct.Where((_, i) => known[i] is null)) + ".");
        }

        var partition = await cases.AuthorizePersonAsync(caller, personId, ApiOperation.RecordConsent, "consent.record", cancellationToken);
        var consent = new Consent(RecordIds.NewConsentId(), personId, distinct, scope.ToHashSet(), request.ExpiresOn!.Value, request.Evidence!.Trim(), caller.Id, caller.OrganisationId, now, null);
        var detail = new Dictionary<string, string>
        {
            ["consentId"] = consent.Id,
            ["organisationIds"] = string.Join(',', consent.OrganisationIds),
            ["scope"] = string.Join(',', consent.Scope.Order().Select(CaseService.Name)),
        };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(consent)) };
        actions.AddRange(partition.Cases.Select(c => CaseService.Timeline(caller, c.Value, TimelineKind.ConsentRecorded, now, detail)));
        actions.Add(CaseService.Outbox(personId, "consent.recorded", now));
        await store.SubmitAsync(actions, cancellationToken);
        await events.PublishAsync(personId, cancellationToken);
        return ConsentResponse.From(consent);
    }

    public async Task RevokeAsync(Caller caller, string personId, string consentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequirePersonId(personId);
        if (!RecordIds.IsConsentId(consentId))
        {
            throw ApiProblemException.Invalid("consentId", "Not a consent id.");
        }

        var partition = await cases.AuthorizePersonAsync(caller, personId, ApiOperation.RevokeConsent, "consent.revoke", cancellationToken);
        var stored = partition.Consent(consentId) ?? throw ApiProblemException.NotFound("consent");
        if (stored.Value.RevokedAt is not null)
        {
            return; // Revoking twice is the same as revoking once.
        }

        var now = clock.GetUtcNow();
        var revoked = stored.Value with { RevokedAt = now };
        var detail = new Dictionary<string, string> { ["consentId"] = consentId, ["organisationIds"] = string.Join(',', revoked.OrganisationIds) };
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(revoked), stored.ETag) };
        actions.AddRange(partition.Cases.Select(c => CaseService.Timeline(caller, c.Value, TimelineKind.ConsentRevoked, now, detail)));
        actions.Add(CaseService.Outbox(personId, "consent.revoked", now));
        await store.SubmitAsync(actions, cancellationToken);
        await events.PublishAsync(personId, cancellationToken);
    }

    private static void RequirePersonId(string personId)
    {
        if (!RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.Invalid("personId", "Not a person id.");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,63}\z")]
    private static partial Regex OrganisationId();
}
