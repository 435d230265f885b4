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
    [InlineData("{\"Status\": \"active\"}", "Status")]
    [InlineData("{\"STATUS\": \"active\"}", "STATUS")]
    [InlineData("{\"Person\": {\"displayName\": \"A\"}}", "Person")]
    [InlineData("{\"person\": {\"DisplayName\": \"A\"}}", "person.DisplayName")]
    [InlineData("{\"status\": \"active\", \"status\": \"closed\"}", "status")]
    [InlineData("{\"person\": {\"displayName\": \"A\", \"displayName\": \"B\"}}", "person.displayName")]
    [InlineData("{\"person\": {\"birthYear\": \"1980\"}}", "person.birthYear")]
    [InlineData("{\"person\": {\"birthYear\": \"1980\", \"birthYear\": 1981}}", "person.birthYear")]
    [InlineData("{\"housing\": {\"moveInDate\": \"2026-11-25T00:00:00Z\"}}", "housing.moveInDate")]
    [InlineData("{\"housing\": {\"moveInDate\": \"2026-1-5\"}}", "housing.moveInDate")]
    [InlineData("{\"housing\": {\"moveInDate\": \"20261125\"}}", "housing.moveInDate")]
    [InlineData("{\"housing\": {\"moveInDate\": \" 2026-11-25\"}}", "housing.moveInDate")]
    [InlineData("{\"housing\": {\"moveInDate\": 20261125}}", "housing.moveInDate")]
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
    private sealed record Probe(DateTimeOffset? At, DateOnly? On, int? Count);

    [Theory]
    [InlineData("2026-11-25T21:04:00Z", "2026-11-25T21:04:00Z")]
    [InlineData("2026-11-25T22:04:00+01:00", "2026-11-25T21:04:00Z")]
    [InlineData("2026-11-25T21:04:00.1234567Z", "2026-11-25T21:04:00.1234567Z")]
    [InlineData("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z")]
    public void Read_FullTimeWithOffset_IsTheInstant(string text, string expected)
    {
        var probe = System.Text.Json.JsonSerializer.Deserialize<Probe>($"{{\"at\": \"{text}\"}}", ApiJson.Options)!;

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), probe.At);
    }

    [Theory]
    [InlineData("\"2026-11-25T21:04:00\"")]
    [InlineData("\"2026-11-25\"")]
    [InlineData("\"2026-11-25T21:04Z\"")]
    [InlineData("\"2026-11-25 21:04:00Z\"")]
    [InlineData("\"2026-11-25t21:04:00z\"")]
    [InlineData("\"2026-11-25T21:04:00+0100\"")]
    [InlineData("\"2026-11-25T21:04:00Z\\n\"")]
    [InlineData("\"0001-01-01T00:00:00+01:00\"")]
    [InlineData("\"9999-12-31T23:59:59-01:00\"")]
    [InlineData("\"Wed, 25 Nov 2026 21:04:00 GMT\"")]
    [InlineData("1764104640")]
    public void Read_TimeWithoutOffsetOrNotIso_IsRefused(string json)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Probe>($"{{\"at\": {json}}}", ApiJson.Options));
    }

    [Theory]
    [InlineData("{\"on\": \"2026-11-25T00:00:00\"}")]
    [InlineData("{\"on\": \"25/11/2026\"}")]
    [InlineData("{\"count\": \"3\"}")]
    [InlineData("{\"count\": \"NaN\"}")]
    [InlineData("{\"Count\": 3}")]
    [InlineData("{\"count\": 3, \"count\": 4}")]
    public void Read_LooseDatesNumbersOrNames_AreRefused(string json)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Probe>(json, ApiJson.Options));
    }

    [Fact]
    public void QueueMessage_AsQueuedBefore_StillParses()
    {
        // A contact-intake message in the form the producer has always written (camelCase, numbers, UTC "Z" times).
        const string queued = """
            {"batchId":"abcdefghijkl","organisationId":"ixelles-commune","mediatorId":"8d1f6a52-0004-4c3e-9a6e-5f1b2c3d4e04","chunk":0,
             "contacts":[{"id":"3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11","observedAt":"2026-11-25T21:04:00Z","zone":"Flagey",
             "location":{"lat":50.827,"lon":4.372},"personId":null,"alias":"Jo","needs":["food","shelter"],"servicesOffered":["food"],
             "notes":"Line one\nline two","beddedDown":true,"followUp":false},
             {"id":"3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e12","observedAt":"2026-11-25T21:04:00.25Z","zone":"Flagey","location":null,
             "personId":"paaaaaaaaaaaaaaaa","alias":null,"needs":[],"servicesOffered":[],"notes":null,"beddedDown":null,"followUp":null}]}
            """;

        var message = QueueMessages.Parse<InclusionCases.Functions.Contacts.ContactIntakeMessage>(queued);

        Assert.Equal(2, message.Contacts.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 21, 4, 0, TimeSpan.Zero), message.Contacts[0].ObservedAt);
        Assert.Equal(50.827, message.Contacts[0].Location!.Lat);
    }

    [Fact]
    public void QueueMessage_Serialized_ParsesBackEqual()
    {
        var contact = new InclusionCases.Functions.Contacts.CheckedContact(
            0, "v1:x", "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", new DateTimeOffset(2026, 11, 25, 22, 4, 0, 123, TimeSpan.FromHours(1)), "Flagey",
            new InclusionCases.Functions.Contacts.QueuedLocation(50.827, 4.372), null, "Jo",
            [InclusionCases.Domain.Contacts.Need.Food], [], "Two\r\nlines", true, null);
        var message = new InclusionCases.Functions.Contacts.ContactIntakeMessage("abcdefghijkl", "ixelles-commune", "mediator", 3, [contact]);

        var queued = QueueMessages.Serialize(message);
        var parsed = QueueMessages.Parse<InclusionCases.Functions.Contacts.ContactIntakeMessage>(queued);

        Assert.Equal(queued, QueueMessages.Serialize(parsed));
        Assert.Equal(contact.ObservedAt, parsed.Contacts.Single().ObservedAt);
        Assert.Equal("Two\r\nlines", parsed.Contacts.Single().Notes);
    }

    [Fact]
    public void Serialize_Times_AreUtcWithZ()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new { at = new DateTimeOffset(2026, 11, 25, 22, 4, 0, TimeSpan.FromHours(1)) }, ApiJson.Options);

        Assert.Equal("{\"at\":\"2026-11-25T21:04:00Z\"}", json);
    }
}
