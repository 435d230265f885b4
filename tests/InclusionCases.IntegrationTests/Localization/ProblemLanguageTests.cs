using System.Net;
using System.Text;
using System.Text.Json;
using InclusionCases.Functions.Http;
using InclusionCases.IntegrationTests.Infrastructure;

namespace InclusionCases.IntegrationTests.Localization;

/// <summary>
/// Problems follow Accept-Language among fr, nl and en (default en) and name it in Content-Language;
/// type URIs and field names are the same in every language.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ProblemLanguageTests(AzuriteFixture azurite) : HostedTest(azurite)
{
    private const string EmptyName = "{\"type\": \"housingFirst\", \"person\": {\"displayName\": \"\"}}";

    private const string UnknownCase = "cases/paaaaaaaaaaaaaaaa-caaaaaaaaaa";

    [Theory]
    [InlineData("nl-BE,nl;q=0.9,en;q=0.5", "nl", "Het verzoek is niet geldig", "Het verzoek is niet geldig; zie errors.", "Verplicht.")]
    [InlineData("fr-BE", "fr", "La requête n'est pas valide", "La requête n'est pas valide ; voir errors.", "Obligatoire.")]
    [InlineData(null, "en", "The request is not valid", "The request is not valid; see errors.", "Required.")]
    [InlineData("de-DE,de;q=0.9", "en", "The request is not valid", "The request is not valid; see errors.", "Required.")]
    public async Task InvalidBody_400_IsInTheAskedLanguage_WithTheSameTypeAndFields(string? acceptLanguage, string language, string title, string detail, string message)
    {
        var (response, problem) = await SendAsync(HttpMethod.Post, "cases", "sophie", acceptLanguage, EmptyName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([language], response.Content.Headers.ContentLanguage);
        Assert.Equal(ProblemTypes.Validation.Uri, problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["person.displayName"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal([message], errors.GetProperty("person.displayName").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task MissingToken_401_IsInFrench()
    {
        var (response, problem) = await SendAsync(HttpMethod.Get, "cases", login: null, "fr-BE, en;q=0.5");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["fr"], response.Content.Headers.ContentLanguage);
        Assert.Equal(ProblemTypes.Unauthorized.Uri, problem.GetProperty("type").GetString());
        Assert.Equal("Authentification requise", problem.GetProperty("title").GetString());
        Assert.Equal("Un jeton bearer est requis.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UnknownCase_404_IsInFrench()
    {
        var (response, problem) = await SendAsync(HttpMethod.Get, UnknownCase, "sophie", "fr");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["fr"], response.Content.Headers.ContentLanguage);
        Assert.Equal(ProblemTypes.NotFound.Uri, problem.GetProperty("type").GetString());
        Assert.Equal("Introuvable", problem.GetProperty("title").GetString());
        Assert.Equal("Aucun dossier portant cet identifiant n'a été trouvé.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de")]
    [InlineData("*")]
    public async Task UnknownCase_404_IsInEnglish_WhenNoSupportedLanguageIsAsked(string? acceptLanguage)
    {
        var (response, problem) = await SendAsync(HttpMethod.Get, UnknownCase, "sophie", acceptLanguage);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(["en"], response.Content.Headers.ContentLanguage);
        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.Equal("No case with that id was found.", problem.GetProperty("detail").GetString());
    }

    private async Task<(HttpResponseMessage Response, JsonElement Problem)> SendAsync(HttpMethod method, string path, string? login, string? acceptLanguage, string? body = null)
    {
        using var request = TestHost.Request(method, path, login is null ? null : Host.TokenFor(login));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await Host.Client.SendAsync(request);
        var call = new ApiCall(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        return (response, ProblemAssertions.AssertProblem(call, response.StatusCode));
    }
}
