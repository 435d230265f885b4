using System.Text.Json;
using InclusionCases.Domain.Cases;
using InclusionCases.Domain.Consents;
using InclusionCases.Functions.Http;

namespace InclusionCases.UnitTests.Http;

/// <summary>Enum values are read only as the contract spells them: another case, a number or a comma list is no value.</summary>
public sealed class ExactEnumConverterTests
{
    private sealed record Probe(CaseType? Type, ConsentScope[]? Scope);

    [Theory]
    [InlineData("{\"type\": \"HousingFirst\"}")]
    [InlineData("{\"type\": \"HOUSINGFIRST\"}")]
    [InlineData("{\"type\": \"housingfirst\"}")]
    [InlineData("{\"type\": 0}")]
    [InlineData("{\"type\": \"0\"}")]
    [InlineData("{\"type\": \"housingFirst, homelessness\"}")]
    [InlineData("{\"type\": \" housingFirst\"}")]
    [InlineData("{\"scope\": [\"case\", \"Sensitive\"]}")]
    public void Read_ValueNotSpelledAsTheContract_IsRefused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Probe>(json, ApiJson.Options));

    [Fact]
    public void Read_ContractSpelling_IsTheValue_AndWritesBackTheSame()
    {
        var probe = JsonSerializer.Deserialize<Probe>("{\"type\": \"housingFirst\", \"scope\": [\"case\", \"sensitive\"]}", ApiJson.Options)!;

        Assert.Equal(CaseType.HousingFirst, probe.Type);
        Assert.Equal([ConsentScope.Case, ConsentScope.Sensitive], probe.Scope);
        Assert.Equal("{\"type\":\"housingFirst\",\"scope\":[\"case\",\"sensitive\"]}", JsonSerializer.Serialize(probe, ApiJson.Options));
    }

    [Fact]
    public void NamesOf_AreTheContractNames() =>
        Assert.Equal(["housingFirst", "homelessness"], ExactEnumConverter.NamesOf(typeof(CaseType)));
}
