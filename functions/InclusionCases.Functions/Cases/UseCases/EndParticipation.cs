using InclusionCases.Domain.Access;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Localization;
using InclusionCases.Functions.PersonFile;
using InclusionCases.Functions.Storage;

namespace InclusionCases.Functions.Cases.UseCases;

/// <summary>
/// The case's lead ends a participant's part at once: the organisation leaves the case's participants,
/// so it no longer sees the case, its timeline or its tasks, whatever consent says; the timeline
/// records it. An organisation that does not take part is a 404.
/// </summary>
public sealed class EndParticipation(PersonFileAccess files, PersonFileWriter writer)
{
    public async Task ExecuteAsync(Caller caller, string caseId, string organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!TableKeys.IsValid(organisationId))
        {
            throw ApiProblemException.Invalid("organisationId", ApiText.NotAnOrganisationId);
        }

        var (_, stored) = await files.LoadCaseForChangeAsync(caller, ApiOperation.EndParticipation, caseId, cancellationToken);
        var current = stored.Value;
        if (!current.Participants.Contains(organisationId))
        {
            throw ApiProblemException.NotFound(ApiText.NotAParticipant);
        }

        var change = writer.Begin(current.PersonId, caller, "case.participationEnded");
        var updated = current with { Participants = [.. current.Participants.Where(p => p != organisationId)], UpdatedAt = change.Now, Version = current.Version + 1 };
        change.Replace(CaseEntities.ToEntity(updated), stored.ETag)
            .Timeline(updated, TimelineKind.ParticipationEnded, new Dictionary<string, string> { ["organisationId"] = organisationId })
            .Notify(WebhookEventTypes.CaseParticipationEnded, organisationId, updated.Id);
        await writer.CommitAsync(change, cancellationToken);
    }
}
