using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.ReferenceAddresses.Contracts;

namespace InclusionCases.Functions.ReferenceAddresses.UseCases;

/// <summary>
/// Sets the person's reference address at the caller's CPAS (a holder of the person): when it began
/// and the last check-in. The projector then keeps one open check-in task on the CPAS's open cases,
/// due three calendar months after the last check-in.
/// </summary>
public sealed class SetReferenceAddress(PersonFileAccess files, PersonFileWriter writer, CpasCheck cpas, TimeProvider clock)
{
    public async Task<ReferenceAddressResponse> ExecuteAsync(Caller caller, string personId, ReferenceAddressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var today = PlausibleDates.Today(clock.GetUtcNow());
        var errors = new FieldErrors();
        if (request.Since is null)
        {
            errors.Add("since", Domain.Text.DomainText.Required);
        }

        if (request.LastCheckIn is null)
        {
            errors.Add("lastCheckIn", Domain.Text.DomainText.Required);
        }

        if (request is { Since: { } since, LastCheckIn: { } last } && ReferenceAddress.Problem(since, last, today) is { } problem)
        {
            errors.Add(since > today ? "since" : "lastCheckIn", problem);
        }

        errors.ThrowIfAny();
        var file = await files.LoadPersonForChangeAsync(caller, ApiOperation.SetReferenceAddress, personId, "personId", cancellationToken);
        await cpas.RequireCpasAsync(caller, cancellationToken);

        if (file.ReferenceAddress is { } kept && kept.Value.OrganisationId != caller.OrganisationId)
        {
            // One CPAS keeps it; another taking it over would close that CPAS's reminders for nothing.
            throw ApiProblemException.Conflict(ApiText.ReferenceAddressKeptElsewhere);
        }

        var address = new ReferenceAddress(caller.OrganisationId, request.Since!.Value, request.LastCheckIn!.Value);
        var change = writer.Begin(personId, caller, "referenceAddress.set");
        var row = CaseEntities.ToEntity(address, personId);
        _ = file.ReferenceAddress is { } current ? change.Replace(row, current.ETag) : change.Insert(row);
        await writer.CommitAsync(change, cancellationToken);
        return ReferenceAddressResponse.From(address);
    }
}
