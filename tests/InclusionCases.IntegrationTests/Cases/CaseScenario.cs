using System.Net;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Cases;

/// <summary>Builds the situations the case tests start from, through the public API.</summary>
internal static class CaseScenario
{
    public static readonly string LastMonth = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string NextWeek = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly string NextYear = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(string CaseId, string PersonId, string ETag)> OpenCaseAsync(TestHost host, string login = "sophie", string displayName = "Jean Dupont")
    {
        var created = await ApiCall.SendAsync(host, HttpMethod.Post, "cases", login, new
        {
            type = "housingFirst",
            person = new { displayName, birthYear = 1971, languages = new[] { "fr" }, sensitive = new { health = "diabetes", addiction = "alcohol", disabilityStatus = "yes", residenceStatus = "noValidPermit" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var person = created.Json.GetProperty("person");
        return (created.Field("id"), person.GetProperty("id").GetString()!, created.ETag!);
    }

    public static async Task<string> RecordConsentAsync(TestHost host, string personId, string[] organisations, bool sensitive = false, string login = "sophie", DateTime? expiresOn = null)
    {
        var consent = await ApiCall.SendAsync(host, HttpMethod.Post, $"persons/{personId}/consents", login, new
        {
            organisationIds = organisations,
            scope = sensitive ? new[] { "case", "sensitive" } : new[] { "case" },
            expiresOn = expiresOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? NextYear,
            evidence = "Signed consent form, scanned into the CPAS file",
        });
        Assert.Equal(HttpStatusCode.Created, consent.Status);
        return consent.Field("id");
    }

    public static async Task<string> ReferAsync(TestHost host, string caseId, string to, string login = "sophie")
    {
        var referral = await ApiCall.SendAsync(host, HttpMethod.Post, $"cases/{caseId}/referrals", login, new { toOrganisationId = to, reason = "Housing First support team" });
        Assert.Equal(HttpStatusCode.Created, referral.Status);
        return referral.Field("id");
    }

    /// <summary>A case led by ixelles-cpas that habitat-asbl takes part in with the person's consent.</summary>
    public static async Task<SharedCase> SharedWithHabitatAsync(TestHost host, bool sensitive = false)
    {
        var (caseId, personId, _) = await OpenCaseAsync(host);
        var consentId = await RecordConsentAsync(host, personId, ["habitat-asbl"], sensitive);
        var referralId = await ReferAsync(host, caseId, "habitat-asbl");
        var accepted = await ApiCall.SendAsync(host, HttpMethod.Post, $"referrals/{referralId}/accept", "lena");
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        return new SharedCase(caseId, personId, consentId, referralId);
    }
}

internal sealed record SharedCase(string CaseId, string PersonId, string ConsentId, string ReferralId);
