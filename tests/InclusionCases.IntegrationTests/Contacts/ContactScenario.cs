namespace InclusionCases.IntegrationTests.Contacts;

/// <summary>Street contacts as a mediator's phone would send them.</summary>
internal static class ContactScenario
{
    public static object Contact(string? personId = null, string zone = "Flagey", double lat = 50.827341, double lon = 4.372518, string? id = null, string notes = "Man with a red dog, asked for a blanket", DateTimeOffset? observedAt = null) => new
    {
        id = id ?? Guid.NewGuid().ToString(),
        observedAt = observedAt ?? DateTimeOffset.UtcNow.AddHours(-2),
        zone,
        location = new { lat, lon },
        personId,
        alias = "Red dog",
        needs = new[] { "food", "shelter" },
        servicesOffered = new[] { "food", "orientation" },
        notes,
        beddedDown = true,
        followUp = true,
    };
}
