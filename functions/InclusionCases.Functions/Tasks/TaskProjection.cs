using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Time;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.PersonFile;

namespace InclusionCases.Functions.Tasks;

/// <summary>
/// The projector's part for tasks. It plans the derived tasks from the person's file
/// (<see cref="TaskRules"/>) and commits the plan as a change of the file, through the one write path;
/// derived tasks have ids made from their case, rule and occurrence and are inserted only where absent,
/// so two projections at once, or one redelivered, open each task once: the second change fails as a
/// whole and the projection it causes finds nothing left to plan. Then it lists the file's tasks in
/// their organisations' indexes (the tasks it just planned are listed by the projection their change
/// causes), and notes the day the plan changes with time alone in <see cref="TaskRecheckIndex"/>.
/// Records a worker linked as one person are planned together: a contact naming one is followed up on
/// the cases of the others too (<see cref="TaskRules"/>), so projecting any of them plans them all.
/// </summary>
public sealed class TaskProjection(TaskIndex index, TaskRecheckIndex rechecks, IContactFollowUps contacts, PersonFileWriter writer)
{
    /// <summary>What the projector tells of a change it made itself.</summary>
    public const string DerivedEventKind = "tasks.derived";

    /// <summary>Plans and commits the derived tasks of the person's records (<see cref="LinkedPersons"/>, the projected one first), then lists the projected file's tasks in their organisations' indexes.</summary>
    public async Task ProjectAsync(IReadOnlyList<PersonPartition> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var file = records[0];
        var followUps = new List<IReadOnlyList<ContactFollowUp>>(records.Count);
        foreach (var record in records)
        {
            followUps.Add(record.Person is null ? [] : await contacts.ForPersonAsync(record.PersonId, cancellationToken));
        }

        var today = PlausibleDates.Today(now);
        for (var i = 0; i < records.Count; i++)
        {
            var situation = SituationOf(records[i], followUps[i]) with
            {
                Linked = [.. Enumerable.Range(0, records.Count).Where(j => j != i).Select(j => new LinkedRecord([.. records[j].Cases.Select(c => c.Value)], [.. records[j].Tasks.Select(t => t.Value)], followUps[j]))],
            };
            if (i == 0 && file.Person is not null && TaskRules.NextRecheck(situation, today) is { } recheck)
            {
                await rechecks.ScheduleAsync(file.PersonId, recheck, cancellationToken);
            }

            // A linked record's change is listed by the projection that change causes.
            await PlanAsync(records[i], situation, today, cancellationToken);
        }

        foreach (var task in file.Tasks.Select(t => t.Value))
        {
            var lead = file.Case(task.CaseId)?.Value.LeadOrganisationId == task.OrganisationId;
            await index.UpsertAsync(task, file.PersonId, lead, cancellationToken);
        }
    }

    private static TaskSituation SituationOf(PersonPartition file, IReadOnlyList<ContactFollowUp> followUps) => new(
        [.. file.Cases.Select(c => c.Value)],
        file.ReferenceAddress?.Value,
        file.ConsentValues,
        followUps,
        [.. file.Tasks.Select(t => t.Value)]);

    private async Task PlanAsync(PersonPartition file, TaskSituation situation, DateOnly today, CancellationToken cancellationToken)
    {
        var erased = file.Person?.Value.ErasedAt is not null;
        var plan = TaskRules.Plan(situation, today);

        // Nothing new is written about an erased person; their open tasks may still be closed.
        var toOpen = erased ? [] : plan.ToOpen;
        if (file.Person is null || (toOpen.Count == 0 && plan.ToClose.Count == 0))
        {
            return;
        }

        // Half the rows for new tasks, half for closures, so one change never outgrows a batch; what is
        // left is planned by the projection this change causes.
        var change = writer.Begin(file.PersonId, null, DerivedEventKind);
        foreach (var wanted in toOpen.Take(PersonChange.MaxRows / 2))
        {
            var task = new FollowUpTask(
                RecordIds.DerivedTaskId(file.PersonId, wanted.CaseId, wanted.Kind, wanted.RuleKey), wanted.CaseId, wanted.Kind, wanted.RuleKey, TaskRules.TitleOf(wanted.Kind),
                wanted.DueOn, FollowUpTaskStatus.Open, wanted.OrganisationId, null, null, change.Now, null);
            change.Insert(CaseEntities.ToEntity(task, file.PersonId))
                .Notify(WebhookEventTypes.TaskDue, task.OrganisationId, task.CaseId, taskId: task.Id, notBefore: PlausibleDates.StartOf(task.DueOn));
            if (task.Kind == TaskKind.ConsentExpiry)
            {
                // The consent rule opens its task the day the consent enters its last 30 days: the lead is told,
                // and the organisations the consent names that see the case, whose access ends with it.
                var named = file.Consent(task.RuleKey!)?.Value.OrganisationIds ?? [];
                var told = file.Access.Seeing(file.Access.Case(task.CaseId)!, change.Now).Where(named.Contains).Append(task.OrganisationId).Distinct();
                foreach (var organisationId in told)
                {
                    change.Notify(WebhookEventTypes.ConsentExpiring, organisationId, task.CaseId, consentId: task.RuleKey);
                }
            }
        }

        foreach (var closure in plan.ToClose.Take(PersonChange.MaxRows / 2))
        {
            var stored = file.Task(closure.Task.Id)!;
            change.Replace(CaseEntities.ToEntity(closure.Task with { Status = closure.Status, Outcome = closure.Outcome, CompletedOn = today }, file.PersonId), stored.ETag);
        }

        try
        {
            await writer.CommitAsync(change, cancellationToken);
        }
        catch (ApiProblemException ex) when (ex.Type == ProblemTypes.Conflict || ex.Type == ProblemTypes.PreconditionFailed)
        {
            // The file changed meanwhile (another projection opened the same task, a worker closed one):
            // that change has its own outbox row, and the projection it causes plans again.
        }
    }
}
