using System.Text.Json;
using InclusionCases.Domain.Text;
using InclusionCases.Functions.Localization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InclusionCases.Functions.Identity;

/// <summary>
/// Checks the JSON types of a validated token's claims, which the token handler does not: it reads
/// a string <c>exp</c> as a time and turns an <c>oid</c> array into several claims. Run after the
/// signature, issuer, audience and lifetime checks, for both authentication modes.
/// </summary>
internal static class TokenClaimShape
{
    private static readonly string[] Times = ["exp", "nbf", "iat"];

    /// <summary>Why the token's payload has the wrong shape, or null when it is fine.</summary>
    public static Message? Problem(JsonWebToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        JsonDocument payload;
        try
        {
            // A repeated claim name would let two readers of the same token see different values.
            payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload), new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return ApiText.TokenPayloadDistinctClaims;
        }

        using (payload)
        {
            return Problem(payload.RootElement);
        }
    }

    /// <summary>Why a token payload has the wrong shape, or null when it is fine.</summary>
    public static Message? Problem(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return ApiText.TokenPayloadNotObject;
        }

        foreach (var name in Times)
        {
            if (payload.TryGetProperty(name, out var time) && time.ValueKind != JsonValueKind.Number)
            {
                return ApiText.TokenClaimNumber(name);
            }
        }

        if (!payload.TryGetProperty(ApiClaims.ObjectId, out var oid) || oid.ValueKind != JsonValueKind.String)
        {
            return ApiText.TokenClaimString(ApiClaims.ObjectId);
        }

        return null;
    }
}

/// <summary>A validated token whose claims do not have the JSON types the API relies on.</summary>
internal sealed class SecurityTokenClaimShapeException(Message problem) : SecurityTokenValidationException(problem.English())
{
    /// <summary>What is wrong, answered in the request's language.</summary>
    public Message Problem { get; } = problem;
}
