using System.Text.Json;
using Azure;
using InclusionCases.Functions.Audit;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;
using InclusionCases.Functions.Identity;
using InclusionCases.Functions.Pipeline;
using InclusionCases.Functions.Storage;
using InclusionCases.Functions.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace InclusionCases.UnitTests.Http;

/// <summary>How failures inside a function become responses: the same in both hosts, since it runs in the function.</summary>
public sealed class HttpApiTests
{
    // Storage is never reached by these paths: the account points at a closed loopback port.
    private static readonly StorageAccount Unreachable = new(new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true"), new Azure.Storage.Queues.QueueServiceClient("UseDevelopmentStorage=true"), new StorageNames(string.Empty));

    private readonly HttpApi _api = new(
        new CallerAuthenticator(new NoMemberships(), TimeProvider.System),
        new AuditLog(Unreachable, TimeProvider.System),
        new IdempotentRequests(new IdempotencyStore(Unreachable), TimeProvider.System, NullLogger<IdempotentRequests>.Instance),
        new InclusionCases.Functions.PersonFile.PersonFileAccess(new InclusionCases.Functions.PersonFile.PersonFileStore(Unreachable), new AuditLog(Unreachable, TimeProvider.System), TimeProvider.System),
        new OperationalMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        TimeProvider.System,
        NullLogger<HttpApi>.Instance);

    [Theory]
    [InlineData("nl-BE", "nl", "De opslag is niet beschikbaar")]
    [InlineData("fr", "fr", "Le stockage est indisponible")]
    [InlineData(null, "en", "Storage is unavailable")]
    public async Task HandleAnonymous_StorageUnreachable_AnswersInTheRequestsLanguage(string? acceptLanguage, string language, string title)
    {
        var (status, headers, body) = await RunAsync(_ => throw new RequestFailedException("connection refused", new HttpRequestException("refused")), acceptLanguage);

        Assert.Equal(503, status);
        Assert.Equal(language, headers.ContentLanguage.ToString());
        Assert.Equal(title, body.GetProperty("title").GetString());
        Assert.Equal(ProblemTypes.StorageUnavailable.Uri, body.GetProperty("type").GetString());
    }

    [Fact]
    public async Task HandleAnonymous_StorageUnreachable_Answers503ProblemWithRetryAfter()
    {
        var (status, headers, body) = await RunAsync(_ => throw new RequestFailedException("connection refused", new HttpRequestException("refused")));

        Assert.Equal(503, status);
        Assert.Equal(ApiResults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), headers["Retry-After"]);
        Assert.StartsWith("application/problem+json", headers.ContentType, StringComparison.Ordinal);
        Assert.Equal(ProblemTypes.StorageUnavailable.Uri, body.GetProperty("type").GetString());
        Assert.Equal(503, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task HandleAnonymous_Bug_Answers500ProblemWithoutExceptionDetails()
    {
        var (status, _, body) = await RunAsync(_ => throw new InvalidOperationException("secret internal detail at Foo.Bar()"));

        Assert.Equal(500, status);
        Assert.DoesNotContain("secret internal detail", body.GetRawText(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Problem_RequestWithTraceparent_QuotesThatW3CTraceId()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var context = NewContext();
        context.Request.Headers["traceparent"] = $"00-{traceId}-00f067aa0ba902b7-01";

        var result = await _api.HandleAnonymousAsync(context.Request, _ => throw new InvalidOperationException("bug"), "GetHealth");
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });

        context.Response.Body.Position = 0;
        using var body = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(traceId, body.RootElement.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Handle_WithoutToken_Answers401WithBearerChallenge()
    {
        var context = NewContext();

        var result = await _api.HandleAsync(context.Request, (_, _) => throw new InvalidOperationException("must not run"), "GetCase");
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    private async Task<(int Status, IHeaderDictionary Headers, JsonElement Body)> RunAsync(Func<CancellationToken, Task<IActionResult>> handler, string? acceptLanguage = null)
    {
        var context = NewContext();
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        var result = await _api.HandleAnonymousAsync(context.Request, handler, "GetHealth");
        await result.ExecuteResultAsync(new ActionContext { HttpContext = context });
        context.Response.Body.Position = 0;
        using var document = await JsonDocument.ParseAsync(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, document.RootElement.Clone());
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication();
        return new DefaultHttpContext { RequestServices = services.BuildServiceProvider(), Response = { Body = new MemoryStream() } };
    }

    private sealed class NoMemberships : IMembershipReader
    {
        public Task<InclusionCases.Domain.Identity.Membership?> FindAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult<InclusionCases.Domain.Identity.Membership?>(null);
    }
}
