using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using InclusionCases.Domain.Identity;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.UnitTests.Identity;

/// <summary>
/// Tokens validly signed by the trusted key whose claims have surprising values or JSON types:
/// the signature is no reason to believe them. Payloads are written by hand, as a faulty or
/// hostile issuer could, and signed with the harness's development key.
/// </summary>
public sealed class TokenClaimsTests
{
    private const string SophieId = "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01";
    private readonly AuthenticationHarness _harness = new(new Membership(SophieId, "ixelles-cpas", "Sophie Lambert"));

    /// <summary>Claim overrides (a JSON object), and the outcome: the caller's roles, "no role" (403) or "401".</summary>
    public static TheoryData<string, string> Claims => new()
    {
        { """{"roles": "Mediator,Partner"}""", "no role" },
        { """{"roles": "SocialWorker,Auditor"}""", "no role" },
        { """{"roles": " Auditor"}""", "no role" },
        { """{"roles": "Auditor "}""", "no role" },
        { """{"roles": "auditor"}""", "no role" },
        { """{"roles": "AUDITOR"}""", "no role" },
        { """{"roles": "1"}""", "no role" },
        { """{"roles": 3}""", "no role" },
        { """{"roles": ["Mediator,Partner"]}""", "no role" },
        { """{"roles": "Auditor"}""", "Auditor" },
        { """{"roles": ["Auditor", "Operator"]}""", "Auditor,Operator" },
        { """{"roles": ["SocialWorker", "auditor", " Operator"]}""", "SocialWorker" },
        { """{"oid": ["8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01", "8d1f6a52-0002-4c3e-9a6e-5f1b2c3d4e02"]}""", "401" },
        { """{"oid": ["8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01"]}""", "401" },
        { """{"oid": 42}""", "401" },
        { """{"oid": {"id": "8d1f6a52-0001-4c3e-9a6e-5f1b2c3d4e01"}}""", "401" },
        { """{"oid": null}""", "401" },
        { """{"exp": "9999999999"}""", "401" },
        { """{"exp": ["9999999999"]}""", "401" },
        { """{"nbf": "1000000000"}""", "401" },
        { """{"iat": "1000000000"}""", "401" },
        { """{"exp": 9999999999}""", "SocialWorker" },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public async Task Authenticate_TokenWithClaims_GetsTheOutcomeOfTheTable(string overrides, string expected)
    {
        var payload = SophiePayload();
        foreach (var (name, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            payload[name] = value?.DeepClone();
        }

        var result = await _harness.AuthenticateAsync("Bearer " + Sign(payload.ToJsonString()));

        switch (expected)
        {
            case "401":
                Assert.Null(result.Caller);
                Assert.NotNull(result.Unauthenticated);
                break;
            case "no role":
                Assert.Null(result.Caller);
                Assert.Equal("The caller's token carries no application role.", result.Forbidden?.English());
                break;
            default:
                Assert.True(result.Caller is not null, (result.Unauthenticated ?? result.Forbidden)?.English());
                Assert.Equal(expected.Split(',').Select(Enum.Parse<AppRole>).ToHashSet(), result.Caller.Roles.ToHashSet());
                Assert.Equal(SophieId, result.Caller.Id);
                break;
        }
    }

    [Fact]
    public async Task Authenticate_HandWrittenPayloadOfTheRightShape_Succeeds()
    {
        // The control of the table: the hand-written token itself is accepted.
        var result = await _harness.AuthenticateAsync("Bearer " + Sign(SophiePayload().ToJsonString()));

        Assert.Equal([AppRole.SocialWorker], result.Caller?.Roles);
    }

    [Theory]
    [InlineData("exp", "\"exp\": \"9999999999\"", "The bearer token's 'exp' claim must be a number.")]
    [InlineData("nbf", "\"nbf\": \"1000000000\"", "The bearer token's 'nbf' claim must be a number.")]
    public async Task Authenticate_TimeAsString_IsRefusedNamingTheClaim(string claim, string replacement, string message)
    {
        var payload = SophiePayload();
        payload.Remove(claim);
        var json = payload.ToJsonString().TrimEnd('}') + ", " + replacement + "}";

        var result = await _harness.AuthenticateAsync("Bearer " + Sign(json));

        Assert.Equal(message, result.Unauthenticated?.English());
    }

    [Theory]
    [InlineData("oid", "\"8d1f6a52-0009-4c3e-9a6e-5f1b2c3d4e09\"")]
    [InlineData("roles", "\"Auditor\"")]
    [InlineData("exp", "9999999999")]
    public async Task Authenticate_DuplicatedClaimName_IsUnauthenticated(string claim, string secondValue)
    {
        // Readers disagree on which of two equal keys wins; the token is refused instead.
        var json = SophiePayload().ToJsonString().TrimEnd('}') + $", \"{claim}\": {secondValue}}}";

        var result = await _harness.AuthenticateAsync("Bearer " + Sign(json));

        Assert.Null(result.Caller);
        Assert.NotNull(result.Unauthenticated);
    }

    private JsonObject SophiePayload()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = _harness.Options.EffectiveIssuer,
            ["aud"] = AuthenticationHarness.Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["ver"] = "2.0",
            ["tid"] = _harness.Options.TenantId,
            ["oid"] = SophieId,
            ["sub"] = SophieId,
            ["name"] = "Sophie Lambert",
            ["roles"] = new JsonArray("SocialWorker"),
        };
    }

    private string Sign(string payloadJson)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","kid":"inclusioncases-dev","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode(payloadJson);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(_harness.SigningKey), Encoding.ASCII.GetBytes(header + "." + payload));
        return header + "." + payload + "." + Base64UrlEncoder.Encode(signature);
    }
}
