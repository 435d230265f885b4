using System.Text.Json;
using InclusionCases.Functions.Contacts;

namespace InclusionCases.UnitTests.Contacts;

public sealed class ContactIntakeMessageTests
{
    private const string Original = """{ "batchId": "b1", "organisationId": "ixelles-commune", "mediatorId": "m1", "chunk": 2, "contacts": "broken" }""";

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void CheckReplacement_SameEnvelope_IsAllowed()
    {
        Assert.Null(ContactIntakeMessage.CheckReplacement(Original, Json("""{ "batchId": "b1", "organisationId": "ixelles-commune", "mediatorId": "m1", "chunk": 2, "contacts": [ { "index": 7 } ] }""")));
    }

    [Theory]
    [InlineData("organisationId", "\"jette-cpas\"")]
    [InlineData("mediatorId", "\"someone-else\"")]
    [InlineData("batchId", "\"b2\"")]
    [InlineData("chunk", "0")]
    public void CheckReplacement_ChangedEnvelope_NamesTheField(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["batchId"] = "\"b1\"", ["organisationId"] = "\"ixelles-commune\"", ["mediatorId"] = "\"m1\"", ["chunk"] = "2" };
        fields[field] = value;
        var replacement = "{ " + string.Join(", ", fields.Select(f => $"\"{f.Key}\": {f.Value}")) + ", \"contacts\": [] }";

        var errors = ContactIntakeMessage.CheckReplacement(Original, Json(replacement));

        Assert.Equal(["replacement." + field], errors!.Keys);
    }

    [Fact]
    public void CheckReplacement_OriginalWithoutEnvelope_CanOnlyBeReplayedAsItIs()
    {
        var errors = ContactIntakeMessage.CheckReplacement("""{ "batchId": "b1", "contacts": [] }""", Json("""{ "batchId": "b1", "organisationId": "x", "mediatorId": "m", "chunk": 0, "contacts": [] }"""));

        Assert.Equal(["replacement"], errors!.Keys);
    }

    [Fact]
    public void CheckReplacement_ContactsWithoutDistinctIndexes_AreRefused()
    {
        var errors = ContactIntakeMessage.CheckReplacement(Original, Json("""{ "batchId": "b1", "organisationId": "ixelles-commune", "mediatorId": "m1", "chunk": 2, "contacts": [ { "index": 1 }, { "index": 1 } ] }"""));

        Assert.Equal(["replacement.contacts"], errors!.Keys);
    }

    [Fact]
    public void ScrubPerson_RewritesOnlyTheFreeTextOfThatPerson()
    {
        const string text = """{ "batchId": "b", "contacts": [ { "index": 0, "personId": "paaaaaaaaaaaaaaaa", "alias": "Red dog", "notes": "words", "zone": "Flagey" }, { "index": 1, "personId": "pbbbbbbbbbbbbbbbb", "alias": "Blue cat", "notes": null } ] }""";

        var scrubbed = ContactIntakeMessage.ScrubPerson(text, "paaaaaaaaaaaaaaaa")!;

        Assert.DoesNotContain("Red dog", scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain("words", scrubbed, StringComparison.Ordinal);
        Assert.Contains("Flagey", scrubbed, StringComparison.Ordinal);
        Assert.Contains("Blue cat", scrubbed, StringComparison.Ordinal);
        Assert.Null(ContactIntakeMessage.ScrubPerson("not json", "paaaaaaaaaaaaaaaa"));
    }

    [Fact]
    public void Read_OneUnreadableContact_IsReportedByIndex_TheOthersRead()
    {
        const string text = """{ "batchId": "b", "organisationId": "o", "mediatorId": "m", "chunk": 0, "contacts": [ { "index": 3, "id": "x", "needs": ["flying"] }, { "index": 4, "id": "y" } ] }""";

        var (message, unreadable) = ContactIntakeMessage.Read(text);

        Assert.Equal(4, Assert.Single(message.Contacts).Index);
        Assert.Equal(3, Assert.Single(unreadable).Index);
    }

    [Theory]
    [InlineData("""{ "batchId": "b", "organisationId": "o", "chunk": 0, "contacts": [] }""")]
    [InlineData("""{ "batchId": "b", "organisationId": "o", "mediatorId": "m", "chunk": 0, "contacts": "not a list" }""")]
    [InlineData("""{ "batchId": "b", "organisationId": "o", "mediatorId": "m", "chunk": 0, "contacts": [ { "id": "no index" } ] }""")]
    public void Read_NotAChunk_Throws(string text)
    {
        Assert.Throws<FormatException>(() => ContactIntakeMessage.Read(text));
    }
}
