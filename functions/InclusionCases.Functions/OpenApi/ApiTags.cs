namespace InclusionCases.Functions.OpenApi;

/// <summary>
/// The document's tags: one per feature folder of the app, found from the namespace of the class
/// that holds the function, so a new route lands under its feature without a second list to keep.
/// </summary>
internal static class ApiTags
{
    private static readonly (string Name, string Description) Service = ("Service", "Liveness and the contract itself; no token needed.");

    private static readonly Dictionary<string, (string Name, string Description)> ByFeature = new(StringComparer.Ordinal)
    {
        ["Cases"] = ("Cases", "Housing First and homelessness cases: opening, reading, the workflow of statuses, notes and the timeline."),
        ["Consents"] = ("Consents", "The person's consent to share with named organisations, and its revocation."),
        ["Referrals"] = ("Referrals", "Referring a case to a partner organisation, and the partner's answer."),
        ["Tasks"] = ("Tasks", "Follow-up tasks on cases: those the system derives from Belgian rhythms (consents ending, tenancy visits) and their lists."),
        ["ReferenceAddresses"] = ("Reference addresses", "A person's reference address at a CPAS, kept by a check-in at least once a quarter."),
        ["Contacts"] = ("Street contacts", "Contacts logged by street mediators, one at a time or in offline batches, and the outreach history of a case."),
        ["Matching"] = ("Person matching", "Finding whether a person already has a record, among those the caller may see, without learning what others hold; match requests to holders (SocialWorkers, Mediators, Partners)."),
        ["Webhooks"] = ("Webhooks", "Subscriptions to signed events that carry ids only, their delivery log and redelivery (Partners, Coordinators)."),
        ["Organisations"] = ("Organisations", "The directory of organisations and their memberships (Coordinators)."),
        ["Oversight"] = ("Oversight", "The audit trail, and GDPR access (art. 15) and erasure (art. 17), for the data-protection officer."),
        ["Reports"] = ("Reports", "Aggregate counts in which small numbers are suppressed."),
        ["CallerProfile"] = ("Caller", "Who the token belongs to, as the API sees them."),
        ["Operations"] = ("Operations", "The service's operational status and its poison messages (Operators)."),
        ["Health"] = Service,
        ["OpenApi"] = Service,
    };

    /// <summary>The tag of a function declared by <paramref name="declaringType"/>.</summary>
    public static string Of(Type declaringType)
    {
        var feature = declaringType.Namespace?.Split('.').ElementAtOrDefault(2) ?? string.Empty;
        return ByFeature.TryGetValue(feature, out var tag)
            ? tag.Name
            : throw new InvalidOperationException($"The feature '{feature}' of {declaringType} has no tag: add it to {nameof(ApiTags)}.");
    }

    /// <summary>The tags the given operations use, each with its description, in the order given.</summary>
    public static IEnumerable<(string Name, string Description)> Declared(IEnumerable<string> used) =>
        used.Distinct(StringComparer.Ordinal).Select(name => ByFeature.Values.First(t => t.Name == name));
}
