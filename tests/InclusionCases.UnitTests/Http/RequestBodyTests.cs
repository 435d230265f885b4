using System.Text;
using InclusionCases.Functions.Cases.Contracts;
using InclusionCases.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace InclusionCases.UnitTests.Http;

public sealed class RequestBodyTests
{
    [Theory]
    [InlineData("{\"leadOrganisationId\": \"x\"}", "leadOrganisationId")]
    [InlineData("{\"person\": {\"nickname\": \"x\"}}", "person.nickname")]
    [InlineData("{\"status\": \"lost\"}", "status")]
    [InlineData("{\"housing\": {\"moveInDate\": \"25/11/2026\"}}", "housing.moveInDate")]
    [InlineData("{\"person\": {\"birthYear\": 19.5}}", "person.birthYear")]
    [InlineData("{\"status\": ", "$")]
    [InlineData("\"active\"", "$")]
    public async Task Read_InvalidBody_NamesTheField(string json, string field)
    {
        var error = await Assert.ThrowsAsync<ApiProblemException>(() => RequestBody.ReadAsync<UpdateCaseRequest>(Request(json), CancellationToken.None));

        Assert.Equal(400, error.Type.Status);
        Assert.Equal([field], error.Errors!.Keys);
    }

    [Fact]
    public async Task Read_ValidBody_KeepsTheDocumentToTellAbsentFromNull()
    {
        var (value, json) = await RequestBody.ReadAsync<UpdateCaseRequest>(Request("{\"assignedWorkerId\": null, \"status\": \"active\"}"), CancellationToken.None);

        Assert.Equal(InclusionCases.Domain.Cases.CaseStatus.Active, value.Status);
        Assert.True(json.TryGetProperty("assignedWorkerId", out _));
        Assert.False(json.TryGetProperty("housing", out _));
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}

public sealed class ApiJsonTests
{
    [Fact]
    public void Serialize_Times_AreUtcWithZ()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { at = new DateTimeOffset(2026, 11, 25, 22, 4, 0, TimeSpan.FromHours(1)) }, ApiJson.Options);

        Assert.Equal("{\"at\":\"2026-11-25T21:04:00Z\"}", json);
    }
}
