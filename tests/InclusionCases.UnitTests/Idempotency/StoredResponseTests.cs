using System.Text;
using InclusionCases.Functions.Http;
using InclusionCases.Functions.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace InclusionCases.UnitTests.Idempotency;

public sealed class StoredResponseTests
{
    [Fact]
    public void From_ACreatedResult_KeepsStatusLocationETagContentTypeAndTheBodyBytes()
    {
        var created = ApiResults.Created("/api/cases/c1", new { id = "c1" }, "\"1\"");
        created.Headers["Set-Cookie"] = "session=secret";
        created.Headers["WWW-Authenticate"] = "Bearer";

        var stored = StoredResponse.From(created)!;

        Assert.Equal(201, stored.Status);
        Assert.Equal("/api/cases/c1", stored.Headers["Location"]);
        Assert.Equal("\"1\"", stored.Headers["ETag"]);
        Assert.Equal("application/json; charset=utf-8", stored.Headers["Content-Type"]);
        Assert.False(stored.Headers.ContainsKey("Set-Cookie"));
        Assert.False(stored.Headers.ContainsKey("WWW-Authenticate"));
        Assert.Equal("{\"id\":\"c1\"}", Encoding.UTF8.GetString(stored.Body));
    }

    [Fact]
    public async Task Execute_AnswersTheKeptResponseMarkedReplayed()
    {
        var stored = StoredResponse.From(ApiResults.Created("/api/cases/c1", new { id = "c1" }, "\"1\""))!;
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await stored.ExecuteResultAsync(new ActionContext(context, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        Assert.Equal(201, context.Response.StatusCode);
        Assert.Equal("/api/cases/c1", context.Response.Headers.Location.ToString());
        Assert.Equal("true", context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal("{\"id\":\"c1\"}", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
