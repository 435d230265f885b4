using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Time;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.ReferenceAddresses.Contracts;

namespace InclusionCases.Functions.ReferenceAddresses.UseCases;

/// <summary>
/// Records that the person reported to the CPAS keeping their reference address. The check-in's id is
/// made on the client, so a phone sending it again gets the same answer (200) and nothing changes; the
/// same id for another day is 409. The check-in row and the address's new last check-in are one
/// change of the person's file.
/// </summary>
public sealed class RecordCheckIn(PersonFileAccess files, PersonFileWriter writer, CpasCheck cpas, TimeProvider clock)
{
    public async Task<(bool Created, ReferenceAddressResponse Address)> ExecuteAsync(Caller caller, string personId, CheckInRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var today = PlausibleDates.Today(clock.GetUtcNow());
        var errors = new FieldErrors();
        if (!Guid.TryParseExact(request.Id, "D", out var id))
        {
            errors.Add("id", ApiText.CheckInIdFormat);
        }

        if (request.On is null)
        {
            errors.Add("on", Domain.Text.DomainText.Required);
        }

        errors.ThrowIfAny();
        var checkInId = id.ToString("D");
        var on = request.On!.Value;
        var file = await files.LoadPersonForChangeAsync(caller, ApiOperation.RecordCheckIn, personId, "personId", cancellationToken);
        await cpas.RequireCpasAsync(caller, cancellationToken);
        var stored = file.ReferenceAddress ?? throw ApiProblemException.Conflict(ApiText.NoReferenceAddress);
        if (stored.Value.OrganisationId != caller.OrganisationId)
        {
            throw ApiProblemException.Forbidden(ApiText.ReferenceAddressOfAnotherCpas);
        }

        if (file.CheckIns.TryGetValue(checkInId, out var recorded))
        {
            return recorded == on ? (false, ReferenceAddressResponse.From(stored.Value)) : throw ApiProblemException.Conflict(ApiText.CheckInIdTaken);
        }

        if (stored.Value.CheckInProblem(on, today) is { } problem)
        {
            throw ApiProblemException.Invalid("on", problem);
        }

        var address = stored.Value.CheckIn(on);
        var change = writer.Begin(personId, caller, "referenceAddress.checkIn");
        change.Insert(CaseEntities.CheckIn(personId, checkInId, on, caller.Id, change.Now));
        change.Replace(CaseEntities.ToEntity(address, personId), stored.ETag);
        try
        {
            await writer.CommitAsync(change, cancellationToken);
        }
        catch (ApiProblemException ex) when (ex.Type == ProblemTypes.Conflict || ex.Type == ProblemTypes.PreconditionFailed)
        {
            // The same check-in sent twice at once: the one that landed is the answer to both.
            var now = await files.LoadPersonForChangeAsync(caller, ApiOperation.RecordCheckIn, personId, "personId", cancellationToken);
            if (now.CheckIns.TryGetValue(checkInId, out var landed) && landed == on && now.ReferenceAddress is { } current)
            {
                return (false, ReferenceAddressResponse.From(current.Value));
            }

            throw;
        }

        return (true, ReferenceAddressResponse.From(address));
    }
}
