using System.Text.RegularExpressions;
using InclusionCases.Domain.Access;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Consents.UseCases;

/// <summary>
/// Records a person's consent to share with named organisations. Only a holder's social worker may
/// (an organisation leading one of the person's cases); the event goes on the timelines of the cases
/// the recording organisation leads, and nowhere else, so no other holder learns of it there.
/// </summary>
public sealed partial class RecordConsent(PersonFileAccess files, PersonFileWriter writer, OrganisationRepository organisations, TimeProvider clock)
{
    public const int MaxOrganisations = 20;
    public const int MaxEvidenceLength = 2_000;
    public const int MaxYears = 10;

    public async Task<ConsentResponse> ExecuteAsync(Caller caller, string personId, ConsentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var today = Domain.Time.PlausibleDates.Today(clock.GetUtcNow());
        if (!RecordIds.IsPersonId(personId))
        {
            throw ApiProblemException.Invalid("personId", DomainText.NotAPersonId);
        }

        var errors = new FieldErrors();
        var organisationIds = request.OrganisationIds ?? [];
        if (organisationIds.Length is 0 or > MaxOrganisations)
        {
            errors.Add("organisationIds", ApiText.OrganisationIdsCount(MaxOrganisations));
        }
        else if (organisationIds.Any(o => o is null || !OrganisationId().IsMatch(o)))
        {
            errors.Add("organisationIds", ApiText.OrganisationIdsFormat);
        }

        var scope = request.Scope ?? [];
        if (!scope.Contains(ConsentScope.Case))
        {
            errors.Add("scope", ApiText.ConsentScopeValues);
        }

        if (request.ExpiresOn is not { } expiresOn || expiresOn < today || expiresOn > today.AddYears(MaxYears))
        {
            errors.Add("expiresOn", ApiText.ExpiresOnRange(MaxYears));
        }

        errors.Required("evidence", request.Evidence, MaxEvidenceLength, allowLineBreaks: true);
        errors.ThrowIfAny();

        var distinct = organisationIds.Distinct(StringComparer.Ordinal).ToArray();
        var known = await Task.WhenAll(distinct.Select(o => organisations.FindAsync(o, cancellationToken)));
        if (known.Any(o => o is null))
        {
            throw ApiProblemException.Invalid("organisationIds", ApiText.UnknownOrganisations(string.Join(", ", distinct.Where((_, i) => known[i] is null))));
        }

        var file = await files.LoadPersonForChangeAsync(caller, ApiOperation.RecordConsent, personId, "personId", cancellationToken);
        var change = writer.Begin(personId, caller, "consent.recorded");
        var consent = new Consent(RecordIds.NewConsentId(), personId, distinct, scope.ToHashSet(), request.ExpiresOn!.Value, request.Evidence!.Trim(), caller.Id, caller.OrganisationId, change.Now, null);
        var detail = new Dictionary<string, string>
        {
            ["consentId"] = consent.Id,
            ["organisationIds"] = string.Join(',', consent.OrganisationIds),
            ["scope"] = string.Join(',', consent.Scope.Order().Select(s => s.ToString().ToLowerInvariant())),
        };
        change.Add(CaseEntities.ToEntity(consent));
        foreach (var led in file.Cases.Where(c => c.Value.LeadOrganisationId == caller.OrganisationId))
        {
            change.Timeline(led.Value, TimelineKind.ConsentRecorded, detail);
        }

        await writer.CommitAsync(change, cancellationToken);
        return ConsentResponse.From(consent);
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,63}\z")]
    private static partial Regex OrganisationId();
}
