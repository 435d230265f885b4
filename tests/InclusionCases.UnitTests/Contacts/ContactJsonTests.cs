using System.Text.Json;
using InclusionCases.Functions.Contacts;
using InclusionCases.Functions.Contacts.Contracts;

namespace InclusionCases.UnitTests.Contacts;

/// <summary>Each contact of a batch is read on its own: what is wrong with one item names its field.</summary>
public sealed class ContactJsonTests
{
    private const string Valid = """{ "id": "3f2b8c1e-6a0d-4c4e-9a57-0d8c2b9f1e11", "observedAt": "2026-11-25T22:40:00Z", "zone": "Flagey", "needs": ["food"], "servicesOffered": [] }""";

    private static JsonElement Item(string json) => JsonDocument.Parse(json).RootElement;

    private static string With(string field) => Valid[..^1] + ", " + field + " }";

    [Fact]
    public void ReadItem_ValidContact_Reads()
    {
        var (value, errors) = ContactJson.ReadItem<ContactRequest>(Item(Valid));

        Assert.Empty(errors);
        Assert.Equal("Flagey", value!.Zone);
    }

    [Theory]
    [InlineData("\"needs\": [\"flying\"]", "needs")]
    [InlineData("\"beddedDown\": \"yes\"", "beddedDown")]
    [InlineData("\"location\": { \"lat\": \"50.8\", \"lon\": 4.3 }", "location.lat")]
    [InlineData("\"nickname\": \"x\"", "nickname")]
    [InlineData("\"Zone\": \"x\"", "Zone")]
    [InlineData("\"zone\": \"Matonge\"", "zone")]
    public void ReadItem_FaultyField_NamesIt(string field, string expected)
    {
        var json = field.StartsWith("\"needs\"", StringComparison.Ordinal)
            ? Valid.Replace("\"needs\": [\"food\"]", field, StringComparison.Ordinal)
            : With(field);

        var (value, errors) = ContactJson.ReadItem<ContactRequest>(Item(json));

        Assert.Null(value);
        Assert.Equal([expected], errors.Keys);
    }

    [Theory]
    [InlineData("2026-11-25T22:40:00")]
    [InlineData("2026-11-25")]
    [InlineData("25/11/2026 22:40")]
    public void ReadItem_TimeWithoutOffset_IsRejected(string observedAt)
    {
        var (value, errors) = ContactJson.ReadItem<ContactRequest>(Item(Valid.Replace("2026-11-25T22:40:00Z", observedAt, StringComparison.Ordinal)));

        Assert.Null(value);
        Assert.Equal(["observedAt"], errors.Keys);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("[]")]
    public void ReadItem_NotAnObject_IsRejected(string json)
    {
        var (value, errors) = ContactJson.ReadItem<ContactRequest>(Item(json));

        Assert.Null(value);
        Assert.Equal(["$"], errors.Keys);
    }
}
