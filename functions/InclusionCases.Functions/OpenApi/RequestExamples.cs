using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Domain.Contacts;
using InclusionCases.Domain.Identity;
using InclusionCases.Domain.Matching;
using InclusionCases.Domain.Persons;
using InclusionCases.Domain.Referrals;
using InclusionCases.Domain.Tasks;
using InclusionCases.Domain.Webhooks;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Consents.Contracts;
using InclusionCases.Functions.Contacts.Contracts;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Matching.Contracts;
using InclusionCases.Functions.Operations;
using InclusionCases.Functions.Organisations.Contracts;
using InclusionCases.Functions.ReferenceAddresses.Contracts;
using InclusionCases.Functions.Referrals.Contracts;
using InclusionCases.Functions.Tasks.Contracts;
using InclusionCases.Functions.Webhooks.Contracts;

namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// One example body per request type, written as the contract records themselves so an example
/// cannot drift from the type, and serialised by the API's JSON settings (fields left out, not null:
/// in a PATCH, null clears). The contract tests send each one to the API.
/// </summary>
public static class RequestExamples
{
    private static readonly JsonSerializerOptions Options = new(ApiJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private static readonly ContactRequest Contact = new(
        "0f8fad5b-d9cb-469f-a165-70867728950e", new DateTimeOffset(2026, 11, 25, 22, 40, 0, TimeSpan.Zero), "Flagey", new LocationInput(50.8275, 4.3720),
        null, "Red scarf", [Need.Food, Need.Shelter], [Need.Food], "Asked about the night shelter; will come back Thursday.", true, true);

    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(CreateCaseRequest)] = new CreateCaseRequest(CaseType.HousingFirst, new PersonInput("Marc D.", 1978, Gender.Male, ["fr", "nl"], null), null, null),
        [typeof(UpdateCaseRequest)] = new UpdateCaseRequest(CaseStatus.Active, null, new HousingInput(null, TenancyStatus.Searching), null, null, new PiisInput(new DateOnly(2026, 11, 2))),
        [typeof(NoteRequest)] = new NoteRequest("Visited the flat on rue Malibran with Marc; he wants to apply.", NoteVisibility.Shared),
        [typeof(ConsentRequest)] = new ConsentRequest(["habitat-asbl"], [ConsentScope.Case], new DateOnly(2027, 11, 25), "Signed consent form, scanned in the CPAS file."),
        [typeof(ReferralRequest)] = new ReferralRequest("habitat-asbl", "Housing First support after six years on the street."),
        [typeof(DeclineReferralRequest)] = new DeclineReferralRequest(DeclineReason.Capacity, "No place before March; ask again then."),
        [typeof(CompleteReferralRequest)] = new CompleteReferralRequest("Moved into a flat in Schaerbeek with a signed lease."),
        [typeof(CreateSubscriptionRequest)] = new CreateSubscriptionRequest("https://hooks.habitat-asbl.example/inclusioncases", [WebhookEventTypes.ReferralReceived, WebhookEventTypes.CaseParticipationEnded]),
        [typeof(ContactRequest)] = Contact,
        [typeof(ContactBatchRequest)] = new ContactBatchRequest([Contact]),
        [typeof(CreateOrganisationRequest)] = new CreateOrganisationRequest("schaerbeek-cpas", "CPAS de Schaerbeek", OrganisationKind.Cpas, [Offer.Administrative, Offer.ReferenceAddress], ["fr", "nl"], true),
        [typeof(UpdateOrganisationRequest)] = new UpdateOrganisationRequest(null, null, [Offer.Administrative, Offer.ReferenceAddress, Offer.Food], null, null),
        [typeof(MemberRequest)] = new MemberRequest("Sophie Lambert", new DateTimeOffset(2027, 6, 30, 0, 0, 0, TimeSpan.Zero)),
        [typeof(CreateTaskRequest)] = new CreateTaskRequest("Call the landlord about the deposit", new DateOnly(2026, 12, 4), null),
        [typeof(UpdateTaskRequest)] = new UpdateTaskRequest(FollowUpTaskStatus.Done, "Landlord agreed to wait for the CPAS guarantee.", null),
        [typeof(ReferenceAddressRequest)] = new ReferenceAddressRequest(new DateOnly(2026, 3, 1), new DateOnly(2026, 11, 20)),
        [typeof(CheckInRequest)] = new CheckInRequest("5b1c9a8e-2d7f-4e61-9c3a-8f0e2b7d4a19", new DateOnly(2026, 11, 25)),
        [typeof(ReplayRequest)] = new ReplayRequest("3f2504e0-4f89-41d3-9a0c-0305e82c3301", null),
        [typeof(MatchPersonRequest)] = new MatchPersonRequest("Marc Dubois", ["Marco"], 1978, Gender.Male, "Flagey", [new IdentifierInput(IdentifierScheme.Niss, "78.03.14-123.49")]),
        [typeof(LinkPersonsRequest)] = new LinkPersonsRequest("pq7x2mvd4kf6jr3tb", "The same identity card was shown at both CPAS on 2026-11-20."),
        [typeof(ReferMatchRequest)] = new ReferMatchRequest(null, "We follow Marc since 2024; he asked to be referred to you."),
        [typeof(Reports.Contracts.OpenNightCountRequest)] = new Reports.Contracts.OpenNightCountRequest("2026-11-26", "23:00", "01:00", ["Flagey", "Porte de Namur", "Gare du Midi"]),
    };

    /// <summary>The example body of <paramref name="requestType"/>; a request type without one fails the document.</summary>
    public static JsonNode Of(Type requestType) =>
        ByType.TryGetValue(requestType, out var example)
            ? JsonSerializer.SerializeToNode(example, requestType, Options)!
            : throw new InvalidOperationException($"The request type {requestType.Name} has no example: add one to {nameof(RequestExamples)}.");
}
