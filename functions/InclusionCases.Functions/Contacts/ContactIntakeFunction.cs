using InclusionCases.Functions.Pipeline;
using Microsoft.Azure.Functions.Worker;

namespace InclusionCases.Functions.Contacts;

/// <summary>The <c>contact-intake</c> queue trigger: stores one chunk of a contact batch.</summary>
public sealed class ContactIntakeFunction(BackgroundWork background, ContactIntake intake)
{
    [Function(nameof(StoreContactChunk))]
    public Task StoreContactChunk([QueueTrigger("%" + Storage.QueueNames.ContactIntakeSetting + "%")] string message, CancellationToken cancellationToken) =>
        background.RunMessageAsync(ct => intake.StoreAsync(message, ct), cancellationToken);
}
