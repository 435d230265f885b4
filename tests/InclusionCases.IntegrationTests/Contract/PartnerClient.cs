using InclusionCases.PartnerClient;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace InclusionCases.IntegrationTests.Contract;

/// <summary>
/// The Kiota-generated client as a partner would set it up: Kiota's default HTTP pipeline, a bearer
/// token provider, the API's base URL. The token here is a development one for a demo user.
/// </summary>
internal sealed class PartnerClient : IDisposable
{
    private readonly HttpClient _http = KiotaClientFactory.Create();

    public PartnerClient(Uri apiBase, string token)
    {
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(token)), httpClient: _http)
        {
            BaseUrl = apiBase.ToString().TrimEnd('/'),
        };
        Api = new InclusionCasesClient(adapter);
    }

    public InclusionCasesClient Api { get; }

    public void Dispose() => _http.Dispose();

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
